import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { MyAssessmentsSchema } from '@quyche/core';
import { formatDateVi } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { label, LEVEL, STATE } from './assessment.labels';

/** "Đánh giá, xếp loại của tôi" on the member's cell page: their sheets, each opened to self-assess or to read. */
export function MyAssessmentsCard() {
  const [l, tr] = useTr();
  const { data } = useApi<z.output<typeof MyAssessmentsSchema>>('/me/assessments');
  if (!data || data.rows.length === 0) return null;
  return (
    <Card withBorder data-testid="my-assessments">
      <Title order={2} size="h4">
        {tr('Đánh giá, xếp loại của tôi', 'My assessment')}
      </Title>
      <Stack gap={6} mt="xs">
        {data.rows.map((r) => (
          <div key={r.id} data-testid="my-assessment" data-state={r.state}>
            <Anchor component={Link} to={`/assessments/${r.id}`} fw={600} size="sm">
              {tr(`Năm ${r.year}`, `${r.year}`)} — {r.orgName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {r.decidedLevel ? label(LEVEL, r.decidedLevel, l) : label(STATE, r.state, l)}
              {r.state === 'open' && ` · ${tr('mở để tự đánh giá, chấm điểm', 'open it to self-assess')}`}
            </Text>
            {r.due && (
              <Text size="xs" c={r.due.late ? 'red' : 'dimmed'} data-testid="my-assessment-due">
                {tr(
                  `${r.due.late ? 'Đã quá hạn xếp loại' : 'Hạn xếp loại'}: trước ngày ${formatDateVi(r.due.before)} ` +
                    `(${r.due.basis_vi})`,
                  `${r.due.late ? 'Late' : 'Due'}: before ${formatDateVi(r.due.before)} (${r.due.basis_vi})`,
                )}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
