import { Table, Text, Title } from '@mantine/core';
import type { AssessmentRollupSchema } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { useTr } from '../../app/ui/i18n';
import { SectionCard } from '../../app/ui/shared-section-card';
import { AssessmentTrendChart } from './assessment-trend.chart';

type Rollup = z.output<typeof AssessmentRollupSchema>;
type Counts = Rollup['total']['members'];
const KEYS = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh', 'undecided'] as const;
const sum = (c: Counts) => KEYS.reduce((s, k) => s + c[k], 0);

/**
 * The year's results of the organizations directly below, each over its whole subtree: members and organizations by
 * level decided (the summary table a committee reports upward), and the same over the years that have sheets. Counts
 * only; shown once a unit below has a sheet.
 */
export function AssessmentRollupSection({ orgId, year }: { orgId: string; year: number }) {
  const [, tr] = useTr();
  const r = useApi<Rollup>(`/organizations/${orgId}/assessments/rollup?year=${year}`);
  const rows = (r.data?.rows ?? []).filter((x) => sum(x.members) + sum(x.organizations) > 0);
  if (!rows.some((x) => x.orgId !== orgId)) return null;
  const years = (r.data?.trend ?? []).filter((t) => sum(t.members) + sum(t.organizations) > 0);
  const head = [
    tr('Tổ chức trực thuộc', 'Organization below'),
    tr('Đảng viên', 'Members'),
    tr('Hoàn thành xuất sắc', 'Outstanding'),
    tr('Hoàn thành tốt', 'Good'),
    tr('Hoàn thành', 'Completed'),
    tr('Không hoàn thành', 'Not completed'),
    tr('Chưa quyết định', 'Undecided'),
    tr('Tổ chức đảng (xuất sắc / tốt / hoàn thành / không)', 'Organizations (by level)'),
  ];
  const line = (name: string, c: { members: Counts; organizations: Counts }, testid: string, bold = false) => (
    <Table.Tr key={testid} data-testid={testid} fw={bold ? 700 : undefined}>
      <Table.Td className="qc-wide">{name}</Table.Td>
      <Table.Td data-label={head[1]} ta="right">
        {sum(c.members)}
      </Table.Td>
      {KEYS.map((k, i) => (
        <Table.Td key={k} data-label={head[i + 2]} data-level={k} ta="right">
          {c.members[k]}
        </Table.Td>
      ))}
      <Table.Td data-label={head[7]}>
        {sum(c.organizations) === 0
          ? '—'
          : `${c.organizations.xuat_sac} / ${c.organizations.tot} / ${c.organizations.hoan_thanh} / ` +
            `${c.organizations.khong_hoan_thanh}` +
            (c.organizations.undecided
              ? tr(` (chưa quyết định ${c.organizations.undecided})`, ` (${c.organizations.undecided} undecided)`)
              : '')}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <SectionCard title={tr(`Tổng hợp kết quả năm ${year}`, `Results of ${year}`)} testid="assessments-rollup">
      <Text size="sm" c="dimmed">
        {tr(
          'Số đảng viên, tổ chức đảng theo mức xếp loại đã quyết định, tính cả các tổ chức bên dưới mỗi đơn vị.',
          'Members and organizations by the level decided, counting everything below each unit.',
        )}
      </Text>
      <CardTable minWidth={820} striped fz="sm" verticalSpacing={6} head={head} numeric={[1, 2, 3, 4, 5, 6]}>
        {rows.map((x) => line(x.orgName, x, 'assessments-rollup-row'))}
        {line(tr('Tổng cộng', 'Total'), r.data!.total, 'assessments-rollup-total', true)}
      </CardTable>
      {years.length > 1 && (
        <>
          <Title order={3} size="h5">
            {tr('Qua các năm', 'Over the years')}
          </Title>
          <AssessmentTrendChart years={years} />
          <CardTable
            minWidth={820}
            striped
            fz="sm"
            verticalSpacing={6}
            head={[tr('Năm', 'Year'), ...head.slice(1)]}
            numeric={[1, 2, 3, 4, 5, 6]}
          >
            {years.map((t) => line(String(t.year), t, 'assessments-trend-row'))}
          </CardTable>
        </>
      )}
    </SectionCard>
  );
}
