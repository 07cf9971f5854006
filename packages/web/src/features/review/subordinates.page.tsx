import { Anchor, Badge, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { useTaskAccess } from '../task/task.parts';
import { defaultPeriod, fmtNum, PeriodSelect, ReviewLink, titleWithPeriod } from './review.parts';
import { PageHeader } from '../../app/ui/page-header';
import type { SubordinatesReview } from './review.parts';
import { LoadState } from '../../app/ui/load-state';
import { HeadTable } from '../../app/ui/shared-head-table';

/**
 * The superior's table of its subordinate organizations over a period: the same figures for each, ranked by the
 * share of tasks done on time, those clearly behind flagged with the reason; a name opens that organization's review.
 */
export function SubordinatesPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const { home } = useTaskAccess();
  const orgId = query.get('org') ?? home;
  const period = query.get('period') ?? defaultPeriod();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const {
    data: s,
    error,
    loading,
  } = useApi<SubordinatesReview>(
    orgId
      ? `/organizations/${encodeURIComponent(orgId)}/subordinates-review?period=${encodeURIComponent(period)}`
      : null,
  );
  useTitle(tr('Sơ kết các tổ chức trực thuộc', 'Subordinate organizations'));
  const value = (row: SubordinatesReview['rows'][number], code: string) => row.indicators.find((i) => i.code === code);
  const rows = (s?.rows ?? []).filter((r) => !flaggedOnly || r.flag_vi);
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  return (
    <Stack>
      <PageHeader
        title={titleWithPeriod(tr('Các tổ chức trực thuộc', 'Subordinate organizations'), s?.period, l)}
        sub={
          s && (
            <>
              {tr('từ', 'from')} {fmt(s.from)} {tr('đến', 'to')} {fmt(s.to)} · {fmtNum(s.rows.length, l)}{' '}
              {tr('tổ chức', 'organizations')} · {fmtNum(s.rows.filter((r) => r.flag_vi).length, l)}{' '}
              {tr('cần chú ý', 'flagged')}
            </>
          )
        }
      >
        <PeriodSelect
          value={period}
          onChange={(v) =>
            navigate(
              `/reviews/subordinates?org=${encodeURIComponent(orgId ?? '')}&period=${encodeURIComponent(v)}`,
              true,
            )
          }
          l={l}
        />
        {orgId && (
          <ReviewLink orgId={orgId} period={period}>
            {tr('Sơ kết của cấp mình', 'Own review')}
          </ReviewLink>
        )}
      </PageHeader>
      <Switch
        label={tr('Chỉ các tổ chức cần chú ý', 'Flagged only')}
        checked={flaggedOnly}
        onChange={(e) => setFlaggedOnly(e.currentTarget.checked)}
        data-testid="flagged-only"
      />
      <LoadState error={error} loading={loading && !s} />
      {s && (
        <HeadTable
          striped
          withTableBorder
          data-testid="subordinates-table"
          head={[
            '#',
            tr('Tổ chức', 'Organization'),
            tr('Nhiệm vụ giao', 'Assigned'),
            tr('Đúng hạn', 'On time'),
            tr('Chậm', 'Late'),
            tr('Quá hạn', 'Overdue'),
            tr('Tỷ lệ đúng hạn', 'On-time rate'),
            tr('Họp thường lệ', 'Regular meetings'),
          ]}
          numeric={[2, 3, 4, 5, 6, 7]}
          minWidth={760}
        >
          {rows.map((r) => {
            const held = value(r, 'meetings_held');
            const req = value(r, 'meetings_required');
            return (
              <Table.Tr key={r.orgId} data-testid="subordinate-row" data-flagged={r.flag_vi ? 'true' : 'false'}>
                <Table.Td>{r.rank}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/reviews?org=${r.orgId}&period=${encodeURIComponent(period)}`}
                    fw={600}
                    size="sm"
                  >
                    {r.name}
                  </Anchor>
                  {r.flag_vi && (
                    <Text size="xs" c="red.8" data-testid="subordinate-flag">
                      <Badge color="red" size="xs" variant="filled" mr={4}>
                        {tr('Chú ý', 'Flag')}
                      </Badge>
                      {r.flag_vi}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{fmtNum(value(r, 'tasks_assigned')?.value ?? 0, l)}</Table.Td>
                <Table.Td ta="right">{fmtNum(value(r, 'tasks_done_on_time')?.value ?? 0, l)}</Table.Td>
                <Table.Td ta="right">{fmtNum(value(r, 'tasks_done_late')?.value ?? 0, l)}</Table.Td>
                <Table.Td ta="right" c={(value(r, 'tasks_overdue')?.value ?? 0) > 0 ? 'red.8' : undefined}>
                  {fmtNum(value(r, 'tasks_overdue')?.value ?? 0, l)}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {pct(r.onTimeRate)}
                </Table.Td>
                <Table.Td ta="right" c={req && held && held.value < req.value ? 'red.8' : undefined}>
                  {fmtNum(held?.value ?? 0, l)}
                  {req ? `/${fmtNum(req.value, l)}` : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </HeadTable>
      )}
    </Stack>
  );
}
