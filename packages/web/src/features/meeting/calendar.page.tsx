import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { z } from 'zod';
import {
  addDays,
  daysInMonth,
  MEETING_KINDS,
  MEETING_STATES,
  todayInVietnam,
  weekdayIndex,
  CreateMeetingSchema,
} from '@quyche/core';
import type { FeedTokenSchema } from '@quyche/core';
import { api, type ApiError, useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import type { Lang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';
import { canPlan, formatLabel, kindLabel, MeetingStateBadge, stateLabel, useProvince } from './meeting.parts';
import { DateField, FormDate } from '../../app/ui/date-field';
import { FormEnd } from '../../app/ui/shared-form-end';
import { FormCard } from '../../app/ui/shared-section-card';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { FormatField, ProvinceWideField, TimePlaceFields } from './meeting-fields';
import { WriteError } from '../../app/ui/write-error';
import { useTr } from '../../app/ui/i18n';
import type { Meeting } from './meeting.parts';
import type { MeetingListItem } from '../../app/types';
import type { OrgDetail } from '../../app/types';
import './calendar.css';
import { LoadState } from '../../app/ui/load-state';

type NewMeeting = z.input<typeof CreateMeetingSchema>;
interface PlanValues extends Record<string, unknown> {
  bodyKind: string;
  kind: string;
  /** Typed by hand: else the title is suggested from the body and the date. */
  title: string;
  touched: boolean;
  meetingDate: string;
  startsAt: string;
  location: string;
  format: string;
  provinceWide: boolean;
  consultationDeadline: string;
}

/** The bodies whose calendar is kept here: the Tỉnh ủy, its Ban Thường vụ and its Thường trực. */
export const CALENDAR_BODIES = ['BCH', 'BTV', 'TT'] as const;
const WEEKDAYS_SHORT = {
  vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
export const WEEKDAYS_LONG = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 0 for Monday … 6 for Sunday. */
export { weekdayIndex };
const mondayOf = (iso: string) => addDays(iso, -weekdayIndex(iso));
const isMonth = (s: string | null): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const shiftMonth = (ym: string, n: number) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const monthTitle = (ym: string, l: Lang) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return l === 'vi' ? `Tháng ${m}/${y}` : `${MONTHS_EN[m - 1]} ${y}`;
};

export function bodiesOf(org: OrgDetail | undefined) {
  return CALENDAR_BODIES.map((k) => org?.bodies.find((b) => b.kind === k)).filter(
    (b): b is OrgDetail['bodies'][number] => !!b,
  );
}

export function CalendarPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const today = todayInVietnam();
  const bodyKind = query.get('body') ?? 'all';
  const view = query.get('view') === 'week' ? 'week' : 'month';
  const month = isMonth(query.get('month')) ? query.get('month')! : today.slice(0, 7);
  const weekParam = query.get('week');
  const week =
    weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam)
      ? mondayOf(weekParam)
      : mondayOf(month === today.slice(0, 7) ? today : `${month}-01`);
  // Under 600 px seven columns leave no room for a title: the month is then a list of its days with meetings.
  const phone = useMediaQuery('(max-width: 600px)', false, { getInitialValueInEffect: false });
  const { me, orgId, org, error: orgError } = useProvince();
  const bodies = bodiesOf(org);
  const body = bodies.find((b) => b.kind === bodyKind);
  useTitle(tr('Lịch họp', 'Meeting calendar'));

  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
  const from = view === 'month' ? mondayOf(first) : week;
  const to = view === 'month' ? addDays(mondayOf(last), 6) : addDays(week, 6);
  const scope = body ? `bodyId=${body.id}` : orgId ? `orgId=${orgId}` : null;
  const {
    data: meetings,
    error,
    loading,
    reload,
  } = useApi<MeetingListItem[]>(
    scope && (bodyKind === 'all' || body) ? `/meetings?${scope}&from=${from}&to=${to}` : null,
  );

  const go = (p: { body?: string; month?: string; view?: string; week?: string }) => {
    const q = new URLSearchParams();
    q.set('body', p.body ?? bodyKind);
    q.set('month', p.month ?? month);
    const v = p.view ?? view;
    if (v === 'week') {
      q.set('view', 'week');
      q.set('week', p.week ?? week);
    }
    navigate(`/meetings?${q.toString()}`, true);
  };
  /** The month or the week before (-1) or after (1) the one shown. */
  const shift = (n: -1 | 1) =>
    view === 'month'
      ? go({ month: shiftMonth(month, n) })
      : go({ week: addDays(week, 7 * n), month: addDays(week, 7 * n).slice(0, 7) });
  const shiftLabels =
    view === 'month'
      ? [tr('Tháng trước', 'Previous month'), tr('Tháng sau', 'Next month')]
      : [tr('Tuần trước', 'Previous week'), tr('Tuần sau', 'Next week')];
  const byDay = new Map<string, MeetingListItem[]>();
  for (const m of meetings ?? []) byDay.set(m.meetingDate, [...(byDay.get(m.meetingDate) ?? []), m]);
  const days = Array.from({ length: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 }, (_, i) =>
    addDays(from, i),
  );

  if (orgError) return <ErrorView error={orgError} />;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {tr('Lịch họp', 'Meeting calendar')}
        </Title>
        <Anchor component={Link} to="/meetings/report" size="sm">
          {tr('Báo cáo hội nghị', 'Meetings report')}
        </Anchor>
      </Group>
      <Group align="end" wrap="wrap" gap="sm">
        <NativeSelect
          label={tr('Cơ quan', 'Body')}
          value={bodyKind}
          onChange={(e) => go({ body: e.currentTarget.value })}
          data={[
            { value: 'all', label: tr('Tất cả cơ quan', 'All bodies') },
            ...bodies.map((b) => ({ value: b.kind, label: b.name })),
          ]}
          data-testid="cal-body"
          w={280}
          maw="100%"
        />
        <SegmentedControl
          value={view}
          onChange={(v) => go({ view: v })}
          data={[
            { value: 'month', label: tr('Tháng', 'Month') },
            { value: 'week', label: tr('Tuần', 'Week') },
          ]}
          data-testid="cal-view"
        />
        <IcsButton bodies={body ? [body] : bodies} personId={me?.user.personId ?? null} />
      </Group>
      <Card withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Button
            variant="light"
            size="xs"
            onClick={() => shift(-1)}
            data-testid="cal-prev"
            aria-label={shiftLabels[0]}
          >
            ‹
          </Button>
          <Text fw={700} ta="center" data-testid="cal-title" data-month={month}>
            {view === 'month' ? monthTitle(month, l) : `${tr('Tuần', 'Week')} ${fmt(week)} – ${fmt(addDays(week, 6))}`}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => go({ month: today.slice(0, 7), week: mondayOf(today) })}
              data-testid="cal-today"
            >
              {tr('Hôm nay', 'Today')}
            </Button>
            <Button
              variant="light"
              size="xs"
              onClick={() => shift(1)}
              data-testid="cal-next"
              aria-label={shiftLabels[1]}
            >
              ›
            </Button>
          </Group>
        </Group>
        <LoadState error={error} loading={loading && !meetings} />
        {view === 'month' && phone ? (
          meetings && <MonthAgenda month={month} today={today} byDay={byDay} />
        ) : view === 'month' ? (
          <div className="qc-cal-grid" data-testid="cal-grid">
            {WEEKDAYS_SHORT[l].map((d) => (
              <div key={d} className="qc-cal-head">
                {d}
              </div>
            ))}
            {days.map((d) => (
              <div
                key={d}
                className={`qc-cal-day${d.slice(0, 7) !== month ? ' qc-out' : ''}${d === today ? ' qc-today' : ''}`}
                data-testid="cal-day"
                data-date={d}
                data-today={d === today ? 'true' : undefined}
              >
                <div className="qc-cal-num">{Number(d.slice(8))}</div>
                {(byDay.get(d) ?? []).map((m) => (
                  <Link
                    key={m.id}
                    to={`/meetings/${m.id}`}
                    className={`qc-cal-ev qc-s-${m.state}${m.state === 'cancelled' ? ' qc-cancelled' : ''}`}
                    title={`${m.startsAt ?? ''} ${m.bodyName}: ${m.title}`.trim()}
                    data-testid="cal-meeting"
                    data-date={m.meetingDate}
                    data-state={m.state}
                  >
                    <b>{m.startsAt ?? m.bodyKind}</b> <span className="qc-cal-title">{m.title}</span>
                  </Link>
                ))}
              </div>
            ))}
          </div>
        ) : (
          <Stack gap="xs" data-testid="cal-week">
            {days.map((d) => (
              <Card
                key={d}
                withBorder
                p="xs"
                bg={d === today ? 'orange.0' : undefined}
                data-testid="cal-day"
                data-date={d}
                data-today={d === today ? 'true' : undefined}
              >
                <Text fw={700} size="sm">
                  {WEEKDAYS_LONG[l][weekdayIndex(d)]}, {fmt(d)}
                </Text>
                {(byDay.get(d) ?? []).length === 0 && (
                  <Text size="sm" c="dimmed">
                    {tr('Không có cuộc họp', 'No meetings')}
                  </Text>
                )}
                {(byDay.get(d) ?? []).map((m) => (
                  <Group key={m.id} gap="xs" wrap="wrap" mt={4}>
                    <MeetingStateBadge state={m.state} size="sm" />
                    <Text size="sm">
                      {m.startsAt && <b>{m.startsAt} </b>}
                      <Anchor
                        component={Link}
                        to={`/meetings/${m.id}`}
                        data-testid="cal-meeting"
                        data-date={m.meetingDate}
                        data-state={m.state}
                        td={m.state === 'cancelled' ? 'line-through' : undefined}
                      >
                        {m.title}
                      </Anchor>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.bodyName} · {kindLabel(m.kind, l)} · {formatLabel(m.format, l)}
                      {m.location ? ` · ${m.location}` : ''}
                      {m.conclusionSymbol ? ` · ${m.conclusionSymbol}` : ''}
                    </Text>
                  </Group>
                ))}
              </Card>
            ))}
          </Stack>
        )}
        <CalendarLegend abbreviations={view === 'month' && !phone} />
      </Card>
      {/* Only those who may record meetings (an administrator, a clerk) plan them; the others read the calendar. */}
      {canPlan(me) && <PlanMeetingForm bodies={bodies} defaultKind={body?.kind ?? 'BTV'} onCreated={reload} />}
    </Stack>
  );
}

/** The month on a phone: each day of the month that has a meeting (and today), with the meetings' titles in full. */
function MonthAgenda({ month, today, byDay }: { month: string; today: string; byDay: Map<string, MeetingListItem[]> }) {
  const [l, tr] = useTr();
  const n = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const days = Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`).filter(
    (d) => byDay.has(d) || d === today,
  );
  if (![...byDay.keys()].some((d) => d.startsWith(month)))
    return (
      <Text size="sm" c="dimmed" py="sm" data-testid="cal-agenda-empty">
        {tr('Không có cuộc họp nào trong tháng.', 'No meetings this month.')}
      </Text>
    );
  return (
    <div className="qc-cal-agenda" data-testid="cal-agenda">
      {days.map((d) => (
        <div
          key={d}
          className={`qc-cal-aday${d === today ? ' qc-today' : ''}`}
          data-testid="cal-day"
          data-date={d}
          data-today={d === today ? 'true' : undefined}
        >
          <div className="qc-cal-adate" role="img" aria-label={`${WEEKDAYS_LONG[l][weekdayIndex(d)]}, ${fmt(d)}`}>
            <span className="qc-cal-anum">{Number(d.slice(8))}</span>
            <span className="qc-cal-awd">{WEEKDAYS_SHORT[l][weekdayIndex(d)]}</span>
          </div>
          <div className="qc-cal-aevents">
            {!byDay.has(d) && (
              <Text size="sm" c="dimmed">
                {tr('Hôm nay không có cuộc họp', 'No meetings today')}
              </Text>
            )}
            {(byDay.get(d) ?? []).map((m) => (
              <Link
                key={m.id}
                to={`/meetings/${m.id}`}
                className={`qc-cal-aev qc-s-${m.state}${m.state === 'cancelled' ? ' qc-cancelled' : ''}`}
                data-testid="cal-meeting"
                data-date={m.meetingDate}
                data-state={m.state}
              >
                {m.startsAt && <b>{m.startsAt} </b>}
                <span className="qc-cal-title">{m.title}</span>
                <span className="qc-cal-ameta">
                  {m.bodyName} · {stateLabel(m.state, l)}
                  {m.kind !== 'regular' ? ` · ${kindLabel(m.kind, l)}` : ''}
                </span>
              </Link>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** What the calendar's colours and marks mean: the left bar's colour is the meeting's state, as on its page. */
function CalendarLegend({ abbreviations }: { abbreviations: boolean }) {
  const [l, tr] = useTr();
  return (
    <div className="qc-cal-legend" role="note" data-testid="cal-legend" aria-label={tr('Chú giải', 'Legend')}>
      <b>{tr('Chú giải:', 'Legend:')}</b>
      {MEETING_STATES.map((s) => (
        <span key={s} data-testid="cal-legend-state" data-state={s}>
          <span className={`qc-cal-swatch qc-s-${s}`} aria-hidden="true" />
          {s === 'cancelled' ? <span className="qc-strike">{tr('Đã hủy', 'Cancelled')}</span> : stateLabel(s, l)}
        </span>
      ))}
      <span>
        <span className="qc-cal-swatch qc-today-swatch" aria-hidden="true" />
        {tr('Hôm nay', 'Today')}
      </span>
      {abbreviations && (
        <span>
          {tr(
            'BCH, BTV, TT: Ban Chấp hành, Ban Thường vụ, Thường trực (ghi ở cuộc họp chưa định giờ)',
            'BCH, BTV, TT: executive committee, standing committee, permanent board (on a meeting with no time set)',
          )}
        </span>
      )}
    </div>
  );
}

/** "Địa chỉ lịch (ICS)": a private address for calendar programs, per body and for the user as a person. */
function IcsButton({ bodies, personId }: { bodies: OrgDetail['bodies']; personId: string | null }) {
  const [, tr] = useTr();
  const [feed, setFeed] = useState<z.infer<typeof FeedTokenSchema> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const get = async () => {
    setError(null);
    try {
      setFeed(await api('POST', '/calendar/feed-token'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Stack gap={4} align="flex-start" style={{ flexBasis: feed || error ? '100%' : undefined }}>
      <Button variant="light" onClick={get} data-testid="ics-button">
        {tr('Địa chỉ lịch (ICS)', 'Calendar address (ICS)')}
      </Button>
      <WriteError error={error} testid="ics-error" />
      {feed && (
        <Alert
          color="blue"
          w="100%"
          data-testid="ics-feeds"
          title={tr('Địa chỉ lịch riêng của bạn', 'Your private calendar addresses')}
        >
          <Text size="xs" mb={4}>
            {tr(
              'Dán vào chương trình lịch (Outlook, Google Lịch…). Tạo địa chỉ mới thì địa chỉ cũ hết hiệu lực.',
              'Paste into a calendar program. A new address revokes the old one.',
            )}
          </Text>
          <Stack gap={4}>
            {bodies.map((b) => (
              <TextInput
                key={b.id}
                label={b.name}
                readOnly
                value={`${location.origin}${feed.bodyFeedTemplate.replace('{bodyId}', b.id)}`}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="ics-body-url"
              />
            ))}
            {personId && (
              <TextInput
                label={tr('Lịch họp của tôi', 'My meetings')}
                readOnly
                value={`${location.origin}${feed.personFeedTemplate.replace('{personId}', personId)}`}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="ics-person-url"
              />
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

const suggestTitle = (kind: string, name: string, date: string) => {
  if (!date) return '';
  if (kind === 'BCH') return `Hội nghị ${name} ngày ${fmt(date)}`;
  if (kind === 'TT') return `Họp ${name} ngày ${fmt(date)}`;
  return `Phiên họp ${name} ngày ${fmt(date)}`;
};

/** "Dự kiến cuộc họp": a meeting planned for a body; its page opens once created. */
function PlanMeetingForm({
  bodies,
  defaultKind,
  onCreated,
}: {
  bodies: OrgDetail['bodies'];
  defaultKind: string;
  onCreated: () => void;
}) {
  const [l, tr] = useTr();
  const form = useSchemaForm<PlanValues, typeof CreateMeetingSchema>(
    CreateMeetingSchema,
    {
      bodyKind: '',
      kind: 'regular',
      title: '',
      touched: false,
      meetingDate: '',
      startsAt: '08:00',
      location: '',
      format: 'in_person',
      provinceWide: false,
      consultationDeadline: '',
    },
    (v): NewMeeting => {
      const b = bodyOf(v.bodyKind);
      return {
        bodyId: b?.id ?? '',
        kind: v.kind as NewMeeting['kind'],
        title: titleOf(v).trim(),
        meetingDate: v.meetingDate,
        startsAt: v.startsAt || null,
        location: blankAs(v.location, null),
        format: v.format as NewMeeting['format'],
        provinceWide: v.provinceWide,
        ...(v.kind === 'written_consultation' ? { consultationDeadline: v.consultationDeadline } : {}),
      };
    },
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyOf = (kind: string) => {
    const k = kind || (bodies.some((b) => b.kind === defaultKind) ? defaultKind : (bodies[0]?.kind ?? ''));
    return bodies.find((b) => b.kind === k);
  };
  const titleOf = (v: PlanValues): string => {
    const b = bodyOf(v.bodyKind);
    return v.touched ? v.title : suggestTitle(b?.kind ?? '', b?.name ?? '', v.meetingDate);
  };
  const body = bodyOf(form.values.bodyKind);
  const submit = form.submitBody(async (created) => {
    setBusy(true);
    setError(null);
    try {
      const m = await api<Meeting>('POST', '/meetings', created);
      onCreated();
      navigate(`/meetings/${m.id}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  });
  return (
    <FormCard title={tr('Dự kiến cuộc họp', 'Plan a meeting')} onSubmit={submit} formTestid="plan-form">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <NativeSelect
          label={tr('Cơ quan', 'Body')}
          value={body?.kind ?? ''}
          onChange={(e) => form.setFieldValue('bodyKind', e.currentTarget.value)}
          data={bodies.map((b) => ({ value: b.kind, label: b.name }))}
          data-testid="plan-body"
        />
        <NativeSelect
          label={tr('Loại cuộc họp', 'Kind')}
          {...form.getInputProps('kind')}
          data={MEETING_KINDS.map((k) => ({ value: k, label: kindLabel(k, l) }))}
          data-testid="plan-kind"
        />
        <FormatField form={form} prefix="plan" />
      </SimpleGrid>
      <TextInput
        label={tr('Tên cuộc họp', 'Title')}
        {...form.getInputProps('title')}
        value={titleOf(form.values)}
        onChange={(e) => form.setValues({ touched: true, title: e.currentTarget.value })}
        required
        maxLength={500}
        data-testid="plan-title"
      />
      <Group align="end" wrap="wrap" gap="sm">
        <DateField label={tr('Ngày họp', 'Date')} {...form.valueProps('meetingDate')} testid="plan-date" required />
        <TimePlaceFields form={form} prefix="plan" />
        {form.values.kind === 'written_consultation' && (
          <FormDate form={form} path="consultationDeadline" testid="plan-deadline" required>
            {tr('Hạn trả lời', 'Replies due')}
          </FormDate>
        )}
      </Group>
      <ProvinceWideField form={form} prefix="plan" />
      <FormEnd name="plan" form={form} write={{ error, busy }}>
        {tr('Dự kiến cuộc họp', 'Plan the meeting')}
      </FormEnd>
    </FormCard>
  );
}
