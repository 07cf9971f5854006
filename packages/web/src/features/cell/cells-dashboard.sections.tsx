import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import type { CellAttendanceSchema, CellComplianceSchema, MemberAlertsSchema } from '@quyche/core';
import { citeVi } from '@quyche/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { ApiError, useApi } from '../../app/api';
import { Link } from '../../app/router';
import { CompactTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { SectionCard } from '../../app/ui/shared-section-card';

type State<T> = ReturnType<typeof useApi<T>>;
type Compliance = z.output<typeof CellComplianceSchema>;
type Standing = Compliance['rows'][number]['regular'];

/** A long list is cut here: the figures above say how many there are. */
export const SHOWN = 100;
export const monthVi = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`.replace('.', ','));

const STANDING: Record<Standing['status'], { vi: string; en: string; color: string }> = {
  ok: { vi: 'Đã họp', en: 'Held', color: 'green' },
  short: { vi: 'Chưa họp', en: 'Missed', color: 'red' },
  excused: { vi: 'Được miễn', en: 'Excused', color: 'gray' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due', color: 'gray' },
  at_risk: { vi: 'Có nguy cơ thiếu', en: 'At risk', color: 'orange' },
  no_rule: { vi: 'Quy chế không quy định', en: 'No rule', color: 'gray' },
};

/**
 * A dashboard's section: its heading, the dimmed `note` on what it lists and what else goes above the list
 * (`children`), then the request's failure or wait, its "none" (`empty`, named `<testid>-none`), else a table that
 * turns into cards on a phone, the first SHOWN rows and how many there are beyond them.
 */
export function ListCard<T>({
  title,
  testid,
  note,
  children,
  state,
  rows,
  minWidth,
  empty,
  head,
  row,
}: {
  title: ReactNode;
  testid: string;
  note?: ReactNode;
  children?: ReactNode;
  state: { error: ApiError | null | undefined; loading: boolean; data: unknown };
  rows: T[];
  minWidth: number;
  empty: string;
  head: ReactNode[];
  row: (r: T) => ReactNode;
}) {
  const [, tr] = useTr();
  return (
    <SectionCard title={title} testid={testid}>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      {children}
      <LoadState
        error={state.error}
        loading={state.loading && !state.data}
        empty={!!state.data && rows.length === 0}
        emptyTestid={`${testid}-none`}
      >
        {empty}
      </LoadState>
      {rows.length > 0 && (
        <CompactTable minWidth={minWidth} head={head}>
          {rows.slice(0, SHOWN).map(row)}
        </CompactTable>
      )}
      {rows.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {tr(`Hiện ${SHOWN} dòng đầu trong ${rows.length}.`, `The first ${SHOWN} of ${rows.length} rows.`)}
        </Text>
      )}
    </SectionCard>
  );
}

/** A row's first cell: whom or what the row is about, a link to its page, above the dimmed line that places it. */
export function NameTd({ to, name, sub }: { to: string; name: ReactNode; sub: ReactNode }) {
  return (
    <Table.Td>
      <Anchor component={Link} to={to} size="sm" fw={600}>
        {name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </Table.Td>
  );
}

function StandingCell({ s }: { s: Standing }) {
  const [l] = useTr();
  const x = STANDING[s.status];
  return (
    <>
      <Badge color={x.color} variant="light">
        {l === 'vi' ? x.vi : x.en}
      </Badge>
      {s.status !== 'ok' && <Text size="xs">{s.reason_vi}</Text>}
    </>
  );
}

/** The cells that missed the month's regular meeting or the quarter's thematic one, with the clause they miss. */
export function ComplianceCard({ state, month, year }: { state: State<Compliance>; month: number; year: number }) {
  const [, tr] = useTr();
  const [all, setAll] = useState(false);
  const rows = (state.data?.rows ?? []).filter(
    (r) => all || r.regular.status === 'short' || r.thematic.status === 'short',
  );
  return (
    <ListCard
      title={tr(`Sinh hoạt chi bộ tháng ${month}/${year}`, `Cell meetings, ${month}/${year}`)}
      testid="cells-compliance"
      state={state}
      rows={rows}
      minWidth={760}
      empty={tr('Mọi chi bộ đã sinh hoạt theo quy chế.', 'Every cell met as its regulation requires.')}
      head={[
        tr('Chi bộ', 'Cell'),
        tr('Thường kỳ trong tháng', 'Regular, this month'),
        tr('Chuyên đề trong quý', 'Thematic, this quarter'),
        tr('Căn cứ', 'Clause'),
      ]}
      row={(r) => (
        <Table.Tr key={r.cellId} data-testid="cells-compliance-row" data-short={r.regular.status === 'short'}>
          <NameTd to={`/cells/${r.cellId}/members`} name={r.name} sub={r.parentName} />
          <Table.Td data-label={tr('Thường kỳ', 'Regular')}>
            <StandingCell s={r.regular} />
          </Table.Td>
          <Table.Td data-label={tr('Chuyên đề', 'Thematic')}>
            <StandingCell s={r.thematic} />
          </Table.Td>
          <Table.Td data-label={tr('Căn cứ', 'Clause')} data-testid="cells-compliance-clause">
            <Text size="sm">{r.eIds.map(citeVi).join('; ')}</Text>
            {r.regulation && (
              <Text size="xs" c="dimmed">
                {r.regulation.own
                  ? r.regulation.title
                  : tr(
                      `${r.regulation.title} (quy chế mẫu của cấp trên)`,
                      `${r.regulation.title} (the superior's model)`,
                    )}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    >
      <Checkbox
        label={tr('Hiện cả các chi bộ đã sinh hoạt đủ', 'Show the cells that met too')}
        checked={all}
        onChange={(e) => setAll(e.currentTarget.checked)}
        data-testid="cells-compliance-all"
      />
    </ListCard>
  );
}

/** Attendance at each cell's regular meeting of the month, the lowest first. */
export function AttendanceCard({
  state,
  month,
  year,
}: {
  state: State<z.output<typeof CellAttendanceSchema>>;
  month: number;
  year: number;
}) {
  const [, tr] = useTr();
  const rows = state.data?.rows ?? [];
  return (
    <ListCard
      title={
        <>
          {tr(`Tỷ lệ đảng viên dự sinh hoạt tháng ${month}/${year}`, `Attendance, ${month}/${year}`)}
          {state.data && state.data.rate !== null && ` — ${pct(state.data.rate)}`}
        </>
      }
      testid="cells-attendance"
      note={tr(
        'Có mặt trên số đảng viên phải dự (không tính đảng viên được miễn sinh hoạt); chi bộ thấp nhất trước.',
        'Present over the members expected (exempted members left out); the lowest first.',
      )}
      state={state}
      rows={rows}
      minWidth={640}
      empty={tr('Chưa có buổi sinh hoạt nào được ghi trong tháng.', 'No meeting recorded this month.')}
      head={[
        tr('Chi bộ', 'Cell'),
        tr('Ngày họp', 'Date'),
        tr('Có mặt', 'Present'),
        tr('Vắng có lý do', 'Excused'),
        tr('Vắng không lý do', 'Absent'),
        tr('Được miễn', 'Exempted'),
        tr('Tỷ lệ', 'Rate'),
      ]}
      row={(r) => (
        <Table.Tr key={r.meetingId} data-testid="cells-attendance-row" data-rate={r.rate ?? ''}>
          <Table.Td>{r.name}</Table.Td>
          <Table.Td data-label={tr('Ngày họp', 'Date')}>
            <Anchor component={Link} to={`/meetings/${r.meetingId}`} size="sm">
              {fmt(r.meetingDate)}
            </Anchor>
          </Table.Td>
          <Table.Td data-label={tr('Có mặt', 'Present')}>{r.present}</Table.Td>
          <Table.Td data-label={tr('Vắng có lý do', 'Excused')}>{r.excused}</Table.Td>
          <Table.Td data-label={tr('Vắng không lý do', 'Absent')}>{r.absent}</Table.Td>
          <Table.Td data-label={tr('Được miễn', 'Exempted')}>{r.exempted}</Table.Td>
          <Table.Td data-label={tr('Tỷ lệ', 'Rate')}>
            <Text size="sm" fw={600} c={r.rate !== null && r.rate < 0.9 ? 'red.8' : undefined}>
              {pct(r.rate)}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

const ALERT_KIND: Record<string, { vi: string; en: string }> = {
  absent_3_months: { vi: 'Bỏ sinh hoạt ba tháng trong năm', en: 'Absent three months in the year' },
  dues_3_months: { vi: 'Không đóng đảng phí ba tháng trong năm', en: 'Dues unpaid three months in the year' },
  probation_ending: { vi: 'Sắp hết thời kỳ dự bị', en: 'Probation ending' },
};

/** The members the record flags for the cell to consider, with the Statute's clause. */
export function AlertsCard({ state }: { state: State<z.output<typeof MemberAlertsSchema>> }) {
  const [l, tr] = useTr();
  const rows = state.data?.alerts ?? [];
  return (
    <ListCard
      title={tr('Đảng viên chi bộ cần xem xét', 'Members for the cell to consider')}
      testid="cells-alerts"
      state={state}
      rows={rows}
      minWidth={760}
      empty={tr('Hồ sơ không có đảng viên nào cần xem xét.', 'The record flags no member.')}
      head={[
        tr('Đảng viên', 'Member'),
        tr('Việc cần xem xét', 'What'),
        tr('Các tháng', 'Months'),
        tr('Căn cứ', 'Basis'),
      ]}
      row={(a) => (
        <Table.Tr key={`${a.memberId}-${a.kind}`} data-testid="cells-alert-row" data-kind={a.kind}>
          <NameTd to={`/members/${a.memberId}`} name={a.fullName} sub={a.cellName} />
          <Table.Td data-label={tr('Việc', 'What')}>
            <Text size="sm" fw={600} c={a.kind === 'probation_ending' ? 'blue.8' : 'red.8'}>
              {l === 'vi' ? ALERT_KIND[a.kind]?.vi : ALERT_KIND[a.kind]?.en}
            </Text>
            {a.actBy && <Text size="xs">{tr(`Xem xét trước ${fmt(a.actBy)}`, `Consider by ${fmt(a.actBy)}`)}</Text>}
          </Table.Td>
          <Table.Td data-label={tr('Các tháng', 'Months')} style={{ whiteSpace: 'nowrap' }}>
            {a.months.map(monthVi).join(', ')}
          </Table.Td>
          <Table.Td className="qc-wide" data-label={tr('Căn cứ', 'Basis')}>
            <Text size="xs">{a.basis_vi}</Text>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
