import { Badge, Group, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  addDays,
  CONFIDENTIALITY_LABELS,
  daysInMonth,
  MEETING_FORMAT_LABELS,
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
} from '@quyche/core';
import type {
  LiveSummarySchema,
  MeetingListItemSchema,
  MeetingSchema,
  MeSchema,
  OrganizationDetailSchema,
  SiteViewSchema,
} from '@quyche/core';
import { api, ApiError, useApi } from '../../app/api';
import { useRun, WriteError } from '../../app/write';
import { useLang, useTr } from '../../app/i18n';
import type { Lang } from '../../app/i18n';
import './meeting.css';

export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingListItem = z.infer<typeof MeetingListItemSchema>;
export type LiveSummary = z.infer<typeof LiveSummarySchema>;
export type Check = NonNullable<Meeting['checks']['quorum']>;
export type OrgDetail = z.infer<typeof OrganizationDetailSchema>;
export type SiteView = z.infer<typeof SiteViewSchema>;
export type Me = z.infer<typeof MeSchema>;
type Labels = Record<string, { vi: string; en: string }>;

/** Vietnamese first, English second: `tr('Có mặt', 'Present')`. */
export { useTr } from '../../app/i18n';

export const labelOf = (labels: Labels, key: string | null | undefined, l: Lang) =>
  key ? (labels[key]?.[l] ?? key) : '';
export const kindLabel = (k: string, l: Lang) => labelOf(MEETING_KIND_LABELS as Labels, k, l);
export const stateLabel = (k: string, l: Lang) => labelOf(MEETING_STATE_LABELS as Labels, k, l);
export const formatLabel = (k: string, l: Lang) => labelOf(MEETING_FORMAT_LABELS as Labels, k, l);
export const confidentialityLabel = (n: number, l: Lang) =>
  labelOf(CONFIDENTIALITY_LABELS as unknown as Labels, String(n), l);

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
export const LIFE_CYCLE = [
  'planned',
  'convened',
  'documents_sent',
  'in_session',
  'closed',
  'minutes_approved',
] as const;

export function StateBadge({ state, size = 'md' }: { state: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const [l] = useLang();
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray'} size={size} data-testid="state-badge" data-state={state}>
      {stateLabel(state, l)}
    </Badge>
  );
}

export function ConfidentialityBadge({ level }: { level: number }) {
  const [l] = useLang();
  if (!level) return null;
  return (
    <Badge color={level >= 2 ? 'red' : 'orange'} variant="outline" size="sm" data-testid="confidentiality-badge">
      {confidentialityLabel(level, l)}
    </Badge>
  );
}

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

/** The problem+json of a failed write, next to the form that caused it. */
/** The problem+json of a failed write next to its form (the shared alert; `form-error` unless named). */
export const ErrorAlert = ({
  error,
  testid = 'form-error',
  onClose,
}: {
  error: ApiError | null;
  testid?: string;
  onClose?: () => void;
}) => <WriteError error={error} testid={testid} {...(onClose ? { onClose } : {})} />;

/** Runs one write of a form: its own error, busy flag, and a reload when someone else changed the meeting (409). */
export const useAction = (onDone: (m: Meeting) => void, reload: () => void) => useRun<Meeting>(onDone, reload);

/** A meeting loaded once and replaced by every write's answer (each write returns the whole meeting). */
export function useMeeting(id: string) {
  const [m, setM] = useState<Meeting | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setM(await api<Meeting>('GET', `/meetings/${encodeURIComponent(id)}`));
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    }
  }, [id]);
  useEffect(() => {
    setM(undefined);
    void reload();
  }, [reload]);
  return { m, setM, error, reload };
}

/**
 * The live summary of a meeting (counts, quorum, connection points) from its event stream; the browser's
 * EventSource reconnects on its own. `onChange` hears every summary (to refresh the rest of the page).
 */
export function useLive<T = LiveSummary>(
  id: string,
  onChange?: (s: T) => void,
  url = `/api/v1/meetings/${encodeURIComponent(id)}/events`,
) {
  const [live, setLive] = useState<T | null>(null);
  const [connected, setConnected] = useState(false);
  const cb = useRef(onChange);
  cb.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(url);
    es.addEventListener('summary', (e) => {
      try {
        const s = JSON.parse((e as MessageEvent<string>).data) as T;
        setLive(s);
        setConnected(true);
        cb.current?.(s);
      } catch {
        /* a malformed event is ignored: the next one carries the whole summary */
      }
    });
    es.onerror = () => setConnected(false);
    es.onopen = () => setConnected(true);
    return () => es.close();
  }, [url]);
  return { live, connected };
}

/** The province (the organization of the user's first grant) and its bodies. */
export function useProvince() {
  const { data: me } = useApi<Me>('/auth/me');
  const orgId = me?.grants[0]?.orgId ?? null;
  const { data: org, error } = useApi<OrgDetail>(orgId ? `/organizations/${encodeURIComponent(orgId)}` : null);
  return { me, orgId, org, error };
}

export { DateField } from '../../app/date-field';

/**
 * A time of day typed as 24-hour hh:mm (08:00, 14:30), whatever the browser's locale (a time input shows "02:00 PM"
 * in an English browser). `value` is '' or hh:mm; "8:00" is read as 08:00. Not a time: the form does not submit.
 */
export function TimeField({
  label,
  value,
  onChange,
  testid,
  w = 120,
}: {
  label: string;
  value: string;
  onChange: (hhmm: string) => void;
  testid: string;
  w?: number;
}) {
  const [l] = useLang();
  const [bad, setBad] = useState(false);
  const norm = (s: string) => (/^\d:[0-5]\d$/.test(s.trim()) ? `0${s.trim()}` : s.trim());
  return (
    <TextInput
      label={label}
      placeholder="hh:mm"
      value={value}
      w={w}
      inputMode="numeric"
      pattern="([01]\d|2[0-3]):[0-5]\d"
      title={l === 'vi' ? 'Giờ dạng hh:mm, 24 giờ (ví dụ 14:00)' : 'Time as hh:mm, 24-hour (e.g. 14:00)'}
      error={bad ? (l === 'vi' ? 'Giờ dạng hh:mm, 24 giờ (ví dụ 14:00)' : 'Time as hh:mm, 24-hour') : undefined}
      onInvalid={() => setBad(true)}
      onChange={(e) => {
        setBad(false);
        onChange(e.currentTarget.value);
      }}
      onBlur={(e) => {
        const v = norm(e.currentTarget.value);
        onChange(v);
        setBad(v !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v));
      }}
      data-testid={testid}
    />
  );
}

export async function fileToBase64(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export const fmtSize = (n: number | null) =>
  n === null
    ? ''
    : n < 1024
      ? `${n} B`
      : n < 1024 * 1024
        ? `${(n / 1024).toFixed(1).replace('.', ',')} KB`
        : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** The later of two ISO dates. */
export const maxDate = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/** The same day a year later (29/02 → 28/02). */
export const addYear = (iso: string) => {
  const y = Number(iso.slice(0, 4)) + 1;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${iso.slice(5, 7)}-${String(d).padStart(2, '0')}`;
};
/** The twelve months after a date: from the next day to the same day a year later. */
export const nextTwelveMonths = (iso: string) => ({ from: addDays(iso, 1), to: addYear(iso) });

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
