import { Anchor, Button, Drawer, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { INDICATOR_GROUP_LABELS, INDICATOR_GROUPS } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { useTr } from '../../app/ui/i18n';
import { EChart, useChartOption } from '../task/echart';
import { useTaskAccess } from '../task/task.parts';
import type { ReviewReportListSchema } from '@quyche/core';
import type { z } from 'zod';
import { defaultPeriod, fmtNum, IndicatorCard, PeriodSelect, periodLabel, titleWithPeriod } from './review.parts';
import type { Evidence, Review, ReviewIndicator } from './review.parts';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';

/**
 * The review of a period (sơ kết, tổng kết): every figure counted from the record, beside the same period a year
 * earlier, grouped as a report reads (meetings, conclusions, tasks, programs, inspections, recommendations,
 * consultations); a click on a figure lists the records behind it.
 */
export function ReviewPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const { home, me } = useTaskAccess();
  const orgId = query.get('org') ?? home;
  const reports = useApi<z.infer<typeof ReviewReportListSchema>>(
    orgId ? `/review-reports?orgId=${encodeURIComponent(orgId)}` : null,
  );
  const draft = useRun<{ id: string }>((r) => navigate(`/review-reports/${r.id}`));
  const mayWrite = !!me?.grants.some((g) => g.role === 'admin' || g.role === 'clerk');
  const period = query.get('period') ?? defaultPeriod();
  const url = orgId ? `/organizations/${encodeURIComponent(orgId)}/review?period=${encodeURIComponent(period)}` : null;
  const { data: r, error, loading } = useApi<Review>(url);
  const [open, setOpen] = useState<ReviewIndicator | null>(null);
  useTitle(r ? `${tr('Sơ kết', 'Review')} ${periodLabel(r.period, l)}` : tr('Sơ kết, tổng kết', 'Reviews'));
  const go = (p: Record<string, string | null>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(p))
      if (v === null) q.delete(k);
      else q.set(k, v);
    navigate(`/reviews?${q.toString()}`, true);
  };
  // The pages that look at the same organization and period from another side.
  const links = (org: string) => [
    {
      to: `/reviews/subordinates?org=${encodeURIComponent(org)}&period=${encodeURIComponent(period)}`,
      testid: 'to-subordinates',
      label: tr('Các tổ chức trực thuộc', 'Subordinate organizations'),
    },
    {
      to:
        `/reviews/briefing?org=${encodeURIComponent(org)}` +
        `${/^\d{4}-[QH]\d$/.test(period) ? `&period=${encodeURIComponent(period)}` : ''}`,
      testid: 'to-briefing',
      label: tr('Giao ban các ban tham mưu', 'Briefing of the advisory units'),
    },
    {
      to: `/review-requests?org=${encodeURIComponent(org)}`,
      testid: 'to-review-requests',
      label: tr('Đoàn công tác', 'Working groups'),
    },
  ];
  const previousLabel = r ? (l === 'vi' ? r.previousPeriod.label_vi : r.previousPeriod.label_en) : '';
  return (
    <Stack>
      <PageHeader
        title={titleWithPeriod(tr('Sơ kết, tổng kết', 'Reviews'), r?.period, l)}
        sub={
          r && (
            <>
              {r.orgName} · {tr('từ', 'from')} {fmt(r.from)} {tr('đến', 'to')} {fmt(r.to)}
              {r.asOf < r.to ? ` · ${tr('số liệu đến ngày', 'figures as of')} ${fmt(r.asOf)}` : ''} ·{' '}
              {r.compared
                ? `${tr('so với', 'compared with')} ${previousLabel}`
                : tr(
                    `chưa có kỳ trước để so sánh (tổ chức thành lập ngày ${fmt(r.orgSince)})`,
                    `no earlier period to compare (organization formed on ${fmt(r.orgSince)})`,
                  )}
            </>
          )
        }
        subTestid="review-heading"
      >
        <PeriodSelect value={period} onChange={(v) => go({ period: v })} l={l} />
        {orgId &&
          links(orgId).map((x) => (
            <Button key={x.testid} variant="light" component={Link} to={x.to} data-testid={x.testid}>
              {x.label}
            </Button>
          ))}
        {mayWrite && orgId && (
          <>
            <Button
              onClick={() => void draft.run(() => api<{ id: string }>('POST', '/review-reports', { orgId, period }))}
              loading={draft.busy}
              data-testid="draft-report"
            >
              {tr('Dự thảo báo cáo sơ kết', 'Draft the review report')}
            </Button>
            <Button
              variant="light"
              onClick={() =>
                void draft.run(() => api<{ id: string }>('POST', '/review-reports', { orgId, kind: 'regulation' }))
              }
              loading={draft.busy}
              data-testid="draft-regulation-report"
            >
              {tr('Báo cáo thực hiện Quy chế làm việc', 'Report on the working regulation')}
            </Button>
          </>
        )}
        <Button variant="default" onClick={() => window.print()}>
          {tr('In', 'Print')}
        </Button>
      </PageHeader>
      <WriteError error={draft.error} testid="draft-error" onClose={() => draft.setError(null)} />
      <LoadState error={error} loading={loading && !r} />
      {(reports.data ?? []).length > 0 && (
        <Text size="sm" data-testid="report-list">
          {tr('Báo cáo đã dựng', 'Reports drafted')}:{' '}
          {reports.data!.map((x, i) => (
            <span key={x.id}>
              {i > 0 ? ' · ' : ''}
              <Anchor component={Link} to={`/review-reports/${x.id}`}>
                {x.title}
              </Anchor>
            </span>
          ))}
        </Text>
      )}
      {r?.regulation && (
        <Text size="sm">
          {tr('Đối chiếu với', 'Measured against')}{' '}
          <Anchor component={Link} to={`/regulations/${r.regulation.regulationId}`}>
            {tr('quy chế làm việc có hiệu lực ngày', 'the working regulation in force on')} {fmt(r.asOf)}
          </Anchor>
        </Text>
      )}
      {r &&
        INDICATOR_GROUPS.map((g) => {
          const items = r.indicators.filter((i) => i.group === g);
          if (items.length === 0) return null;
          return (
            <section key={g} data-testid={`review-group-${g}`}>
              <Title order={2} size="h4" mb="xs">
                {INDICATOR_GROUP_LABELS[g][l]}
              </Title>
              <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="xs">
                {items.map((i) => (
                  <IndicatorCard
                    key={`${i.code}-${i.bodyId ?? ''}`}
                    i={i}
                    l={l}
                    onOpen={setOpen}
                    previousLabel={previousLabel}
                  />
                ))}
              </SimpleGrid>
            </section>
          );
        })}
      {r && (
        <TaskBreakdown
          rows={r.tasksByLead}
          title={tr('Nhiệm vụ theo đơn vị chủ trì', 'Tasks by lead unit')}
          testid="by-lead"
        />
      )}
      {r && (
        <TaskBreakdown
          rows={r.tasksBySupervisor}
          title={tr('Nhiệm vụ theo Ủy viên Ban Thường vụ theo dõi', 'Tasks by supervising BTV member')}
          testid="by-supervisor"
        />
      )}
      {orgId && open && <EvidenceDrawer orgId={orgId} period={period} indicator={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function TaskBreakdown({ rows, title, testid }: { rows: Review['tasksByLead']; title: string; testid: string }) {
  const [l, tr] = useTr();
  const shown = rows.filter((x) => x.doneOnTime + x.doneLate + x.overdue > 0).slice(0, 15);
  const names = {
    onTime: tr('Đúng hạn', 'On time'),
    late: tr('Chậm', 'Late'),
    overdue: tr('Quá hạn cuối kỳ', 'Overdue at end'),
  };
  const option = useChartOption({ shown, names }, (m, x) =>
    m.unitStack(
      x.shown.map((y) => ({ name: y.name, onTime: y.doneOnTime, late: y.doneLate, overdue: y.overdue })),
      x.names,
    ),
  );
  const chartLabel = shown
    .map(
      (x) =>
        `${x.name} ${names.onTime.toLowerCase()} ${x.doneOnTime}, ${names.late.toLowerCase()} ${x.doneLate}, ` +
        `${names.overdue.toLowerCase()} ${x.overdue}`,
    )
    .join('; ');
  if (rows.length === 0) return null;
  return (
    <section data-testid={testid}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {option && shown.length > 0 && (
        <EChart
          option={option}
          height={Math.max(160, 36 * shown.length + 60)}
          testid={`${testid}-chart`}
          label={`${title}: ${chartLabel}`}
        />
      )}
      <CardTable
        minWidth={520}
        striped
        withTableBorder
        head={[
          tr('Tên', 'Name'),
          tr('Giao trong kỳ', 'Assigned'),
          tr('Đúng hạn', 'On time'),
          tr('Chậm', 'Late'),
          tr('Quá hạn cuối kỳ', 'Overdue at end'),
        ]}
        numeric={[1, 2, 3, 4]}
      >
        {rows.map((x) => (
          <Table.Tr key={x.key ?? x.name}>
            <Table.Td>{x.name}</Table.Td>
            <Table.Td ta="right" data-label={tr('Giao trong kỳ', 'Assigned')}>
              {fmtNum(x.assigned, l)}
            </Table.Td>
            <Table.Td ta="right" data-label={names.onTime}>
              {fmtNum(x.doneOnTime, l)}
            </Table.Td>
            <Table.Td ta="right" c={x.doneLate ? 'orange.8' : undefined} data-label={names.late}>
              {fmtNum(x.doneLate, l)}
            </Table.Td>
            <Table.Td
              ta="right"
              c={x.overdue ? 'red.8' : undefined}
              fw={x.overdue ? 700 : undefined}
              data-label={names.overdue}
            >
              {fmtNum(x.overdue, l)}
            </Table.Td>
          </Table.Tr>
        ))}
      </CardTable>
    </section>
  );
}

/** The records behind a figure, each linked to its page. */
function EvidenceDrawer({
  orgId,
  period,
  indicator,
  onClose,
}: {
  orgId: string;
  period: string;
  indicator: ReviewIndicator;
  onClose: () => void;
}) {
  const [l, tr] = useTr();
  const phone = useMediaQuery('(max-width: 36em)');
  const url =
    `/organizations/${encodeURIComponent(orgId)}/review/evidence?period=${encodeURIComponent(period)}` +
    `&code=${encodeURIComponent(indicator.code)}${indicator.bodyId ? `&bodyId=${indicator.bodyId}` : ''}`;
  const { data, error, loading } = useApi<Evidence>(url);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={<b>{l === 'vi' ? indicator.label_vi : indicator.label_en}</b>}
      closeButtonProps={{ 'aria-label': tr('Đóng', 'Close') }}
    >
      <Stack gap="sm" data-testid="evidence">
        <Text size="sm" c="dimmed">
          {indicator.definition_vi}
        </Text>
        {indicator.basis_vi && (
          <Text size="sm">
            {tr('Căn cứ', 'Basis')}: {indicator.basis_vi}
          </Text>
        )}
        {indicator.previous !== null && (
          <Text size="sm">
            {tr('Kỳ trước', 'Previous period')}: {fmtNum(indicator.previous, l)}
          </Text>
        )}
        <LoadState error={error} loading={loading} />
        {data && (
          <>
            <Text fw={700} data-testid="evidence-count">
              {fmtNum(data.value, l)}{' '}
              {indicator.code === 'meetings_required'
                ? tr('kỳ theo quy chế; các kỳ đã họp:', 'required; those held:')
                : tr('bản ghi', 'records')}
            </Text>
            {data.records.length === 0 && <Text c="dimmed">{tr('Không có bản ghi nào.', 'No records.')}</Text>}
            {data.records.map((x) => (
              <div key={x.id} data-testid="evidence-record">
                {x.href ? (
                  <Anchor component={Link} to={x.href} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {x.title}
                  </Anchor>
                ) : (
                  <Text fw={600} size="sm">
                    {x.title}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {x.date ? fmt(x.date) : ''}
                  {x.date && x.detail_vi ? ' · ' : ''}
                  {x.detail_vi}
                </Text>
              </div>
            ))}
          </>
        )}
      </Stack>
    </Drawer>
  );
}
