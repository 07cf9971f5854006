import { Badge, Group, Stack, Text } from '@mantine/core';
import type { AssessmentListSchema } from '@quyche/core';
import { formatDateVi } from '@quyche/core';
import type { z } from 'zod';
import { useTr } from '../../app/ui/i18n';
import { SectionCard } from '../../app/ui/shared-section-card';

type Timetable = NonNullable<z.output<typeof AssessmentListSchema>['timetable']>;
type Step = Timetable['steps'][number];

const STEP_EN: Record<Step['step'], string> = {
  member: 'Members classified',
  organization: 'Party organizations classified',
  report: 'Results reported upward',
};

/**
 * The year's deadlines as the rules set them (Hướng dẫn 43-HD/BTCTW mục 4 and the province's own days): each step's
 * "before" day with its clause, how many sheets are left, and whether it is done, still open or late.
 */
export function AssessmentTimetableSection({ timetable, year }: { timetable: Timetable; year: number }) {
  const [l, tr] = useTr();
  const badge = (s: Step) => {
    if (s.state === 'done')
      return (
        <Badge color="green" variant="light" tt="none">
          {tr('Đã xong', 'Done')}
        </Badge>
      );
    if (s.state === 'late')
      return (
        <Badge color="red" variant="filled" tt="none">
          {tr(`Quá hạn, còn ${s.pending} phiếu`, `Late, ${s.pending} left`)}
        </Badge>
      );
    if (s.state === 'open') {
      const left = s.daysLeft;
      return (
        <Badge color={left <= 5 ? 'orange' : 'blue'} variant="light" tt="none">
          {left === 0
            ? tr(`Hôm nay là ngày cuối, còn ${s.pending} phiếu`, `Last day today, ${s.pending} left`)
            : tr(`Còn ${left} ngày, ${s.pending} phiếu chưa xong`, `${left} days, ${s.pending} left`)}
        </Badge>
      );
    }
    return null;
  };
  return (
    <SectionCard
      title={tr(`Thời hạn đánh giá, xếp loại năm ${year}`, `Deadlines of ${year}`)}
      testid="assessments-timetable"
    >
      <Stack gap={6}>
        {timetable.steps.map((s) => (
          <Group
            key={s.step}
            justify="space-between"
            gap="xs"
            wrap="wrap"
            data-testid="assessments-step"
            data-step={s.step}
            data-state={s.state ?? 'none'}
          >
            <div>
              <Text size="sm" fw={600}>
                {l === 'en' ? STEP_EN[s.step] : s.label_vi}
              </Text>
              <Text size="xs" c="dimmed">
                {tr(
                  `Trước ngày ${formatDateVi(s.before)} (${s.basis_vi})` +
                    (s.pending !== null && s.total > 0
                      ? ` · ${s.total - s.pending}/${s.total} phiếu đã quyết định`
                      : ''),
                  `Before ${formatDateVi(s.before)} (${s.basis_vi})` +
                    (s.pending !== null && s.total > 0 ? ` · ${s.total - s.pending}/${s.total} decided` : ''),
                )}
              </Text>
            </div>
            {badge(s)}
          </Group>
        ))}
        {timetable.order_vi && (
          <Text size="xs" c="dimmed" data-testid="assessments-order">
            {tr(
              `Trình tự: ${timetable.order_vi}.`,
              `Order: members and organizations below first (${timetable.order_vi}).`,
            )}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
