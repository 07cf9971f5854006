import { Anchor, Badge, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { citeVi, todayInVietnam } from '@quyche/core';
import type { BodyCalendarSchema, ConferenceQuotaReportSchema, DeviationReportSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { CompactTable } from '../../app/ui/card-table';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { TitledCard } from '../../app/ui/shared-section-card';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { bodiesOf } from './calendar.page';
import { DEVIATION_LABELS, useProvince } from './meeting.parts';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import type { OrgDetail } from '../../app/types';
import { PageHead } from '../../app/ui/shared-page-head';

type DeviationReport = z.infer<typeof DeviationReportSchema>;
type QuotaReport = z.infer<typeof ConferenceQuotaReportSchema>;
type BodyCalendar = z.infer<typeof BodyCalendarSchema>;
type Period = NonNullable<BodyCalendar['regime']>['periods'][number];

const QUOTA_LABELS: Record<string, { vi: string; en: string }> = {
  TY_LE_TRUC_TIEP: { vi: 'Tỷ lệ hội nghị trực tiếp', en: 'Share held in person' },
  HOI_NGHI_TOAN_TINH: { vi: 'Số hội nghị toàn tỉnh', en: 'Province-wide conferences' },
  GIAM_SO_HOI_NGHI: { vi: 'Giảm số hội nghị so với năm trước', en: 'Reduction on last year' },
};
const PERIOD_LABELS: Record<Period['status'], { vi: string; en: string }> = {
  ok: { vi: 'Đủ kỳ họp', en: 'Complete' },
  short: { vi: 'Thiếu kỳ họp', en: 'Short' },
  excused: { vi: 'Được miễn (nghỉ lễ)', en: 'Excused (holiday)' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  at_risk: { vi: 'Có nguy cơ thiếu', en: 'At risk' },
};

/** The year's meetings against the regulation: deviations, the conference quota (R10), each body's regime. */
export function MeetingReportPage() {
  const [, tr] = useTr();
  const { query } = useLocation();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const y = Number(query.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : 2026;
  const { orgId, org, error: orgError } = useProvince();
  useTitle(tr('Báo cáo hội nghị', 'Meetings report'));
  const dev = useApi<DeviationReport>(orgId ? `/organizations/${orgId}/meeting-deviations?year=${year}` : null);
  const quotas = useApi<QuotaReport>(orgId ? `/organizations/${orgId}/conference-quotas?year=${year}` : null);
  const years = Array.from(new Set([2025, 2026, 2027, thisYear - 1, thisYear, thisYear + 1, year])).sort();
  if (orgError) return <ErrorView error={orgError} />;
  return (
    <Stack>
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <PageHead title={`${tr('Báo cáo hội nghị', 'Meetings report')} ${year}`}>{org?.name}</PageHead>
        </div>
        <NativeSelect
          label={tr('Năm', 'Year')}
          value={String(year)}
          onChange={(e) => navigate(`/meetings/report?year=${e.currentTarget.value}`, true)}
          data={years.map(String)}
          data-testid="report-year"
          w={110}
        />
      </Group>
      <DeviationsCard state={dev} />
      <QuotaCard state={quotas} />
      <RegimeCard org={org} year={year} />
    </Stack>
  );
}

function DeviationsCard({ state }: { state: ReturnType<typeof useApi<DeviationReport>> }) {
  const [l, tr] = useTr();
  const list = state.data?.deviations ?? [];
  return (
    <TitledCard
      title={
        <>
          {tr('Sai lệch so với quy chế', 'Deviations from the regulation')} {state.data && `(${list.length})`}
        </>
      }
      testid="deviations"
    >
      {state.loading && !state.data && <Loading />}
      {state.error && <ErrorView error={state.error} />}
      {state.data && list.length === 0 && (
        <Text c="green.8" size="sm">
          {tr('Không có sai lệch', 'No deviations')}
        </Text>
      )}
      {list.length > 0 && (
        <CompactTable
          minWidth={720}
          head={[tr('Ngày', 'Date'), tr('Cơ quan', 'Body'), tr('Sai lệch', 'What'), tr('Căn cứ', 'Clause')]}
        >
          {list.map((d, i) => (
            <Table.Tr key={i} data-testid="deviation-row" data-code={d.code} data-date={d.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.period ?? fmt(d.date)}</Table.Td>
              <Table.Td data-label={tr('Cơ quan', 'Body')}>{d.bodyName}</Table.Td>
              <Table.Td className="qc-wide">
                <Badge
                  color={d.code === 'THIEU_KY_HOP_THUONG_LE' ? 'red' : 'orange'}
                  variant="light"
                  mb={2}
                  style={{ whiteSpace: 'normal', height: 'auto' }}
                >
                  {labelOf(DEVIATION_LABELS, d.code, l)}
                </Badge>
                <Text size="sm">{d.message_vi}</Text>
                {d.meetingId && (
                  <Anchor component={Link} to={`/meetings/${d.meetingId}`} size="xs" data-testid="deviation-meeting">
                    {d.meetingTitle ?? tr('Xem cuộc họp', 'Open the meeting')}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={tr('Căn cứ', 'Clause')}>
                {d.eIds.map(citeVi).join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </CompactTable>
      )}
    </TitledCard>
  );
}

function QuotaCard({ state }: { state: ReturnType<typeof useApi<QuotaReport>> }) {
  const [l, tr] = useTr();
  const q = state.data;
  const provinceWide = tr('toàn tỉnh', 'province-wide');
  const max = Math.max(1, ...(q?.byMonth ?? []).map((x) => x.inPerson + x.online));
  return (
    <TitledCard title={tr('Hạn mức hội nghị', 'Conference quota')} testid="quota">
      {state.loading && !q && <Loading />}
      {state.error && <ErrorView error={state.error} />}
      {q && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            {!q.quota && (
              <Text size="sm" c="dimmed">
                {tr('Quy chế không quy định hạn mức hội nghị', 'The regulation sets no conference quota')}
              </Text>
            )}
            {q.quota?.items.map((it) => (
              <Group
                key={it.code}
                gap="xs"
                wrap="nowrap"
                align="start"
                data-testid="quota-item"
                data-code={it.code}
                data-ok={String(it.ok)}
              >
                <Badge color={it.ok === null ? 'gray' : it.ok ? 'green' : 'red'} miw={110}>
                  {it.ok === null
                    ? tr('Chưa xác định', 'Unknown')
                    : it.ok
                      ? tr('Đạt', 'Met')
                      : tr('Không đạt', 'Not met')}
                </Badge>
                <Text size="sm">
                  <b>{labelOf(QUOTA_LABELS, it.code, l)}:</b> {it.message_vi}
                </Text>
              </Group>
            ))}
            <Text size="sm" data-testid="quota-totals">
              {tr('Tổng số hội nghị', 'Conferences')}: <b>{q.totals.total}</b> · {tr('trực tiếp', 'in person')}{' '}
              {q.totals.inPerson} · {tr('trực tuyến', 'online')} {q.totals.online} · {provinceWide}{' '}
              {q.totals.provinceWide}
            </Text>
            <Text size="xs" c="dimmed">
              {tr('Năm trước', 'Last year')}: {q.totals.lastYearTotal ?? tr('chưa có số liệu', 'no figure')}
              {q.totals.lastYearSource === 'baseline' && q.totals.lastYearNote
                ? ` (${q.totals.lastYearNote})`
                : q.totals.lastYearSource === 'records'
                  ? ` (${tr('theo số liệu trong Quychế', 'from the records')})`
                  : ''}
            </Text>
          </Stack>
          <div>
            <div
              className="qc-bars"
              data-testid="quota-chart"
              role="img"
              aria-label={tr('Số hội nghị theo tháng', 'Conferences per month')}
            >
              {q.byMonth.map((x) => (
                <div
                  key={x.month}
                  className="qc-bar"
                  title={
                    `${tr('Tháng', 'Month')} ${x.month}: ${tr('trực tiếp', 'in person')} ${x.inPerson}, ` +
                    `${tr('trực tuyến', 'online')} ${x.online}`
                  }
                  data-testid="quota-bar"
                  data-month={x.month}
                >
                  <div className="qc-bar-in" style={{ height: `${(100 * x.inPerson) / max}%` }} />
                  <div className="qc-bar-on" style={{ height: `${(100 * x.online) / max}%` }} />
                </div>
              ))}
            </div>
            <div className="qc-bar-label">
              {q.byMonth.map((x) => (
                <span key={x.month}>{x.month}</span>
              ))}
            </div>
            <Text size="xs" mt={4}>
              <span className="qc-legend qc-bar-in" />
              {tr('Trực tiếp', 'In person')} <span className="qc-legend qc-bar-on" style={{ marginLeft: 12 }} />
              {tr('Trực tuyến, kết hợp', 'Online, hybrid')}
            </Text>
          </div>
        </SimpleGrid>
      )}
    </TitledCard>
  );
}

const chipText = (p: Period) => {
  if (p.label_vi.startsWith('Tuần')) return fmt(p.from).slice(0, 5);
  if (p.label_vi.startsWith('Tháng')) return `T${Number(p.from.slice(5, 7))}`;
  return p.label_vi;
};

function RegimeCard({ org, year }: { org: OrgDetail | undefined; year: number }) {
  const [l, tr] = useTr();
  const bodies = bodiesOf(org);
  return (
    <TitledCard title={tr('Chế độ họp theo quy chế', 'Meeting regime')} testid="regime">
      <Group gap="xs" mb="sm" wrap="wrap">
        {(Object.keys(PERIOD_LABELS) as Period['status'][]).map((s) => (
          <span key={s} className={`qc-chip qc-p-${s}`}>
            {PERIOD_LABELS[s][l]}
          </span>
        ))}
      </Group>
      <Stack gap="md">
        {bodies.map((b) => (
          <RegimeRow key={b.id} bodyId={b.id} name={b.name} kind={b.kind} year={year} />
        ))}
      </Stack>
    </TitledCard>
  );
}

function RegimeRow({ bodyId, name, kind, year }: { bodyId: string; name: string; kind: string; year: number }) {
  const [l, tr] = useTr();
  const { data, error, loading } = useApi<BodyCalendar>(`/bodies/${bodyId}/calendar?year=${year}`);
  return (
    <div data-testid="regime-body" data-kind={kind}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Anchor component={Link} to={`/meetings?body=${kind}&month=${year}-01`} fw={600} size="sm">
          {name}
        </Anchor>
        {data?.regime && (
          <Text size="xs" c="dimmed">
            {data.regime.reason_vi}
          </Text>
        )}
      </Group>
      {loading && !data && <Loading />}
      {error && <ErrorView error={error} />}
      {data && !data.regime && (
        <Text size="sm" c="dimmed">
          {tr('Quy chế không quy định chế độ họp cho cơ quan này', 'No meeting regime for this body')}
        </Text>
      )}
      <div className="qc-chips">
        {data?.regime?.periods.map((p) => (
          <span
            key={p.from}
            className={`qc-chip qc-p-${p.status}`}
            title={`${p.label_vi} — ${PERIOD_LABELS[p.status][l]}: ${p.reason_vi}`}
            data-testid="period-chip"
            data-status={p.status}
            data-from={p.from}
          >
            {chipText(p)}
          </span>
        ))}
      </div>
    </div>
  );
}
