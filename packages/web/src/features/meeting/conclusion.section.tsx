import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { checkSixClear, describeDue, IssueConclusionSchema, parseDocumentSymbol } from '@quyche/core';
import { FormEnd } from '../../app/ui/shared-form-end';
import { SectionCard } from '../../app/ui/shared-section-card';
import { api, useApi } from '../../app/api';
import { fmt, maxDate, nextTwelveMonths } from '../../app/ui/dates';
import type { Lang } from '../../app/ui/i18n';
import { Link } from '../../app/router';
import type { SectionProps } from './meeting.types';
import { CheckLine, useAction } from './meeting.parts';
import { DateField, FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { useSchemaForm } from '../../app/ui/schema-form';
import type { Meeting } from './meeting.parts';
import type { MeetingListItem } from '../../app/types';
import type { OrgDetail } from '../../app/types';
import { MeetingSelect } from '../../app/ui/meeting-select';
import { MemberSelect } from './member-select';

type Conclusion = NonNullable<Meeting['conclusion']>;
type SixClear = Conclusion['items'][number]['sixClear'];

/**
 * The two documents a conclusion is issued as: a notice (TB), or a conclusion (KL) — the latter for a conference of the
 * BCH.
 */
export type ConclusionDocType = 'TB' | 'KL';
const DOC_TYPE_LABELS: Record<ConclusionDocType, { vi: string; en: string }> = {
  TB: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  KL: { vi: 'Kết luận', en: 'Conclusion' },
};
/** The signer's office and position, typed as the signed block of the document shows them. */
const SIGNER_FIELDS = [
  ['for', 'Thẩm quyền ký', 'Signing for'],
  ['position', 'Chức vụ người ký', 'Position'],
] as const;
const defaultDocType = (bodyKind: string): ConclusionDocType => (bodyKind === 'BCH' ? 'KL' : 'TB');
/** The type of an issued conclusion, from its symbol ("12-KL/TU"). */
const docTypeOf = (symbol: string): ConclusionDocType => (parseDocumentSymbol(symbol)?.type === 'KL' ? 'KL' : 'TB');
const docTypeLabel = (t: ConclusionDocType, l: Lang) => DOC_TYPE_LABELS[t][l];

/** The conclusion notice: issued once closed, numbered by the server; each action item checked for the 6 rõ. */
export function ConclusionSection(props: SectionProps) {
  const { m } = props;
  const [l, tr] = useTr();
  const type = m.conclusion ? docTypeOf(m.conclusion.symbol) : defaultDocType(m.bodyKind);
  return (
    <SectionCard title={docTypeLabel(type, l)} testid="conclusion">
      {m.conclusion ? (
        <IssuedConclusion m={m} c={m.conclusion} />
      ) : ['closed', 'minutes_approved'].includes(m.state) && m.can.write ? (
        <ConclusionForm {...props} />
      ) : (
        <Text size="sm" c="dimmed">
          {m.state === 'cancelled'
            ? tr('Hội nghị đã hủy.', 'The meeting was cancelled.')
            : ['closed', 'minutes_approved'].includes(m.state)
              ? tr('Chưa ban hành văn bản kết luận.', 'No conclusion issued yet.')
              : tr(
                  'Văn bản kết luận được ban hành sau khi hội nghị bế mạc.',
                  'The conclusion is issued once the meeting is closed.',
                )}
        </Text>
      )}
    </SectionCard>
  );
}

export function SixClearBadge({ six, testid = 'six-clear' }: { six: SixClear; testid?: string }) {
  const [, tr] = useTr();
  if (!six) return null;
  if (six.complete)
    return (
      <Badge color="green" data-testid={testid} data-complete="true">
        {tr('Đủ 6 rõ', '6 clear: complete')}
      </Badge>
    );
  return (
    <Stack gap={2} data-testid={testid} data-complete="false">
      <Badge color="orange">{tr('Chưa đủ 6 rõ', '6 clear: incomplete')}</Badge>
      {six.refused && (
        <Text size="xs" c="red.8">
          {six.refused.message_vi}
        </Text>
      )}
      <List size="xs">
        {six.missing.map((x, i) => (
          <List.Item key={i}>{x.message_vi}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function IssuedConclusion({ m, c }: { m: Meeting; c: Conclusion }) {
  const [l, tr] = useTr();
  const type = docTypeOf(c.symbol);
  const bodyName = (code: string | null) =>
    code ? (m.regulation?.bodies.find((b) => b.code === code)?.name ?? code) : '';
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="baseline">
        <Text fw={800} size="xl" data-testid="conclusion-symbol">
          {tr('Số', 'No.')} {c.symbol}
        </Text>
        <Text size="sm">
          {tr('ngày', 'of')} {fmt(c.issuedOn)}
        </Text>
        <Anchor href={`/api/v1/meetings/${m.id}/conclusion.docx`} size="sm" data-testid="conclusion-docx">
          {l === 'vi'
            ? `Tải ${type === 'KL' ? 'kết luận' : 'thông báo kết luận'} (DOCX)`
            : `Download the ${type === 'KL' ? 'conclusion' : 'notice'} (DOCX)`}
        </Anchor>
      </Group>
      <CheckLine
        check={c.deadline}
        label={l === 'vi' ? `Hạn ban hành ${type === 'KL' ? 'kết luận' : 'thông báo kết luận'}` : 'Issuing deadline'}
        testid="conclusion-deadline"
      />
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {c.summary}
      </Text>
      <Stack gap="xs">
        {c.items.map((it) => (
          <Card key={it.id} withBorder p="xs" data-testid="conclusion-item" data-kind={it.kind}>
            <Group gap="xs" wrap="nowrap" align="start">
              <Text fw={700}>{it.position}.</Text>
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={it.kind === 'action' ? 'blue' : 'gray'}>
                    {it.kind === 'action' ? tr('Nhiệm vụ', 'Action') : tr('Kết luận', 'Conclusion')}
                  </Badge>
                  {it.kind === 'action' && <SixClearBadge six={it.sixClear} />}
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {it.text}
                </Text>
                {it.kind === 'action' && (
                  <Text size="xs" c="dimmed" data-testid="conclusion-item-details">
                    {it.leads.length > 0 && `${tr('Chủ trì', 'Lead')}: ${it.leads.map((x) => x.name).join(', ')}. `}
                    {it.supporting.length > 0 &&
                      `${tr('Phối hợp', 'Supporting')}: ${it.supporting.map((x) => x.name).join(', ')}. `}
                    {(it.dueDate || it.dueLabel || it.dueMeetingId) && (
                      <>
                        {tr('Thời hạn', 'Due')}:{' '}
                        {it.dueMeetingId && !it.dueDate ? (
                          <Anchor
                            component={Link}
                            to={`/meetings/${it.dueMeetingId}`}
                            size="xs"
                            data-testid="conclusion-due-meeting"
                          >
                            {describeDue({ date: null, meetingId: it.dueMeetingId, label: it.dueLabel })}
                          </Anchor>
                        ) : (
                          describeDue({ date: it.dueDate, label: it.dueLabel })
                        )}
                        .{' '}
                      </>
                    )}
                    {it.product && `${tr('Sản phẩm', 'Product')}: ${it.product}. `}
                    {it.supervisorName && `${tr('Ủy viên theo dõi', 'Supervisor')}: ${it.supervisorName}. `}
                    {it.decidingBody && `${tr('Cấp quyết định', 'Deciding body')}: ${bodyName(it.decidingBody)}.`}
                  </Text>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      {m.can.write && c.items.some((it) => it.kind === 'action') && (
        <Anchor
          component={Link}
          to={`/tasks?pick=conclusions&meeting=${m.id}`}
          size="sm"
          data-testid="conclusion-follow-up"
        >
          {tr('Tạo nhiệm vụ theo dõi', 'Make follow-up tasks')} ›
        </Anchor>
      )}
      {c.signer.for && (
        <Text size="sm" ta="right">
          {c.signer.for}
          <br />
          {c.signer.position}
          {c.signer.name && (
            <>
              <br />
              <b>{c.signer.name}</b>
            </>
          )}
        </Text>
      )}
    </Stack>
  );
}

/** An item as typed; its fields are named as in the body, so that the schema's refusal shows beside its input. */
interface Draft {
  kind: 'conclusion' | 'action';
  text: string;
  /** The one lead unit's id. */
  leads: string;
  /** Names, comma-separated. */
  supporting: string;
  dueDate: string;
  dueMeetingId: string;
  dueLabel: string;
  product: string;
  decidingBody: string;
  supervisorPersonId: string;
}
interface ConclusionValues extends Record<string, unknown> {
  docType: ConclusionDocType;
  issuedOn: string;
  summary: string;
  signer: { for: string; position: string; personId: string };
  /** One a line. */
  recipients: string;
  items: Draft[];
}
type ConclusionBody = z.input<typeof IssueConclusionSchema>;

/** The first refusal at `path` or under it (`recipients.2`, `items.0.leads.0.name`): for an input that sends a list. */
const errorUnder = (errors: Record<string, ReactNode>, path: string): ReactNode =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

/**
 * Units that can lead a task: the advisory bodies and the UBKT of the organization, and its party committees (not
 * communes).
 */
function leadOptions(org: OrgDetail | undefined) {
  if (!org) return [];
  const bodies = org.bodies
    .filter((b) => b.kind === 'ADVISORY' || b.kind === 'UBKT')
    .map((b) => ({ value: b.id, label: b.name }));
  const orgs = org.children.filter((c) => c.kind !== 'COMMUNE_PARTY_ORG').map((c) => ({ value: c.id, label: c.name }));
  return [...bodies, ...orgs];
}

const signerFor = (bodyKind: string) => (bodyKind === 'BCH' ? 'T/M TỈNH ỦY' : 'T/M BAN THƯỜNG VỤ');

function ConclusionForm({ m, onMeeting, reload }: SectionProps) {
  const [l, tr] = useTr();
  const { data: org } = useApi<OrgDetail>(`/organizations/${m.orgId}?asOf=${m.meetingDate}`);
  // A task may be due at a later meeting of the same organization, within the twelve months after this one.
  const span = nextTwelveMonths(m.meetingDate);
  const { data: later } = useApi<MeetingListItem[]>(
    `/meetings?orgId=${encodeURIComponent(m.orgId)}&from=${span.from}&to=${span.to}`,
  );
  const dueMeetings = (later ?? []).filter((x) => x.id !== m.id && x.state !== 'cancelled');
  const leads = leadOptions(org);
  const defaultDeciding = m.regulation?.bodies.some((b) => b.code === m.bodyKind) ? m.bodyKind : '';
  const blank = (kind: Draft['kind']): Draft => ({
    kind,
    text: '',
    leads: '',
    supporting: '',
    dueDate: '',
    dueMeetingId: '',
    dueLabel: '',
    product: '',
    decidingBody: defaultDeciding,
    supervisorPersonId: '',
  });
  const form = useSchemaForm<ConclusionValues, typeof IssueConclusionSchema>(
    IssueConclusionSchema,
    {
      docType: defaultDocType(m.bodyKind),
      issuedOn: maxDate(m.meetingDate, m.closedOn),
      summary: `${m.bodyName} kết luận như sau:`,
      // The chair signs on behalf of the collective under his own office (36-HD/VPTW): BÍ THƯ, PHÓ BÍ THƯ.
      signer: {
        for: signerFor(m.bodyKind),
        position: m.chair?.signingPosition ?? 'BÍ THƯ',
        personId: m.chair?.personId ?? '',
      },
      recipients: '',
      items: [blank('conclusion')],
    },
    (v): ConclusionBody => ({
      issuedOn: v.issuedOn,
      docType: v.docType,
      summary: v.summary.trim(),
      signer: { for: v.signer.for.trim(), position: v.signer.position.trim(), personId: v.signer.personId || null },
      recipients: v.recipients
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      items: v.items.map(toInput),
    }),
  );
  const { docType, items } = form.values;
  const a = useAction(onMeeting, reload);
  const set = (i: number, patch: Partial<Draft>) => {
    for (const [k, v] of Object.entries(patch)) form.setFieldValue(`items.${i}.${k}`, v);
  };
  /** An item's input, bound to its field in the body. */
  const item = (i: number, field: keyof Draft) => form.getInputProps(`items.${i}.${field}`);
  const dueMeeting = (d: Draft) => (d.dueMeetingId ? dueMeetings.find((x) => x.id === d.dueMeetingId) : undefined);
  const toInput = (d: Draft): ConclusionBody['items'][number] => {
    const leadName = leads.find((x) => x.value === d.leads)?.label ?? '';
    const at = dueMeeting(d);
    const supporting = d.supporting
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ kind: 'unit' as const, id: leads.find((x) => x.label === name)?.value ?? null, name }));
    if (d.kind === 'conclusion') return { kind: d.kind, text: d.text.trim() };
    return {
      kind: d.kind,
      text: d.text.trim(),
      leads: d.leads ? [{ kind: 'unit' as const, id: d.leads, name: leadName }] : [],
      supporting,
      // A meeting as the deadline is an alternative to a date: it is sent with its title as the wording.
      dueDate: at ? null : d.dueDate || null,
      dueMeetingId: at ? at.id : null,
      dueLabel: at ? at.title : d.dueLabel.trim() || null,
      supervisorPersonId: d.supervisorPersonId || null,
      decidingBody: d.decidingBody || null,
      product: d.product.trim() || null,
    };
  };
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/conclusion`, body)));
  return (
    <form onSubmit={submit} noValidate data-testid="conclusion-form">
      <Stack gap="sm">
        <Group align="end" gap="xs" wrap="wrap">
          <NativeSelect
            label={tr('Loại văn bản', 'Document type')}
            {...form.getInputProps('docType')}
            data={(['TB', 'KL'] as const).map((t) => ({ value: t, label: `${docTypeLabel(t, l)} — ${t}` }))}
            data-testid="conclusion-doctype"
            w={240}
            maw="100%"
          />
          <FormDate form={form} path="issuedOn" testid="conclusion-date" required>
            {tr('Ngày ban hành', 'Issued on')}
          </FormDate>
        </Group>
        <Textarea
          label={tr('Nội dung mở đầu', 'Summary')}
          {...form.getInputProps('summary')}
          autosize
          minRows={2}
          maxLength={2000}
          required
          data-testid="conclusion-summary"
        />
        {items.map((d, i) => {
          const input = toInput(d);
          const leadsIn = input.kind === 'action' ? input : null;
          const at = dueMeeting(d);
          const preview =
            d.kind === 'action'
              ? checkSixClear({
                  title: d.text,
                  leads: leadsIn?.leads ?? [],
                  supporting: leadsIn?.supporting ?? [],
                  due: {
                    date: at ? null : d.dueDate || null,
                    meetingId: at?.id ?? null,
                    label: at ? at.title : d.dueLabel || null,
                  },
                  supervisorId: d.supervisorPersonId || null,
                  decidingBody: d.decidingBody || null,
                  product: d.product || null,
                })
              : null;
          return (
            <Card key={i} withBorder p="sm" bg="gray.0" data-testid="ci" data-kind={d.kind}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="xs">
                    <Text fw={700}>{i + 1}.</Text>
                    <NativeSelect
                      {...item(i, 'kind')}
                      data={[
                        { value: 'conclusion', label: tr('Ý kết luận', 'Conclusion') },
                        { value: 'action', label: tr('Nhiệm vụ giao', 'Action item') },
                      ]}
                      aria-label={tr('Loại', 'Kind')}
                      data-testid="ci-kind"
                      w={170}
                    />
                  </Group>
                  {items.length > 1 && (
                    <CloseButton
                      aria-label={tr('Bỏ mục này', 'Remove')}
                      onClick={() => form.removeListItem('items', i)}
                      data-testid="ci-remove"
                    />
                  )}
                </Group>
                <Textarea
                  label={d.kind === 'action' ? tr('Nhiệm vụ (rõ việc)', 'Task') : tr('Nội dung kết luận', 'Text')}
                  {...item(i, 'text')}
                  autosize
                  minRows={2}
                  maxLength={5000}
                  required
                  data-testid="ci-text"
                />
                {d.kind === 'action' && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <NativeSelect
                      label={tr('Đơn vị chủ trì (rõ người)', 'Lead unit')}
                      {...item(i, 'leads')}
                      error={errorUnder(form.errors, `items.${i}.leads`)}
                      data={[{ value: '', label: tr('(chọn một đơn vị)', '(choose one)') }, ...leads]}
                      data-testid="ci-lead"
                    />
                    <TextInput
                      label={tr('Đơn vị phối hợp', 'Supporting units')}
                      description={tr('Cách nhau bằng dấu phẩy', 'Comma-separated')}
                      {...item(i, 'supporting')}
                      error={errorUnder(form.errors, `items.${i}.supporting`)}
                      data-testid="ci-supporting"
                    />
                    <DateField
                      label={tr('Thời hạn (rõ thời gian)', 'Due date')}
                      {...form.valueProps(`items.${i}.dueDate`)}
                      value={at ? '' : d.dueDate}
                      error={errorUnder(form.errors, `items.${i}.dueDate`) ?? form.errors[`items.${i}.dueMeetingId`]}
                      testid="ci-due"
                      disabled={!!at}
                    />
                    <MeetingSelect
                      label={tr('Hạn là kỳ họp', 'Due at a meeting')}
                      description={tr('Thay cho thời hạn bằng ngày', 'Instead of a due date')}
                      meetings={dueMeetings}
                      value={d.dueMeetingId}
                      onChange={(id) => set(i, { dueMeetingId: id })}
                      none={tr('(không chọn kỳ họp)', '(no meeting)')}
                      testid="ci-due-meeting"
                    />
                    {!at && (
                      <TextInput
                        label={tr('Hoặc mô tả thời hạn', 'Or describe the deadline')}
                        placeholder={tr('Ví dụ: trình Hội nghị Tỉnh ủy cuối năm', 'e.g. at the year-end conference')}
                        {...item(i, 'dueLabel')}
                        maxLength={200}
                        data-testid="ci-due-label"
                      />
                    )}
                    <TextInput
                      label={tr('Sản phẩm (rõ sản phẩm)', 'Product')}
                      {...item(i, 'product')}
                      maxLength={500}
                      data-testid="ci-product"
                    />
                    <NativeSelect
                      label={tr('Cấp quyết định (rõ thẩm quyền)', 'Deciding body')}
                      {...item(i, 'decidingBody')}
                      data={[
                        { value: '', label: tr('(chọn)', '(choose)') },
                        ...(m.regulation?.bodies ?? []).map((b) => ({ value: b.code, label: b.name })),
                      ]}
                      data-testid="ci-deciding"
                    />
                    <MemberSelect
                      meeting={m}
                      none={['(chọn)', '(choose)']}
                      label={tr('Ủy viên theo dõi (rõ trách nhiệm)', 'Supervising member')}
                      {...item(i, 'supervisorPersonId')}
                      testid="ci-supervisor"
                    />
                  </SimpleGrid>
                )}
                {preview && <SixClearBadge six={preview} testid="six-preview" />}
              </Stack>
            </Card>
          );
        })}
        <Group gap="xs">
          {(['conclusion', 'action'] as const).map((k) => (
            <Button
              key={k}
              variant="subtle"
              size="xs"
              onClick={() => form.insertListItem('items', blank(k))}
              data-testid={`ci-add-${k}`}
            >
              + {k === 'action' ? tr('Nhiệm vụ giao', 'Action item') : tr('Ý kết luận', 'Conclusion')}
            </Button>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {SIGNER_FIELDS.map(([k, vi, en]) => (
            <TextInput
              key={k}
              label={tr(vi, en)}
              {...form.getInputProps(`signer.${k}`)}
              required
              maxLength={200}
              data-testid={`conclusion-signer-${k}`}
            />
          ))}
          <MemberSelect
            meeting={m}
            none={['(chưa chọn)', '(none)']}
            label={tr('Người ký', 'Signer')}
            {...form.getInputProps('signer.personId')}
            testid="conclusion-signer"
          />
        </SimpleGrid>
        <Textarea
          label={tr('Nơi nhận (mỗi dòng một nơi)', 'Recipients (one per line)')}
          {...form.getInputProps('recipients')}
          error={errorUnder(form.errors, 'recipients')}
          autosize
          minRows={2}
          data-testid="conclusion-recipients"
        />
        {/* The list of items itself (none, too many) has no input of its own. */}
        <FormEnd name="conclusion" form={{ errors: { _: form.errors._ ?? form.errors.items } }} write={a}>
          {l === 'vi'
            ? `Ban hành ${docType === 'KL' ? 'kết luận' : 'thông báo kết luận'}`
            : `Issue the ${docType === 'KL' ? 'conclusion' : 'notice'}`}
        </FormEnd>
        <Text size="xs" c="dimmed">
          {tr(
            `Số văn bản do hệ thống cấp (n-${docType}/…) theo cơ quan ban hành, loại văn bản và nhiệm kỳ.`,
            `The document is numbered by the system (n-${docType}/…) per issuer, type and term.`,
          )}
        </Text>
      </Stack>
    </form>
  );
}
