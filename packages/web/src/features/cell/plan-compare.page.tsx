import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PlanCompareSchema } from '@quyche/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { useTitle } from '../../app/ui/use-title';

type Compare = z.output<typeof PlanCompareSchema>;
type Side = Compare['a'];

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`.replace('.', ',');

/** The text with the passages the other plan also has marked (<mark>), line breaks kept. */
function Marked({ side }: { side: Side }) {
  const out: ReactNode[] = [];
  let at = 0;
  side.shared.forEach(([from, to], i) => {
    if (from > at) out.push(side.text.slice(at, from));
    out.push(
      <mark key={i} data-testid="plan-shared" style={{ background: 'var(--mantine-color-yellow-2)' }}>
        {side.text.slice(from, to)}
      </mark>,
    );
    at = to;
  });
  if (at < side.text.length) out.push(side.text.slice(at));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="plan-text">
      {out}
    </Text>
  );
}

/**
 * Two members' personal action plans side by side, the passages they share marked: what a committee reads before it
 * asks whether one copied the other (the check's figure alone proves nothing).
 */
export function PlanComparePage() {
  const [, tr] = useTr();
  const { query } = useLocation();
  const [a, b] = [query.get('a'), query.get('b')];
  const { data, error, loading } = useApi<Compare>(a && b ? `/plans/compare?a=${a}&b=${b}` : null);
  useTitle(tr('So sánh hai kế hoạch hành động', 'Two action plans side by side'));
  const share = (s: Side) => s.shared.reduce((n, [x, y]) => n + y - x, 0) / Math.max(1, s.text.length);
  return (
    <Stack data-testid="plan-compare-page">
      <PageHead title={tr('So sánh hai kế hoạch hành động', 'Two action plans side by side')}>
        {data &&
          tr(
            `Hai bản chung ${pct(data.similarity)} các cụm ba từ liên tiếp (ngưỡng phát hiện ` +
              `${pct(data.threshold)}). Phần tô vàng có ở cả hai bản.`,
            `${pct(data.similarity)} of their runs of three words are shared (threshold ` +
              `${pct(data.threshold)}). Highlighted: in both plans.`,
          )}
      </PageHead>
      {!(a && b) && (
        <Text c="red.8" data-testid="plan-compare-missing">
          {tr('Chưa chọn hai kế hoạch để so sánh.', 'Choose two plans to compare.')}
        </Text>
      )}
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {[data.a, data.b].map((s) => (
            <Card withBorder key={s.id} data-testid="plan-side">
              <Title order={2} size="h4">
                {s.fullName}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {tr(
                  `${s.cellName} · năm ${s.year} · ${pct(share(s))} nội dung trùng với bản kia`,
                  `${s.cellName} · ${s.year} · ${pct(share(s))} of the text shared with the other`,
                )}
              </Text>
              <Marked side={s} />
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
