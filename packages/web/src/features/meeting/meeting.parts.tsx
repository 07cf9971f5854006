import { Badge, Group, Text } from '@mantine/core';
import type { z } from 'zod';
import { MEETING_FORMAT_LABELS, MEETING_KIND_LABELS, MEETING_STATE_LABELS, MEETING_STATES } from '@quyche/core';
import type { LiveSummarySchema, MeetingSchema, SiteViewSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { useRun } from '../../app/ui/use-run';
import { useTr } from '../../app/ui/i18n';
import type { Lang } from '../../app/ui/i18n';
import { labelOf } from '../../app/ui/labels';
import type { Labels } from '../../app/ui/labels';
import { StateBadge } from '../../app/ui/state-badge';
import type { StateBadgeProps } from '../../app/ui/state-badge';
import type { Me, OrgDetail } from '../../app/types';
import './meeting.css';
import { useRecord } from '../../app/record';

export type Meeting = z.infer<typeof MeetingSchema>;
export type LiveSummary = z.infer<typeof LiveSummarySchema>;
export type Check = NonNullable<Meeting['checks']['quorum']>;
export type SiteView = z.infer<typeof SiteViewSchema>;

export const kindLabel = (k: string, l: Lang) => labelOf(MEETING_KIND_LABELS as Labels, k, l);
export const stateLabel = (k: string, l: Lang) => labelOf(MEETING_STATE_LABELS as Labels, k, l);
export const formatLabel = (k: string, l: Lang) => labelOf(MEETING_FORMAT_LABELS as Labels, k, l);

/** One colour per state of the life cycle, the same in the calendar, the header and the steps bar. */
export const STATE_COLORS: Record<string, string> = {
  planned: 'gray',
  convened: 'blue',
  documents_sent: 'cyan',
  in_session: 'orange',
  closed: 'teal',
  minutes_approved: 'green',
  cancelled: 'red',
};
/** The life cycle as the steps bar shows it: the states in their order (MEETING_STATES), the cancellation left out. */
export const LIFE_CYCLE = MEETING_STATES.filter((s) => s !== 'cancelled');

/** A meeting's state, larger than the other features' (it heads the meeting's page). */
export const MeetingStateBadge = ({ size = 'md', ...p }: StateBadgeProps) => (
  <StateBadge {...p} size={size} colors={STATE_COLORS} label={stateLabel} testid="state-badge" />
);

/** A check of the regulation: green or red, with its Vietnamese reason (which already cites the clause). */
export function CheckLine({
  check,
  label,
  testid,
  none,
}: {
  check: Check | null | undefined;
  label: string;
  testid: string;
  none?: string;
}) {
  const [, tr] = useTr();
  if (!check)
    return (
      <Group gap="xs" wrap="nowrap" align="start" data-testid={testid} data-ok="none">
        <Badge color="gray" variant="light" miw={90}>
          {none ?? tr('Chưa có', 'Not yet')}
        </Badge>
        <Text size="sm">
          <b>{label}</b>
        </Text>
      </Group>
    );
  return (
    <Group gap="xs" wrap="nowrap" align="start" data-testid={testid} data-ok={String(check.ok)}>
      <Badge color={check.ok ? 'green' : 'red'} miw={90} style={{ flexShrink: 0 }}>
        {check.ok ? tr('Đạt', 'OK') : tr('Không đạt', 'Not met')}
      </Badge>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <b>{label}:</b> {check.reason_vi}
      </Text>
    </Group>
  );
}

/** Runs one write of a form: its own error, busy flag, and a reload when someone else changed the meeting (409). */
export const useAction = (onDone: (m: Meeting) => void, reload: () => void) => useRun<Meeting>(onDone, reload);

/** A meeting loaded once and replaced by every write's answer (each write returns the whole meeting). */
export function useMeeting(id: string) {
  const { data: m, setData: setM, error, reload } = useRecord<Meeting>(`/meetings/${encodeURIComponent(id)}`);
  return { m, setM, error, reload };
}

/** The province (the organization of the user's first grant) and its bodies. */
export function useProvince() {
  const { data: me } = useApi<Me>('/auth/me');
  const orgId = me?.grants[0]?.orgId ?? null;
  const { data: org, error } = useApi<OrgDetail>(orgId ? `/organizations/${encodeURIComponent(orgId)}` : null);
  return { me, orgId, org, error };
}

/** A number with the thousands separators of the language: 1.200 in Vietnamese, 1,200 in English. */
export const fmtNumber = (n: number, l: Lang) =>
  new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 3 }).format(n);

/** May the user plan meetings (an administrator or a clerk somewhere)? The server decides each write. */
export const canPlan = (me: Me | undefined) => !!me?.grants.some((g) => g.role === 'admin' || g.role === 'clerk');

/** What each deviation code of the year's report means. */
export const DEVIATION_LABELS: Labels = {
  THIEU_KY_HOP_THUONG_LE: { vi: 'Thiếu kỳ họp thường lệ', en: 'Regular meeting missing' },
  TAI_LIEU_GUI_CHAM: { vi: 'Gửi tài liệu chậm', en: 'Documents sent late' },
  KHONG_DU_DIEU_KIEN_HOP_LE: { vi: 'Không đủ điều kiện hợp lệ', en: 'No quorum' },
  THONG_BAO_KET_LUAN_CHAM: { vi: 'Thông báo kết luận chậm', en: 'Conclusion notice late' },
  CHUA_CO_THONG_BAO_KET_LUAN: { vi: 'Chưa có thông báo kết luận', en: 'No conclusion notice' },
  SAI_THAM_QUYEN: { vi: 'Sai thẩm quyền', en: 'Outside competence' },
};

export const ATTENDANCE_STATUS_COLORS: Record<string, string> = {
  summoned: 'gray',
  present: 'green',
  absent_excused: 'yellow',
  absent: 'red',
};
export const ATTENDANCE_STATUS_LABELS: Labels = {
  summoned: { vi: 'Được triệu tập', en: 'Summoned' },
  present: { vi: 'Có mặt', en: 'Present' },
  absent_excused: { vi: 'Vắng có lý do', en: 'Excused' },
  absent: { vi: 'Vắng', en: 'Absent' },
};

export const VOTE_METHOD_LABELS: Labels = {
  show_of_hands: { vi: 'Giơ tay', en: 'Show of hands' },
  secret_ballot: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  written: { vi: 'Bằng văn bản', en: 'Written' },
};

/** The steps of the life cycle, named by the state they lead to. */
export const STEP_LABELS: Labels = {
  convened: { vi: 'Triệu tập', en: 'Convene' },
  documents_sent: { vi: 'Gửi tài liệu', en: 'Send documents' },
  in_session: { vi: 'Khai mạc', en: 'Open' },
  closed: { vi: 'Bế mạc', en: 'Close' },
  minutes_approved: { vi: 'Thông qua biên bản', en: 'Approve minutes' },
  cancelled: { vi: 'Hủy hội nghị', en: 'Cancel meeting' },
};

/** "Có mặt 41/61" and the quorum line, from the live summary when there is one. */
export function LiveCounts({
  counts,
  quorum,
  testid = 'live',
}: {
  counts: Meeting['counts'];
  quorum: Check | null | undefined;
  testid?: string;
}) {
  const [, tr] = useTr();
  return (
    <div data-testid={testid}>
      <Group gap="md" wrap="wrap">
        <Text size="lg" data-testid={`${testid}-present`} data-present={counts.present} data-summoned={counts.summoned}>
          {tr('Có mặt', 'Present')}{' '}
          <b>
            {counts.present}/{counts.summoned}
          </b>
        </Text>
        <Text size="sm" c="dimmed">
          {tr('Vắng có lý do', 'Excused')} {counts.absentExcused} · {tr('Vắng', 'Absent')} {counts.absent} ·{' '}
          {tr('Khách mời', 'Guests')} {counts.guests}
        </Text>
      </Group>
      {quorum ? (
        <Text
          size="sm"
          c={quorum.ok ? 'green.8' : 'red.8'}
          data-testid={`${testid}-quorum`}
          data-ok={String(quorum.ok)}
        >
          {quorum.reason_vi}
        </Text>
      ) : (
        counts.summoned > 0 && (
          <Text size="sm" c="dimmed" data-testid={`${testid}-quorum`} data-ok="none">
            {tr(
              'Chưa điểm danh: điều kiện hợp lệ được tính khi bắt đầu ghi người có mặt, vắng mặt.',
              'Attendance not taken yet: the quorum is computed once members are marked.',
            )}
          </Text>
        )
      )}
    </div>
  );
}
