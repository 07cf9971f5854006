import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RESCHEDULABLE_STATES, RescheduleMeetingSchema, todayInVietnam } from '@quyche/core';
import type { MeetingState } from '@quyche/core';
import { api } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import type { Lang } from '../../app/ui/i18n';
import type { SectionProps } from './meeting.types';
import { CheckLine, useAction } from './meeting.parts';
import { FormDate } from '../../app/ui/date-field';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { ReasonField, TimePlaceFields } from './meeting-fields';
import { useTr } from '../../app/ui/i18n';
import type { Meeting } from './meeting.parts';
import { FormEnd } from '../../app/ui/shared-form-end';
import { EditableCard } from '../../app/ui/shared-section-card';

type Move = Meeting['reschedules'][number];

const when = (date: string, time: string | null, l: Lang) =>
  `${fmt(date)}${time ? ` ${l === 'vi' ? 'lúc' : 'at'} ${time}` : ''}`;
/** When a change was recorded, in Vietnam's time: "07/12/2026 09:13". */
const at = (iso: string) => {
  const f = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', ...o }).format(new Date(iso));
  const date = f({ day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${date} ${f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
};

/** One change of the date in words: "Đã dời từ 12/12/2026 sang 19/12/2026: lý do …". */
function MoveLine({ x }: { x: Move }) {
  const [l, tr] = useTr();
  const time = x.fromStartsAt !== x.toStartsAt;
  const from = when(x.fromDate, time ? x.fromStartsAt : null, l);
  const to = when(x.toDate, time ? x.toStartsAt : null, l);
  const place = x.toLocation !== x.fromLocation && x.toLocation ? ` (${tr('địa điểm', 'place')}: ${x.toLocation})` : '';
  return (
    <Stack gap={2} data-testid="reschedule-entry" data-to={x.toDate}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {x.reason
          ? tr(
              `Đã dời từ ${from} sang ${to}${place}: lý do ${x.reason}`,
              `Moved from ${from} to ${to}${place}: ${x.reason}`,
            )
          : tr(
              `Đã sửa ngày họp dự kiến từ ${from} sang ${to}${place} (trước khi triệu tập)`,
              `Planned date changed from ${from} to ${to}${place} (before convening)`,
            )}
      </Text>
      {x.state !== 'planned' && (
        <Text size="sm" c="orange.8">
          {tr(
            'Hội nghị đã triệu tập: giấy triệu tập được gửi lại theo ngày họp mới.',
            'The meeting had been convened: the notice is sent again for the new date.',
          )}
        </Text>
      )}
      {x.notice && (
        <CheckLine
          check={x.notice}
          label={tr('Kiểm tra lại thời hạn gửi tài liệu theo ngày họp mới', 'Documents notice against the new date')}
          testid="reschedule-notice"
        />
      )}
      <Text size="xs" c="dimmed">
        {[x.byName, at(x.at)].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

/**
 * Rescheduling: a meeting planned or convened, not yet opened, moves to a new date (and time, place) with a written
 * reason; once convened the notice check of the regulation is run again against the new date. The history of the
 * date stays on the page.
 */
export function RescheduleSection({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(
    RescheduleMeetingSchema,
    { meetingDate: '', startsAt: '', location: '', reason: '' },
    (v) => ({
      version: m.version,
      meetingDate: v.meetingDate,
      startsAt: v.startsAt || null,
      location: blankAs(v.location, null),
      reason: v.reason.trim(),
    }),
  );
  const a = useAction((x) => {
    onMeeting(x);
    setOpen(false);
  }, reload);
  const can = m.can.write && RESCHEDULABLE_STATES.includes(m.state as MeetingState);
  if (!can && m.reschedules.length === 0) return null;
  const start = () => {
    a.setError(null);
    form.setValues({ meetingDate: '', startsAt: m.startsAt ?? '', location: m.location ?? '', reason: '' });
    form.clearErrors();
    setOpen(true);
  };
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/reschedule`, body)));
  const date = form.values.meetingDate;
  const convened = m.state !== 'planned';
  return (
    <EditableCard
      title={tr('Dời ngày họp', 'Rescheduling')}
      testid="reschedule"
      align="start"
      edit={{
        shown: can && !open,
        label: tr('Dời ngày họp', 'Reschedule'),
        onClick: start,
        testid: 'reschedule-open',
        color: 'orange',
      }}
    >
      <Stack gap="sm" mt="xs">
        {m.reschedules.length === 0 && (
          <Text size="sm" c="dimmed">
            {tr('Chưa dời ngày họp lần nào.', 'Not rescheduled so far.')}
          </Text>
        )}
        {m.reschedules.map((x) => (
          <MoveLine key={x.id} x={x} />
        ))}
        {open && (
          <form onSubmit={submit} noValidate data-testid="reschedule-form">
            <Stack gap="xs">
              {convened && (
                <Text size="sm" c="orange.8">
                  {tr(
                    `Hội nghị đã triệu tập: sau khi dời, giấy triệu tập phải gửi lại và thời hạn gửi tài liệu được ` +
                      `kiểm tra lại theo ngày họp ` +
                      `mới${m.documentsSentOn ? ` (tài liệu đã gửi ngày ${fmt(m.documentsSentOn)})` : ''}.`,
                    `Convened: the notice is sent again and the documents deadline is checked against the new ` +
                      `date${m.documentsSentOn ? ` (documents sent on ${fmt(m.documentsSentOn)})` : ''}.`,
                  )}
                </Text>
              )}
              <Group align="end" wrap="wrap">
                <FormDate form={form} path="meetingDate" testid="reschedule-date" required>
                  {tr('Ngày họp mới', 'New date')}
                </FormDate>
                <TimePlaceFields form={form} prefix="reschedule" />
              </Group>
              <ReasonField
                form={form}
                path="reason"
                label={tr('Lý do dời ngày họp', 'Reason for the change')}
                testid="reschedule-reason"
              />
              {date && date < todayInVietnam() && (
                <Text size="sm" c="red.8">
                  {tr('Ngày họp mới đã qua.', 'The new date is past.')}
                </Text>
              )}
              <FormEnd name="reschedule" form={form} write={a} closable onCancel={() => setOpen(false)} color="orange">
                {tr('Dời ngày họp', 'Reschedule')}
              </FormEnd>
            </Stack>
          </form>
        )}
      </Stack>
    </EditableCard>
  );
}
