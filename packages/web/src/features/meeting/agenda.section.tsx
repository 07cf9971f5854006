import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { GetInputPropsReturnType } from '@mantine/form';
import {
  CastVoteSchema,
  CreateAgendaItemSchema,
  ReservedOpinionSchema,
  todayInVietnam,
  WrittenResponseSchema,
} from '@quyche/core';
import { api } from '../../app/api';
import { fmt, maxDate } from '../../app/ui/dates';
import type { SectionProps } from './meeting.types';
import { fmtNumber, useAction, VOTE_METHOD_LABELS } from './meeting.parts';
import { ConfidentialityBadge, confidentialityLabel } from '../../app/ui/confidentiality-badge';
import { FormDate } from '../../app/ui/date-field';
import { WriteError } from '../../app/ui/write-error';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { FormEnd, RowForm } from '../../app/ui/shared-form-end';
import { SectionCard } from '../../app/ui/shared-section-card';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import type { Meeting } from './meeting.parts';
import type { Lang } from '../../app/ui/i18n';
import type { z } from 'zod';
import { MemberSelect } from './member-select';

type Item = Meeting['agenda'][number];
type Vote = z.input<typeof CastVoteSchema>;
type WrittenChoice = z.input<typeof WrittenResponseSchema>['answers'][number]['choice'];
const VOTE_METHODS = ['show_of_hands', 'secret_ballot', 'written'] as const;

/**
 * Names of the matters' attributes the regulation asks about (codes of the regulation, named for people), with their
 * unit.
 */
const ATTRIBUTE_LABELS: Record<string, { vi: string; en: string; unit?: { vi: string; en: string } }> = {
  tong_muc_dau_tu_ty_dong: {
    vi: 'Tổng mức đầu tư',
    en: 'Total investment',
    unit: { vi: 'tỷ đồng', en: 'billion VND' },
  },
};
const attributeInputLabel = (k: string, l: Lang) => {
  const a = ATTRIBUTE_LABELS[k];
  return a ? `${a[l]}${a.unit ? ` (${a.unit[l]})` : ''}` : null;
};
/** "Tổng mức đầu tư: 1.200 tỷ đồng"; an attribute the page has no name for is shown by its code. */
export function attributeText(k: string, v: number | string | boolean, l: Lang) {
  const a = ATTRIBUTE_LABELS[k];
  const value =
    typeof v === 'number'
      ? fmtNumber(v, l)
      : typeof v === 'boolean'
        ? v
          ? l === 'vi'
            ? 'có'
            : 'yes'
          : l === 'vi'
            ? 'không'
            : 'no'
        : v;
  return `${a ? a[l] : k}: ${value}${a?.unit && typeof v === 'number' ? ` ${a.unit[l]}` : ''}`;
}

/** The agenda: each item with its matter and the competence check, votes and their results, reserved opinions. */
export function AgendaSection(props: SectionProps) {
  const { m } = props;
  const [, tr] = useTr();
  const canAdd = m.can.write && !['closed', 'minutes_approved', 'cancelled'].includes(m.state);
  return (
    <SectionCard
      title={`${tr('Chương trình hội nghị', 'Agenda')} (${m.agenda.length})`}
      testid="agenda"
      empty={m.agenda.length === 0 && tr('Chưa có nội dung', 'No items yet')}
    >
      {m.agenda.map((it) => (
        <AgendaItemCard key={it.id} it={it} {...props} />
      ))}
      {m.can.write && m.kind === 'written_consultation' && m.state === 'in_session' && m.agenda.length > 0 && (
        <WrittenResponseForm {...props} />
      )}
      {canAdd && <AddItemForm {...props} />}
    </SectionCard>
  );
}

/** "Ủy viên": the member (required) a reserved opinion or a written reply is from. */
function MemberField({
  m,
  field,
  testid,
  w,
}: {
  m: Meeting;
  field: GetInputPropsReturnType;
  testid: string;
  w: number;
}) {
  const [, tr] = useTr();
  return (
    <MemberSelect
      meeting={m}
      none={['(chọn ủy viên)', '(choose)']}
      label={tr('Ủy viên', 'Member')}
      {...field}
      required
      testid={testid}
      w={w}
    />
  );
}

/** A small coloured label of an agenda item: its matter (blue), an attribute of the matter (teal). */
function ItemTag({
  color,
  testid,
  dataKey,
  children,
}: {
  color: string;
  testid: string;
  dataKey?: string;
  children: ReactNode;
}) {
  return (
    <Text
      size="xs"
      fw={600}
      c={`${color}.9`}
      bg={`${color}.0`}
      px={6}
      py={2}
      style={{ borderRadius: 4 }}
      data-testid={testid}
      data-key={dataKey}
    >
      {children}
    </Text>
  );
}

function AgendaItemCard({ it, m, onMeeting, reload }: SectionProps & { it: Item }) {
  const [l, tr] = useTr();
  const topic = m.regulation?.topics.find((x) => x.code === it.topic)?.name ?? it.topic;
  const canVote = m.can.write && m.state === 'in_session' && m.kind !== 'written_consultation';
  const attributes = Object.entries(it.attributes ?? {});
  return (
    <Card withBorder p="sm" data-testid="agenda-item" data-matter={it.matter ?? ''}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="start">
          <Badge variant="filled" color="gray" circle>
            {it.position}
          </Badge>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {it.title}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          {it.matterName && (
            <ItemTag color="blue" testid="item-matter">
              {it.matterName}
            </ItemTag>
          )}
          {attributes.map(([k, v]) => (
            <ItemTag key={k} color="teal" testid="item-attribute" dataKey={k}>
              {attributeText(k, v, l)}
            </ItemTag>
          ))}
          {topic && (
            <Badge variant="outline" color="grape">
              {topic}
            </Badge>
          )}
          <ConfidentialityBadge level={it.confidentiality} />
          {it.reportsBack && (
            <Badge variant="light" color="teal" tt="none" data-testid="item-reports-back-badge">
              {tr('Báo cáo lại việc đã quyết định', 'Report back')}
            </Badge>
          )}
          {it.presentingUnit && (
            <Text size="xs" c="dimmed">
              {tr('Cơ quan trình', 'Presented by')}: {it.presentingUnit}
            </Text>
          )}
        </Group>
        {it.competence &&
          (it.competence.ok ? (
            <Text size="xs" c="green.8" data-testid="competence-ok">
              {it.competence.reason_vi}
            </Text>
          ) : (
            <Alert
              color="orange"
              p="xs"
              title={tr('Cảnh báo thẩm quyền', 'Competence warning')}
              data-testid="competence-warning"
            >
              <Text size="sm">{it.competence.reason_vi}</Text>
            </Alert>
          ))}
        {it.votes.map((v) => (
          <Group key={v.id} gap="xs" wrap="wrap" align="start" data-testid="vote-result" data-passed={String(v.passed)}>
            <Badge color={v.passed ? 'green' : 'red'}>
              {v.passed ? tr('Được thông qua', 'Passed') : tr('Không được thông qua', 'Not passed')}
            </Badge>
            <Text size="sm" style={{ flex: 1, minWidth: 200, overflowWrap: 'anywhere' }}>
              {labelOf(VOTE_METHOD_LABELS, v.method, l)}: {tr('đồng ý', 'yes')} {v.yes}, {tr('không đồng ý', 'no')}{' '}
              {v.no}, {tr('không biểu quyết', 'abstain')} {v.abstain} (
              {v.method === 'written' ? tr('đã trả lời', 'replied') : tr('có mặt', 'present')} {v.present}/
              {v.totalMembers}). {v.reason_vi}
            </Text>
          </Group>
        ))}
        {it.writtenTally && (
          <Text size="sm" data-testid="written-tally">
            {tr('Phiếu lấy ý kiến', 'Written replies')}: {tr('đồng ý', 'agree')} {it.writtenTally.agree},{' '}
            {tr('không đồng ý', 'disagree')} {it.writtenTally.disagree}, {tr('không biểu quyết', 'abstain')}{' '}
            {it.writtenTally.abstain} · {tr('đã trả lời', 'replied')} {it.writtenTally.replied}
          </Text>
        )}
        {canVote && <VoteForm it={it} m={m} onMeeting={onMeeting} reload={reload} />}
        {it.reservedOpinions && <ReservedOpinions it={it} m={m} onMeeting={onMeeting} reload={reload} />}
      </Stack>
    </Card>
  );
}

/** The three counts of a vote: field, label, width. */
const VOTE_COUNTS = [
  ['yes', 'Đồng ý', 'Yes', 130],
  ['no', 'Không đồng ý', 'No', 130],
  ['abstain', 'Không biểu quyết', 'Abstain', 150],
] as const;

function VoteForm({ it, m, onMeeting, reload }: SectionProps & { it: Item }) {
  const [l, tr] = useTr();
  const n = (x: number | string) => (typeof x === 'number' ? x : Number(x) || 0);
  const form = useSchemaForm(
    CastVoteSchema,
    {
      method: (it.topic ? 'secret_ballot' : 'show_of_hands') as string,
      yes: 0 as number | string,
      no: 0 as number | string,
      abstain: 0 as number | string,
    },
    (v) => ({ method: v.method as Vote['method'], yes: n(v.yes), no: n(v.no), abstain: n(v.abstain) }),
  );
  const a = useAction(onMeeting, reload);
  const submit = form.submitBody(
    (body) => void a.run(() => api('POST', `/meetings/${m.id}/agenda/${it.id}/votes`, body)),
  );
  return (
    <RowForm
      name="vote"
      onSubmit={submit}
      form={form}
      write={a}
      submit={tr('Ghi kết quả biểu quyết', 'Record the vote')}
    >
      <NativeSelect
        label={tr('Hình thức biểu quyết', 'Method')}
        {...form.getInputProps('method')}
        data={VOTE_METHODS.map((k) => ({ value: k, label: labelOf(VOTE_METHOD_LABELS, k, l) }))}
        data-testid="vote-method"
        w={170}
      />
      {VOTE_COUNTS.map(([k, vi, en, w]) => (
        <NumberInput key={k} label={tr(vi, en)} {...form.getInputProps(k)} min={0} w={w} data-testid={`vote-${k}`} />
      ))}
    </RowForm>
  );
}

function ReservedOpinions({ it, m, onMeeting, reload }: SectionProps & { it: Item }) {
  const [, tr] = useTr();
  const form = useSchemaForm(ReservedOpinionSchema, { personId: '', text: '' }, (v) => ({
    personId: v.personId,
    text: v.text.trim(),
  }));
  const [open, setOpen] = useState(false);
  const a = useAction((x) => {
    onMeeting(x);
    form.setFieldValue('text', '');
    setOpen(false);
  }, reload);
  const submit = form.submitBody(
    (body) => void a.run(() => api('POST', `/meetings/${m.id}/agenda/${it.id}/reserved-opinions`, body)),
  );
  const members = m.attendance.filter((x) => x.role === 'member' && x.personId);
  const list = it.reservedOpinions ?? [];
  const canAdd = m.can.write && ['in_session', 'closed'].includes(m.state) && members.length > 0;
  return (
    <Stack gap={4} data-testid="reserved-opinions">
      <Text size="sm" fw={600}>
        {tr('Ý kiến bảo lưu', 'Reserved opinions')} ({list.length})
      </Text>
      {list.map((o) => (
        <Text key={o.id} size="sm" data-testid="reserved-opinion">
          <b>{o.fullName}:</b> {o.text}
        </Text>
      ))}
      {canAdd && !open && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              form.clearErrors();
              setOpen(true);
            }}
            data-testid="opinion-open"
          >
            + {tr('Ghi ý kiến bảo lưu', 'Record a reserved opinion')}
          </Button>
        </Group>
      )}
      {canAdd && open && (
        <form onSubmit={submit} noValidate data-testid="opinion-form">
          <Group align="end" gap="xs" wrap="wrap">
            <MemberField m={m} field={form.getInputProps('personId')} testid="opinion-person" w={200} />
            <Textarea
              label={tr('Nội dung bảo lưu', 'Opinion')}
              {...form.getInputProps('text')}
              required
              autosize
              minRows={1}
              w={300}
              maw="100%"
              data-testid="opinion-text"
            />
            <Button type="submit" variant="light" size="sm" loading={a.busy} data-testid="opinion-submit">
              {tr('Ghi ý kiến bảo lưu', 'Record')}
            </Button>
          </Group>
        </form>
      )}
      <WriteError error={a.error} testid="opinion-error" />
    </Stack>
  );
}

/** A new agenda item: its matter (from the regulation) and the matter's attributes decide who is competent. */
function AddItemForm({ m, onMeeting, reload }: SectionProps) {
  const [l, tr] = useTr();
  const matters = m.regulation?.matters ?? [];
  const attributesOf = (matter: string) => matters.find((x) => x.code === matter)?.attributes ?? [];
  const form = useSchemaForm(
    CreateAgendaItemSchema,
    {
      title: '',
      matter: '',
      topic: '',
      presentingUnit: '',
      confidentiality: '0',
      reportsBack: false,
      attributes: {} as Record<string, number | string>,
    },
    (v) => {
      const attributes = attributesOf(v.matter);
      const attributesIn: Record<string, number> = {};
      for (const k of attributes)
        if (v.attributes[k] !== undefined && v.attributes[k] !== '') attributesIn[k] = Number(v.attributes[k]);
      return {
        title: v.title.trim(),
        matter: v.matter || null,
        ...(attributes.length ? { attributes: attributesIn } : {}),
        topic: v.topic || null,
        presentingUnit: blankAs(v.presentingUnit, null),
        confidentiality: Number(v.confidentiality),
        ...(v.reportsBack ? { reportsBack: true } : {}),
      };
    },
  );
  const a = useAction((x) => {
    onMeeting(x);
    form.setValues({ title: '', matter: '', topic: '', presentingUnit: '', reportsBack: false, attributes: {} });
  }, reload);
  const attributes = attributesOf(form.values.matter);
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/agenda`, body)));
  return (
    <Card withBorder p="sm" bg="gray.0">
      <form onSubmit={submit} noValidate data-testid="item-form">
        <Stack gap="xs">
          <Text fw={600}>{tr('Thêm nội dung vào chương trình', 'Add an agenda item')}</Text>
          <FormText form={form} path="title" testid="item-title" required>
            {tr('Nội dung', 'Title')}
          </FormText>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <NativeSelect
              label={tr('Loại việc (theo quy chế)', 'Matter (per the regulation)')}
              {...form.getInputProps('matter')}
              data={[
                { value: '', label: tr('(không thuộc loại việc nào)', '(none)') },
                ...matters.map((x) => ({ value: x.code, label: x.name })),
              ]}
              data-testid="item-matter-select"
            />
            <NativeSelect
              label={tr('Lĩnh vực', 'Topic')}
              {...form.getInputProps('topic')}
              data={[
                { value: '', label: tr('(không)', '(none)') },
                ...(m.regulation?.topics ?? []).map((x) => ({ value: x.code, label: x.name })),
              ]}
              data-testid="item-topic"
            />
            <FormText form={form} path="presentingUnit" testid="item-unit">
              {tr('Cơ quan trình', 'Presented by')}
            </FormText>
            <NativeSelect
              label={tr('Độ mật', 'Confidentiality')}
              {...form.getInputProps('confidentiality')}
              data={[0, 1, 2, 3].map((n) => ({ value: String(n), label: confidentialityLabel(n, l) }))}
              data-testid="item-confidentiality"
            />
            {attributes.map((k) => (
              <NumberInput
                key={k}
                label={attributeInputLabel(k, l) ?? <Code>{k}</Code>}
                {...form.getInputProps(`attributes.${k}`)}
                value={form.values.attributes[k] ?? ''}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                data-testid={`item-attr-${k}`}
              />
            ))}
          </SimpleGrid>
          <Checkbox
            label={tr(
              'Nội dung báo cáo lại việc đã quyết định giữa hai kỳ họp (Thường trực báo cáo Ban Thường vụ theo quy ' +
                'chế)',
              'Reports back on what was decided since the last session',
            )}
            {...form.getInputProps('reportsBack', { type: 'checkbox' })}
            data-testid="item-reports-back"
          />
          <FormEnd name="item" form={form} write={a} variant="light">
            {tr('Thêm nội dung', 'Add item')}
          </FormEnd>
        </Stack>
      </form>
    </Card>
  );
}

/** A member's reply to a written consultation: one choice per item, received on a date. */
function WrittenResponseForm({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const form = useSchemaForm(
    WrittenResponseSchema,
    { personId: '', receivedOn: maxDate(todayInVietnam(), m.meetingDate), choices: {} as Record<string, string> },
    (v) => ({
      personId: v.personId,
      receivedOn: v.receivedOn,
      answers: m.agenda.map((it) => ({ itemId: it.id, choice: (v.choices[it.id] ?? 'agree') as WrittenChoice })),
    }),
  );
  const a = useAction((x) => {
    onMeeting(x);
    form.setValues({ personId: '', choices: {} });
  }, reload);
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/written-responses`, body)));
  const choiceLabels = [
    { value: 'agree', label: tr('Đồng ý', 'Agree') },
    { value: 'disagree', label: tr('Không đồng ý', 'Disagree') },
    { value: 'abstain', label: tr('Không biểu quyết', 'Abstain') },
  ];
  return (
    <Card withBorder p="sm" data-testid="written-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text fw={600}>{tr('Ghi phiếu lấy ý kiến', 'Record a written reply')}</Text>
          {m.consultationDeadline && (
            <Text size="xs" c="dimmed">
              {tr('Hạn trả lời', 'Replies due')}: {fmt(m.consultationDeadline)}
            </Text>
          )}
          <Group align="end" gap="xs" wrap="wrap">
            <MemberField m={m} field={form.getInputProps('personId')} testid="written-person" w={220} />
            <FormDate form={form} path="receivedOn" testid="written-date" required>
              {tr('Ngày nhận phiếu', 'Received on')}
            </FormDate>
          </Group>
          {m.agenda.map((it) => (
            <NativeSelect
              key={it.id}
              label={`${it.position}. ${it.title}`}
              value={form.values.choices[it.id] ?? 'agree'}
              onChange={(e) => form.setFieldValue(`choices.${it.id}`, e.currentTarget.value)}
              data={choiceLabels}
              data-testid="written-choice"
            />
          ))}
          <FormEnd name="written" form={form} write={a} variant="light">
            {tr('Ghi phiếu', 'Record')}
          </FormEnd>
        </Stack>
      </form>
    </Card>
  );
}
