import { Alert, Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  AdoptConsultationSchema,
  addDays,
  SubmitConsultationSchema,
  todayInVietnam,
  versionLabelVi,
} from '@quyche/core';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { Link } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { FormEnd } from '../../app/ui/shared-form-end';
import { FormCard, SectionCard } from '../../app/ui/shared-section-card';
import { useTr } from '../../app/ui/i18n';
import type { MeetingListItem } from '../../app/types';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import type { SectionProps } from './consultation-comments';
import type { Consultation, ImpactLine } from './consultation.parts';
import { MeetingSelect } from '../../app/ui/meeting-select';

/** Meetings that can still take an item on their agenda. */
const UPCOMING = ['planned', 'convened', 'documents_sent', 'in_session'];

/**
 * "Trình hội nghị": a meeting of the consulting organization not yet closed. The regulation in force names the body
 * that adopts a working regulation; the server refuses another body's meeting, citing the clause.
 */
export function SubmitForm({ c, onConsultation, reload }: SectionProps) {
  const [, tr] = useTr();
  const today = todayInVietnam();
  const { data, loading } = useApi<MeetingListItem[]>(
    `/meetings?orgId=${encodeURIComponent(c.orgId)}&from=${c.sentOn}&to=${addDays(today, 366)}`,
  );
  const upcoming = (data ?? [])
    .filter((m) => UPCOMING.includes(m.state))
    .sort((a, b) =>
      a.meetingDate === b.meetingDate ? a.title.localeCompare(b.title) : a.meetingDate < b.meetingDate ? -1 : 1,
    );
  const form = useSchemaForm(SubmitConsultationSchema, { meetingId: '' }, (v) => ({
    version: c.version,
    meetingId: blankAs(v.meetingId, undefined) as string,
  }));
  const a = useRun<Consultation>(onConsultation);
  const submit = form.submitBody((body) => {
    void a.run(() => api<Consultation>('POST', `/consultations/${c.id}/submit`, body)).then((ok) => ok || reload());
  });
  const meeting = form.valueProps('meetingId');
  return (
    <FormCard
      title={tr('Trình hội nghị xem xét, thông qua', 'Submit to a meeting for adoption')}
      onSubmit={submit}
      testid="submit-form"
      gap="xs"
    >
      <Text size="sm" c="dimmed">
        {c.kind === 'document'
          ? tr(
              'Cơ quan có thẩm quyền quyết định nội dung này do quy chế làm việc đang có hiệu lực quy định; ' +
                'máy chủ kiểm tra khi trình và thêm nội dung vào chương trình hội nghị.',
              'The body that decides this matter is named by the working regulation in force; the server ' +
                'checks it and puts the item on the meeting’s agenda.',
            )
          : tr(
              'Cơ quan có thẩm quyền thông qua quy chế làm việc do quy chế đang có hiệu lực quy định; máy chủ ' +
                'kiểm tra khi trình và thêm nội dung vào chương trình hội nghị.',
              'The body that adopts a working regulation is named by the regulation in force; the server ' +
                'checks it and puts the item on the meeting’s agenda.',
            )}
      </Text>
      {c.adoptingBody && (
        <Text size="sm" data-testid="submit-competent" data-code={c.adoptingBody.code}>
          {tr('Cơ quan thông qua', 'Adopting body')}: <b>{c.adoptingBody.name}</b> — {c.adoptingBody.reason_vi}
        </Text>
      )}
      {loading && !data && <Loading />}
      {data && upcoming.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="submit-no-meeting">
          {tr(
            'Chưa có hội nghị nào sắp họp: dự kiến hội nghị tại Lịch họp.',
            'No upcoming meeting: plan one in the meeting calendar.',
          )}{' '}
          <Anchor component={Link} to="/meetings" size="sm">
            {tr('Lịch họp', 'Meeting calendar')}
          </Anchor>
        </Text>
      )}
      {upcoming.length > 0 && (
        <MeetingSelect
          label={tr('Hội nghị', 'Meeting')}
          meetings={upcoming}
          value={meeting.value}
          onChange={(id) => {
            meeting.onChange(id);
            a.setError(null);
          }}
          none={tr('(chọn hội nghị)', '(choose a meeting)')}
          withState
          byBody
          testid="submit-meeting"
        />
      )}
      {meeting.error && (
        <Text size="sm" c="red" data-testid="submit-meeting-error">
          {meeting.error}
        </Text>
      )}
      <FormEnd name="submit" form={form} write={a} closable>
        {tr('Trình hội nghị', 'Submit')}
      </FormEnd>
    </FormCard>
  );
}

/**
 * Submitted: the meeting, the competence check and the vote; "Ghi nhận thông qua"; once adopted, the date in force and
 * the impact below.
 */
export function AdoptionSection({ c, onConsultation, reload }: SectionProps) {
  const [, tr] = useTr();
  const [impact, setImpact] = useState<ImpactLine[] | null>(null);
  const form = useSchemaForm(AdoptConsultationSchema, { inForceFrom: '' }, (v) => ({
    version: c.version,
    ...(v.inForceFrom ? { inForceFrom: v.inForceFrom } : {}),
  }));
  const a = useRun<Consultation & { impact: ImpactLine[] }>((x) => {
    setImpact(x.impact);
    onConsultation(x);
  });
  const adopt = form.submitBody((body) => {
    void a
      .run(() => api<Consultation & { impact: ImpactLine[] }>('POST', `/consultations/${c.id}/adopt`, body))
      .then((ok) => ok || reload());
  });
  return (
    <SectionCard title={tr('Trình và thông qua', 'Submission and adoption')} testid="adoption" gap="xs">
      {c.meetingId && (
        <Text size="sm">
          {tr('Đã trình tại', 'Submitted to')}{' '}
          <Anchor component={Link} to={`/meetings/${c.meetingId}`} size="sm" data-testid="adoption-meeting-link">
            {c.meetingTitle}
          </Anchor>
        </Text>
      )}
      {c.competence && (
        <Text
          size="sm"
          c={c.competence.ok ? 'green.9' : 'red.8'}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="adoption-competence"
          data-ok={String(c.competence.ok)}
        >
          <b>{tr('Thẩm quyền', 'Competence')}:</b> {c.competence.reason_vi}
        </Text>
      )}
      {c.vote ? (
        <Text
          size="sm"
          c={c.vote.passed ? 'green.9' : 'red.8'}
          fw={600}
          data-testid="adoption-vote"
          data-passed={String(c.vote.passed)}
          data-yes={c.vote.yes}
          style={{ overflowWrap: 'anywhere' }}
        >
          {tr(
            `Biểu quyết: ${c.vote.yes}/${c.vote.totalMembers} tán thành`,
            `Vote: ${c.vote.yes} of ${c.vote.totalMembers} in favour`,
          )}
          {c.vote.reason_vi ? ` — ${c.vote.reason_vi}` : ''}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" data-testid="adoption-no-vote">
          {tr(
            'Chưa có kết quả biểu quyết: hội nghị biểu quyết nội dung này trên trang hội nghị.',
            'No vote yet: the meeting votes on this item on the meeting’s page.',
          )}
        </Text>
      )}
      {c.state === 'submitted' && c.can.manage && (
        <form onSubmit={adopt} noValidate>
          <Stack gap="xs">
            <Group gap="xs" align="end" wrap="wrap">
              <DateField
                label={tr('Có hiệu lực từ ngày', 'In force from')}
                {...form.valueProps('inForceFrom')}
                testid="adopt-in-force"
              />
              <Button type="submit" color="green" loading={a.busy} data-testid="adopt-submit">
                {tr('Ghi nhận thông qua', 'Record the adoption')}
              </Button>
              <Button variant="subtle" onClick={reload} data-testid="adoption-reload">
                {tr('Cập nhật kết quả biểu quyết', 'Refresh the vote')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={-6}>
              {tr('Để trống: có hiệu lực từ ngày họp.', 'Empty: in force from the meeting’s date.')}
            </Text>
            <FormProblem errors={form.errors} testid="adopt-problem" />
          </Stack>
        </form>
      )}
      <WriteError error={a.error} testid="adopt-error" onClose={() => a.setError(null)} />
      {c.state === 'adopted' && <Adopted c={c} impact={impact} />}
    </SectionCard>
  );
}

function Adopted({ c, impact }: { c: Consultation; impact: ImpactLine[] | null }) {
  const [, tr] = useTr();
  // The consultation carries its adoption: the date in force and the subordinates to revise.
  const v = c.inForceFrom ? { expression: c.nextExpression ?? '', inForceFrom: c.inForceFrom } : null;
  const lines = impact ?? c.impact;
  return (
    <Stack gap="xs">
      <Alert
        color="green"
        title={tr('Đã thông qua', 'Adopted')}
        data-testid="adoption-done"
        data-in-force={v?.inForceFrom ?? ''}
      >
        <Text size="sm">
          {tr(`Thông qua ngày ${fmt(c.adoptedOn)}`, `Adopted on ${fmt(c.adoptedOn)}`)}
          {v?.inForceFrom
            ? tr(
                `; bản quy chế đã chỉnh lý (${versionLabelVi(v.expression)}) có hiệu lực từ ngày ` +
                  `${fmt(v.inForceFrom)}.`,
                `; the revised version in force from ${fmt(v.inForceFrom)}.`,
              )
            : '.'}
        </Text>
        {c.regulationId && (
          <Anchor component={Link} to={`/regulations/${c.regulationId}`} size="sm">
            {tr('Xem quy chế', 'Open the regulation')}
          </Anchor>
        )}
      </Alert>
      <Text fw={700} size="sm">
        {tr('Quy chế cấp dưới phải rà soát', 'Subordinate regulations to review')}
      </Text>
      {!lines && <Loading />}
      {lines && lines.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="impact-none">
          {tr(
            'Không có quy chế cấp dưới nào trở nên không phù hợp.',
            'No subordinate regulation becomes inconsistent.',
          )}
        </Text>
      )}
      {lines?.map((x) => (
        <Card key={x.regulationId} withBorder p="xs" data-testid="impact-line">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {x.orgName}: {x.title}
          </Text>
          <List size="xs" spacing={2}>
            {x.findings.map((f, i) => (
              <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                {f.message}
              </List.Item>
            ))}
          </List>
          {x.taskId && (
            <Anchor component={Link} to={`/tasks/${x.taskId}`} size="sm" data-testid="impact-task">
              {tr('Nhiệm vụ rà soát, sửa đổi', 'Review task')}
            </Anchor>
          )}
        </Card>
      ))}
    </Stack>
  );
}
