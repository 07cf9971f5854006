import { Alert, Anchor, Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import {
  CancelMeetingSchema,
  ConveneMeetingSchema,
  MeetingStepSchema,
  SendDocumentsSchema,
  todayInVietnam,
  UpdateMeetingSchema,
  versionLabelVi,
} from '@quyche/core';
import type { MeetingFormat } from '@quyche/core';
import type { z } from 'zod';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, maxDate, earlierIso } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { AgendaSection } from './agenda.section';
import { AttendanceSection } from './attendance.section';
import { ChairSection } from './chair.section';
import { weekdayIndex, WEEKDAYS_LONG } from './calendar.page';
import { ConclusionSection } from './conclusion.section';
import {
  CheckLine,
  formatLabel,
  kindLabel,
  LIFE_CYCLE,
  STEP_LABELS,
  stateLabel,
  MeetingStateBadge,
  useAction,
  useMeeting,
} from './meeting.parts';
import { ConfidentialityBadge } from '../../app/ui/confidentiality-badge';
import { DateField } from '../../app/ui/date-field';
import { WriteError } from '../../app/ui/write-error';
import { sameCounts, useLiveSummary } from './meeting.live';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { labelOf } from '../../app/ui/labels';
import type { LiveSummary, Meeting } from './meeting.parts';
import { DocumentsSection, MinutesSection } from './record.section';
import { RescheduleSection } from './reschedule.section';
import { MeetingScoreSection } from '../cell/meeting-score.section';
import type { SectionProps } from './meeting.types';
import { StepButton, StepForm } from '../../app/ui/workflow-step';
import { FormEnd } from '../../app/ui/shared-form-end';
import { EditableCard, TitledCard } from '../../app/ui/shared-section-card';
import { RecordHead } from '../../app/ui/record-head';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { FormatField, ProvinceWideField, ReasonField, TimePlaceFields } from './meeting-fields';

/** A live summary folded into the meeting: counts, quorum and each connection point's numbers. */
export function withLive(m: Meeting, s: LiveSummary): Meeting {
  if (s.meetingId !== m.id) return m;
  return {
    ...m,
    counts: s.counts,
    checks: { ...m.checks, quorum: s.quorum },
    sites: m.sites.map((x) => {
      const y = s.sites.find((z) => z.id === x.id);
      return y ? { ...x, summoned: y.summoned, present: y.present, guests: y.guests } : x;
    }),
  };
}

/**
 * A meeting kept live: writes replace it, the event stream patches its counts at once and, when something changed
 * elsewhere (another clerk, a connection point), the whole meeting is fetched again shortly after.
 */
export function useLiveMeeting(id: string) {
  const { m, setM, error, reload } = useMeeting(id);
  const { connected } = useLiveSummary(`/api/v1/meetings/${encodeURIComponent(id)}/events`, m, {
    meetingId: (x) => x.id,
    stale: (cur, s) =>
      s.version !== cur.version ||
      s.state !== cur.state ||
      !sameCounts(s.counts, cur.counts) ||
      s.sites.length !== cur.sites.length,
    patch: (s) => setM((x) => (x ? withLive(x, s) : x)),
    reload,
  });
  return { m, setM, error, reload, connected };
}

export function MeetingPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { m, setM, error, reload, connected } = useLiveMeeting(id);
  useTitle(m?.title);
  if (error && !m) return <ErrorView error={error} />;
  if (!m) return <Loading />;
  const props: SectionProps = { m, onMeeting: setM, reload: () => void reload() };
  return (
    <Stack data-testid="meeting-page" data-state={m.state} data-version={m.version}>
      <RecordHead
        back={`/meetings?body=${m.bodyKind}&month=${m.meetingDate.slice(0, 7)}`}
        backLabel={tr('Lịch họp', 'Meeting calendar')}
        badges={
          <>
            <MeetingStateBadge state={m.state} size="lg" />
            <Badge variant="light">{kindLabel(m.kind, l)}</Badge>
            <Badge variant="outline" color="gray">
              {formatLabel(m.format, l)}
            </Badge>
            {m.provinceWide && <Badge color="grape">{tr('Hội nghị toàn tỉnh', 'Province-wide')}</Badge>}
            <ConfidentialityBadge level={m.confidentiality} />
          </>
        }
        title={m.title}
        titleTestid="meeting-title"
      >
        <Text data-testid="meeting-body">{m.bodyName}</Text>
        <Text size="sm" data-testid="meeting-when">
          {WEEKDAYS_LONG[l][weekdayIndex(m.meetingDate)]}, {fmt(m.meetingDate)}
          {m.startsAt ? ` · ${tr('lúc', 'at')} ${m.startsAt}` : ''}
          {m.location ? ` · ${m.location}` : ''}
        </Text>
        {m.kind === 'written_consultation' && m.consultationDeadline && (
          <Text size="sm">
            {tr('Hạn trả lời', 'Replies due')}: {fmt(m.consultationDeadline)}
          </Text>
        )}
        {(m.chair || m.secretaryName) && (
          <Text size="sm" c="dimmed" data-testid="meeting-chair">
            {[
              m.chair && `${tr('Chủ trì', 'Chair')}: ${m.chair.fullName}`,
              m.secretaryName && `${tr('Thư ký', 'Secretary')}: ${m.secretaryName}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Text size="sm" c="dimmed" data-testid="meeting-regulation">
          {m.regulation ? (
            <>
              {tr('Theo quy chế làm việc', 'Under the working regulation')}:{' '}
              <Anchor component={Link} to={`/regulations/${m.regulation.regulationId}`} size="sm">
                {versionLabelVi(m.regulation.expression)}
              </Anchor>
            </>
          ) : (
            tr(
              'Không có quy chế làm việc có hiệu lực vào ngày họp',
              'No working regulation in force on the meeting date',
            )
          )}
        </Text>
        {m.state === 'cancelled' && m.cancelReason && (
          <Alert color="red" title={tr('Hội nghị đã hủy', 'Meeting cancelled')} data-testid="cancel-reason">
            {m.cancelReason}
          </Alert>
        )}
        {!m.can.write && (
          <Text size="xs" c="dimmed" data-testid="read-only">
            {tr(
              'Tài khoản của bạn chỉ được xem hội nghị này, không ghi, sửa.',
              'Your account may view this meeting but not record or change it.',
            )}
          </Text>
        )}
        {!connected && ['convened', 'documents_sent', 'in_session'].includes(m.state) && (
          <Text size="xs" c="dimmed" data-testid="live-offline">
            {tr('Đang kết nối cập nhật trực tiếp…', 'Connecting to live updates…')}
          </Text>
        )}
      </RecordHead>
      <StepsPanel {...props} />
      <RescheduleSection {...props} />
      <ChecksPanel m={m} />
      <AttendanceSection {...props} />
      <ChairSection {...props} />
      <AgendaSection {...props} />
      <DocumentsSection {...props} />
      <MinutesSection {...props} />
      {m.bodyKind === 'CHI_BO' && <MeetingScoreSection meetingId={m.id} />}
      <ConclusionSection {...props} />
      <MeetingDetailsForm {...props} />
    </Stack>
  );
}

interface StepValues extends Record<string, unknown> {
  convenedBy: string;
  conveningRef: string;
  /** The date of opening, closing or approving the minutes; `sentOn` that of sending the documents. */
  on: string;
  sentOn: string;
  /** Why the meeting is cancelled; `earlyReason` why it is opened or closed before its date. */
  reason: string;
  earlyReason: string;
}
type StepBody =
  | z.input<typeof ConveneMeetingSchema>
  | z.input<typeof SendDocumentsSchema>
  | z.input<typeof MeetingStepSchema>
  | z.input<typeof CancelMeetingSchema>;
/** Each step's route under /meetings/:id and the schema it parses with. */
const STEP_PATHS: Record<string, string> = {
  convened: 'convene',
  documents_sent: 'documents-sent',
  in_session: 'open',
  closed: 'close',
  minutes_approved: 'minutes/approve',
  cancelled: 'cancel',
};
const stepSchema = (step: string | null): z.ZodType<unknown, StepBody> =>
  step === 'convened'
    ? ConveneMeetingSchema
    : step === 'documents_sent'
      ? SendDocumentsSchema
      : step === 'cancelled'
        ? CancelMeetingSchema
        : MeetingStepSchema;

/** The life cycle with the current state, and a button (with its small form) for each step allowed now. */
function StepsPanel({ m, onMeeting, reload }: SectionProps) {
  const [l, tr] = useTr();
  const [active, setActive] = useState<string | null>(null);
  const a = useAction((x) => {
    onMeeting(x);
    setActive(null);
  }, reload);
  const today = todayInVietnam();
  const current = LIFE_CYCLE.indexOf(m.state as (typeof LIFE_CYCLE)[number]);
  const stepClass = (s: string, i: number) =>
    m.state === s
      ? ' qc-current'
      : current > i
        ? s === 'documents_sent' && !m.documentsSentOn
          ? ' qc-skipped'
          : ' qc-done'
        : '';
  const conveningName = m.regulation?.bodies.find((b) => b.code === m.regulation?.conveningBody)?.name;
  // Opening or closing before the meeting's date needs a written reason (kept in the audit).
  const early_ =
    (active === 'in_session' || active === 'closed') && m.kind !== 'written_consultation' && today < m.meetingDate;
  const defaultOn = (step: string) => {
    if (step === 'documents_sent') return earlierIso(today, m.meetingDate);
    if (step === 'in_session' || step === 'closed')
      return m.kind === 'written_consultation' ? maxDate(m.openedOn ?? m.meetingDate, today) : m.meetingDate;
    if (step === 'minutes_approved') return maxDate(m.closedOn ?? m.meetingDate, today);
    return today;
  };
  // One form for the step open, checked against that step's schema.
  const form = useSchemaForm<StepValues, z.ZodType<unknown, StepBody>>(
    stepSchema(active),
    {
      convenedBy: m.regulation?.conveningBody ?? '',
      conveningRef: '',
      on: '',
      sentOn: '',
      reason: '',
      earlyReason: '',
    },
    (v): StepBody => {
      const version = m.version;
      if (active === 'convened')
        return { version, convenedBy: v.convenedBy || null, conveningRef: blankAs(v.conveningRef, null) };
      if (active === 'documents_sent') return { version, sentOn: v.sentOn };
      if (active === 'cancelled') return { version, reason: v.reason.trim() };
      return { version, ...(v.on ? { on: v.on } : {}), ...(early_ ? { earlyReason: v.earlyReason.trim() } : {}) };
    },
  );
  const open = (s: string) => {
    a.setError(null);
    setActive(active === s ? null : s);
    form.setValues({ on: defaultOn(s), sentOn: defaultOn(s), reason: '', earlyReason: '' });
    if (s === 'convened') form.setFieldValue('convenedBy', m.regulation?.conveningBody ?? '');
    form.clearErrors();
  };
  const submit = form.submitBody(
    (body) => active && void a.run(() => api('POST', `/meetings/${m.id}/${STEP_PATHS[active]}`, body)),
  );
  const dateLabel: Record<string, string> = {
    documents_sent: tr('Ngày gửi tài liệu', 'Sent on'),
    in_session: tr('Ngày khai mạc', 'Opened on'),
    closed: tr('Ngày bế mạc', 'Closed on'),
    minutes_approved: tr('Ngày thông qua', 'Approved on'),
  };
  return (
    <TitledCard title={tr('Các bước', 'Steps')} testid="steps">
      <div className="qc-steps" data-testid="steps-bar">
        {LIFE_CYCLE.map((s, i) => (
          <Fragment key={s}>
            {i > 0 && <span className="qc-step-arrow">›</span>}
            <span
              className={`qc-step${stepClass(s, i)}`}
              data-testid="step-chip"
              data-state={s}
              data-current={m.state === s ? 'true' : undefined}
            >
              {stateLabel(s, l)}
            </span>
          </Fragment>
        ))}
        {m.state === 'cancelled' && (
          <>
            <span className="qc-step-arrow">›</span>
            <span className="qc-step qc-current" data-testid="step-chip" data-state="cancelled" data-current="true">
              {stateLabel('cancelled', l)}
            </span>
          </>
        )}
      </div>
      {m.can.write && m.allowedSteps.length > 0 && (
        <Group gap="xs" mt="sm" wrap="wrap">
          {m.allowedSteps.map((s) => (
            <StepButton
              key={s}
              label={labelOf(STEP_LABELS, s, l)}
              open={active === s}
              tone={s === 'cancelled' ? 'end' : undefined}
              onClick={() => open(s)}
              testid={`step-${s}`}
            />
          ))}
        </Group>
      )}
      {m.can.write && active && (
        <StepForm
          step={active}
          testid="step-form"
          submitLabel={labelOf(STEP_LABELS, active, l)}
          submitTestid="step-submit"
          onSubmit={() => submit()}
          busy={a.busy}
          ends={active === 'cancelled'}
          onCancel={() => setActive(null)}
        >
          {active === 'convened' && (
            <>
              <NativeSelect
                label={tr('Cơ quan quyết định triệu tập', 'Convened by')}
                {...form.getInputProps('convenedBy')}
                data={[
                  { value: '', label: tr('(không có quyết định triệu tập)', '(no convening decision)') },
                  ...(m.regulation?.bodies ?? []).map((b) => ({ value: b.code, label: b.name })),
                ]}
                data-testid="convene-body"
                description={
                  m.regulation?.conveningBody
                    ? `${tr('Theo quy chế', 'Per the regulation')}: ${conveningName ?? m.regulation.conveningBody}`
                    : undefined
                }
              />
              <FormText
                form={form}
                path="conveningRef"
                testid="convene-ref"
                placeholder={tr('Ví dụ: Giấy triệu tập số …', 'e.g. Notice no. …')}
                maxLength={200}
              >
                {tr('Văn bản triệu tập', 'Convening reference')}
              </FormText>
            </>
          )}
          {dateLabel[active] && (
            <DateField
              label={dateLabel[active]!}
              {...form.valueProps(active === 'documents_sent' ? 'sentOn' : 'on')}
              testid="step-date"
              required={active === 'documents_sent'}
            />
          )}
          {active === 'cancelled' && (
            <ReasonField form={form} path="reason" label={tr('Lý do hủy', 'Reason')} testid="cancel-reason-input" />
          )}
          {early_ && (
            <ReasonField
              form={form}
              path="earlyReason"
              label={tr(
                `Lý do ghi nhận trước ngày họp (${fmt(m.meetingDate)})`,
                `Why before the meeting's date (${fmt(m.meetingDate)})`,
              )}
              description={tr(
                'Hôm nay chưa tới ngày họp: chỉ ghi nhận trước khi có lý do, lý do được lưu vào nhật ký.',
                'The meeting is later: a reason is required and kept in the audit.',
              )}
              testid="early-reason"
            />
          )}
        </StepForm>
      )}
      <FormProblem errors={form.errors} testid="step-problem" />
      <WriteError error={a.error} testid="step-error" onClose={() => a.setError(null)} />
    </TitledCard>
  );
}

function ChecksPanel({ m }: { m: Meeting }) {
  const [, tr] = useTr();
  return (
    <TitledCard title={tr('Kiểm tra theo quy chế', 'Checks under the regulation')} testid="checks">
      <Stack gap="xs">
        <CheckLine
          check={m.checks.convening}
          label={tr('Thẩm quyền triệu tập', 'Convening body')}
          testid="check-convening"
        />
        <CheckLine
          check={m.checks.notice}
          label={tr('Thời hạn gửi tài liệu', 'Documents notice')}
          testid="check-notice"
        />
        <CheckLine
          check={m.checks.quorum}
          label={tr('Điều kiện hợp lệ', 'Quorum')}
          testid="check-quorum"
          none={tr('Chưa điểm danh', 'Not taken')}
        />
        <CheckLine
          check={m.checks.conclusionDeadline}
          label={tr('Hạn thông báo kết luận', 'Conclusion notice deadline')}
          testid="check-conclusion-deadline"
        />
      </Stack>
    </TitledCard>
  );
}

/** Title, time, place and format, while the meeting has not ended. */
function MeetingDetailsForm({ m, onMeeting, reload }: SectionProps) {
  const [_l, tr] = useTr();
  const [open, setOpen] = useState(false);
  const details = () => ({
    title: m.title,
    startsAt: m.startsAt ?? '',
    location: m.location ?? '',
    format: m.format,
    provinceWide: m.provinceWide,
  });
  const form = useSchemaForm(UpdateMeetingSchema, details(), (v) => ({
    version: m.version,
    title: v.title.trim(),
    startsAt: v.startsAt || null,
    location: blankAs(v.location, null),
    format: v.format as MeetingFormat,
    provinceWide: v.provinceWide,
  }));
  const a = useAction((x) => {
    onMeeting(x);
    setOpen(false);
  }, reload);
  if (!m.can.write || ['closed', 'minutes_approved', 'cancelled'].includes(m.state)) return null;
  const start = () => {
    a.setError(null);
    form.setValues(details());
    form.clearErrors();
    setOpen(true);
  };
  const submit = form.submitBody((body) => void a.run(() => api('PATCH', `/meetings/${m.id}`, body)));
  return (
    <EditableCard
      title={tr('Thông tin hội nghị', 'Meeting details')}
      edit={{ shown: !open, label: tr('Sửa thông tin', 'Edit'), onClick: start, testid: 'details-edit' }}
    >
      {open && (
        <form onSubmit={submit} noValidate data-testid="details-form">
          <Stack gap="xs" mt="xs">
            <FormText form={form} path="title" testid="details-title" required maxLength={500}>
              {tr('Tên cuộc họp', 'Title')}
            </FormText>
            <Group align="end" wrap="wrap">
              <TimePlaceFields form={form} prefix="details" />
              <FormatField form={form} prefix="details" />
            </Group>
            <ProvinceWideField form={form} prefix="details" />
            <FormEnd name="details" form={form} write={a} onCancel={() => setOpen(false)} submitTestid="details-save">
              {tr('Lưu', 'Save')}
            </FormEnd>
          </Stack>
        </form>
      )}
    </EditableCard>
  );
}
