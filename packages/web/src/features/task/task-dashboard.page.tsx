import { versionLabelVi } from '@quyche/core';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { FigureGrid } from '../../app/ui/figure-grid';
import type { Figure } from '../../app/ui/figure-grid';
import { SectionCard, TitledCard } from '../../app/ui/shared-section-card';
import { PageHeader } from '../../app/ui/page-header';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { EChart, useChartOption } from './echart';
import { TaskNav } from './task.nav';
import { monthShort, qs, useAsOf, useTaskAccess, useTaskOrg } from './task.parts';
import type { Coverage, TaskDashboard } from './task.parts';

/**
 * The follow-up dashboard of the user's organization (the province for its administrator): totals, overdue tasks by
 * leading unit and by supervising BTV member, completion by month on time or late, the bottlenecks, and below the
 * coverage of responsibilities (gaps, overlaps, overload), each finding citing its clause.
 */
export function TaskDashboardPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = useAsOf(query);
  const { home } = useTaskAccess();
  const { org } = useTaskOrg(home);
  useTitle(tr('Theo dõi nhiệm vụ', 'Task follow-up'));
  const dash = useApi<TaskDashboard>(home ? `/organizations/${home}/task-dashboard?asOf=${asOf}` : null);
  const cov = useApi<Coverage>(home ? `/organizations/${home}/coverage?asOf=${asOf}` : null);
  const d = dash.data;
  const year = asOf.slice(0, 4);
  const list = (p: Record<string, string>) => `/tasks${qs({ ...p, asOf: query.get('asOf') })}`;
  const totals: Figure[] = d
    ? [
        {
          key: 'open',
          label: tr('Chưa hoàn thành', 'Open'),
          value: d.totals.open,
          to: list({ state: 'open' }),
          color: 'blue',
        },
        {
          key: 'overdue',
          label: tr('Quá hạn', 'Overdue'),
          value: d.totals.overdue,
          to: list({ state: 'overdue' }),
          color: 'red',
        },
        { key: 'dueSoon', label: tr('Sắp đến hạn', 'Due soon'), value: d.totals.dueSoon, color: 'orange' },
        {
          key: 'draft',
          label: tr('Dự thảo, chưa đủ 6 rõ', 'Drafts'),
          value: d.totals.draft,
          to: list({ state: 'draft' }),
          color: 'gray',
        },
        {
          key: 'doneThisYear',
          label: tr(`Hoàn thành năm ${year}`, `Done in ${year}`),
          value: d.totals.doneThisYear,
          to: list({ state: 'done' }),
          color: 'green',
        },
      ]
    : [];
  return (
    <Stack>
      <PageHeader title={tr('Theo dõi nhiệm vụ', 'Task follow-up')} sub={org?.name}>
        <AsOfPicker value={asOf} onChange={(v) => navigate(`/tasks/dashboard?asOf=${v}`, true)} />
      </PageHeader>
      <TaskNav />
      {dash.error && <ErrorView error={dash.error} />}
      {dash.loading && !d && <Loading />}
      {d && (
        <>
          <FigureGrid figures={totals} cols={{ base: 2, sm: 3, md: 5 }} testid="dash-totals" prefix="dash-total" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <ChartCard
              title={tr('Quá hạn theo đơn vị chủ trì', 'Overdue by lead unit')}
              testid="chart-by-unit"
              rows={d.overdueByUnit.map((u) => ({
                name: u.leadName,
                value: u.count,
                note: `${tr('hạn sớm nhất', 'oldest due')} ${fmt(u.oldestDue)}`,
              }))}
              color="#e03131"
              seriesName={tr('Nhiệm vụ quá hạn', 'Overdue tasks')}
              empty={tr('Không có nhiệm vụ quá hạn', 'No overdue tasks')}
            />
            <ChartCard
              title={tr('Quá hạn theo Ủy viên Ban Thường vụ theo dõi', 'Overdue by supervising BTV member')}
              testid="chart-by-supervisor"
              rows={d.overdueBySupervisor.map((s) => ({ name: s.name, value: s.count }))}
              color="#f76707"
              seriesName={tr('Nhiệm vụ quá hạn', 'Overdue tasks')}
              empty={tr('Không có nhiệm vụ quá hạn', 'No overdue tasks')}
            />
          </SimpleGrid>
          <CompletionCard d={d} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <BottleneckCard
              title={tr('Quá hạn lâu nhất', 'Longest overdue')}
              testid="bottleneck-overdue"
              c="red.8"
              items={d.bottlenecks.longestOverdue.map((b) => ({
                ...b,
                note:
                  `${tr('hạn', 'due')} ${fmt(b.due)} · ` +
                  (l === 'vi' ? `quá hạn ${b.daysOverdue} ngày` : `${b.daysOverdue} days overdue`),
              }))}
            />
            <BottleneckCard
              title={tr('Gia hạn nhiều nhất', 'Most extended')}
              testid="bottleneck-extended"
              c="dimmed"
              items={d.bottlenecks.mostExtended.map((b) => ({
                ...b,
                note:
                  l === 'vi'
                    ? `gia hạn ${b.extensions} lần`
                    : `extended ${b.extensions} time${b.extensions === 1 ? '' : 's'}`,
              }))}
            />
          </SimpleGrid>
        </>
      )}
      <CoverageCard state={cov} />
    </Stack>
  );
}

/** Tasks that hold the work up, each a link to its page with its lead and why it is listed (`note`). */
function BottleneckCard({
  title,
  testid,
  c,
  items,
}: {
  title: string;
  testid: string;
  c: string;
  items: { taskId: string; title: string; leadName: string | null; note: string }[];
}) {
  const [, tr] = useTr();
  return (
    <TitledCard title={title} testid={testid}>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {tr('Không có', 'None')}
        </Text>
      )}
      <Stack gap={6}>
        {items.map((b) => (
          <div key={b.taskId} data-testid={`${testid}-item`}>
            <Anchor component={Link} to={`/tasks/${b.taskId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {b.title}
            </Anchor>
            <Text size="xs" c={c}>
              {b.leadName ? `${b.leadName} · ` : ''}
              {b.note}
            </Text>
          </div>
        ))}
      </Stack>
    </TitledCard>
  );
}

function ChartCard({
  title,
  testid,
  rows,
  color,
  seriesName,
  empty,
}: {
  title: string;
  testid: string;
  rows: { name: string; value: number; note?: string }[];
  color: string;
  seriesName: string;
  empty: string;
}) {
  const option = useChartOption({ rows, color, seriesName }, (m, x) => m.countBars(x.rows, x.color, x.seriesName));
  return (
    <TitledCard title={title} testid={`${testid}-card`}>
      {rows.length === 0 ? (
        <Text size="sm" c="green.8">
          {empty}
        </Text>
      ) : (
        <>
          {option && (
            <EChart
              option={option}
              height={Math.max(140, 44 * rows.length + 40)}
              testid={testid}
              label={`${title}: ${rows.map((r) => `${r.name} ${r.value}`).join('; ')}`}
            />
          )}
          <Stack gap={0} mt={4}>
            {rows
              .filter((r) => r.note)
              .map((r) => (
                <Text key={r.name} size="xs" c="dimmed">
                  {r.name}: {r.note}
                </Text>
              ))}
          </Stack>
        </>
      )}
    </TitledCard>
  );
}

function CompletionCard({ d }: { d: TaskDashboard }) {
  const [l, tr] = useTr();
  const months = d.completionByMonth;
  const names = { onTime: tr('Đúng hạn', 'On time'), late: tr('Chậm', 'Late') };
  const option = useChartOption({ months, names, l }, (m, x) =>
    m.monthStack(
      x.months.map((y) => monthShort(Number(y.month.slice(5, 7)), x.l)),
      x.months.map((y) => y.onTime),
      x.months.map((y) => y.late),
      x.names,
    ),
  );
  const onTime = months.reduce((s, x) => s + x.onTime, 0);
  const late = months.reduce((s, x) => s + x.late, 0);
  const monthsLabel = months
    .map((x) => `${monthShort(Number(x.month.slice(5, 7)), l)} ${x.onTime}/${x.late}`)
    .join('; ');
  return (
    <Card withBorder data-testid="chart-completion-card">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {tr('Hoàn thành theo tháng', 'Completed by month')} {months[0]?.month.slice(0, 4)}
        </Title>
        <Text size="sm">
          <Badge color="green" variant="light">
            {names.onTime}: {onTime}
          </Badge>{' '}
          <Badge color="red" variant="light">
            {names.late}: {late}
          </Badge>
        </Text>
      </Group>
      {option && (
        <EChart
          option={option}
          height={240}
          testid="chart-completion"
          label={`${tr('Hoàn thành theo tháng', 'Completed by month')}: ${monthsLabel}`}
        />
      )}
    </Card>
  );
}

const FINDING_KINDS: Record<string, { vi: string; en: string; color: string }> = {
  gap: { vi: 'Khoảng trống', en: 'Gap', color: 'red' },
  overlap: { vi: 'Chồng chéo', en: 'Overlap', color: 'orange' },
  load: { vi: 'Quá tải', en: 'Overload', color: 'grape' },
};

/** Who answers for what, by the regulation's assignments: fields with no member or two, members with too many. */
function CoverageCard({ state }: { state: ReturnType<typeof useApi<Coverage>> }) {
  const [l, tr] = useTr();
  const c = state.data;
  const overloaded = new Set(
    (c?.findings ?? []).filter((f) => f.kind === 'load').flatMap((f) => f.people.map((p) => p.id)),
  );
  return (
    <SectionCard title={tr('Bao quát trách nhiệm', 'Coverage of responsibilities')} testid="coverage">
      {state.loading && !c && <Loading />}
      {state.error && <ErrorView error={state.error} />}
      {c && (
        <>
          <Text size="sm" c="dimmed">
            {l === 'vi'
              ? `${c.counts.fields} lĩnh vực, ${c.counts.members} Ủy viên Ban Thường vụ, ${c.counts.duties} nhiệm ` +
                `vụ thường xuyên, tại ngày ${fmt(c.asOf)}`
              : `${c.counts.fields} fields, ${c.counts.members} BTV members, ${c.counts.duties} standing duties, ` +
                `as of ${fmt(c.asOf)}`}
            {c.regulation && (
              <>
                {' · '}
                <Anchor component={Link} to={`/regulations/${c.regulation.regulationId}`} size="sm">
                  {tr('theo quy chế', 'under the regulation')}, {versionLabelVi(c.regulation.expression)}
                </Anchor>
              </>
            )}
          </Text>
          {c.findings.length === 0 && (
            <Text size="sm" c="green.8">
              {tr('Không có khoảng trống, chồng chéo hay quá tải', 'No gaps, overlaps or overload')}
            </Text>
          )}
          <Stack gap="xs">
            {c.findings.map((f, i) => {
              const k = FINDING_KINDS[f.kind] ?? { vi: f.kind, en: f.kind, color: 'gray' };
              return (
                <Group
                  key={i}
                  gap="xs"
                  wrap="nowrap"
                  align="start"
                  data-testid="coverage-finding"
                  data-kind={f.kind}
                  data-code={f.code}
                  data-subject={f.subject}
                >
                  <Badge color={k.color} miw={110} style={{ flex: 'none' }}>
                    {k[l]}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {f.subject}
                    </Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="coverage-message">
                      {f.message_vi}
                    </Text>
                    {f.people.length > 0 && (
                      <Group gap={6} wrap="wrap">
                        {f.people.map((p) => (
                          <Anchor key={p.id} component={Link} to={`/person/${p.id}`} size="xs">
                            {p.name}
                          </Anchor>
                        ))}
                      </Group>
                    )}
                  </div>
                </Group>
              );
            })}
          </Stack>
          <Title order={3} size="h5">
            {tr('Khối lượng của từng Ủy viên', 'Load of each member')}
          </Title>
          <CardTable
            minWidth={420}
            striped
            withTableBorder
            fz="sm"
            data-testid="coverage-load"
            head={[
              tr('Ủy viên', 'Member'),
              tr('Lĩnh vực phụ trách', 'Fields'),
              tr('Nhiệm vụ đang theo dõi', 'Open tasks'),
              tr('Quá hạn', 'Overdue'),
            ]}
            numeric={[1, 2, 3]}
          >
            {c.load.map((x) => (
              <Table.Tr
                key={x.personId}
                data-testid="coverage-load-row"
                data-overloaded={String(overloaded.has(x.personId))}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/person/${x.personId}`} size="sm">
                    {x.name}
                  </Anchor>
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={overloaded.has(x.personId) ? 'grape.8' : undefined}
                  fw={overloaded.has(x.personId) ? 700 : undefined}
                  data-label={tr('Lĩnh vực phụ trách', 'Fields')}
                >
                  {x.fields}
                </Table.Td>
                <Table.Td ta="right" data-label={tr('Nhiệm vụ đang theo dõi', 'Open tasks')}>
                  {x.openTasks > 0 ? (
                    <Anchor component={Link} to={`/tasks${qs({ supervisor: x.personId, state: 'open' })}`} size="sm">
                      {x.openTasks}
                    </Anchor>
                  ) : (
                    0
                  )}
                </Table.Td>
                <Table.Td
                  ta="right"
                  c={x.overdueTasks > 0 ? 'red.8' : undefined}
                  fw={x.overdueTasks > 0 ? 700 : undefined}
                  data-label={tr('Quá hạn', 'Overdue')}
                >
                  {x.overdueTasks}
                </Table.Td>
              </Table.Tr>
            ))}
          </CardTable>
        </>
      )}
    </SectionCard>
  );
}
