import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { addDays, CreateConsultationSchema, foldVietnamese, todayInVietnam, versionLabelVi } from '@quyche/core';
import type { RegulationDetailSchema, RegulationSchema } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { Loading } from '../../app/ui/loading';
import { Link, navigate } from '../../app/router';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { FormEnd } from '../../app/ui/shared-form-end';
import { FormCard } from '../../app/ui/shared-section-card';
import { DatePair } from '../../app/ui/shared-date-pair';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import type { OrgDetail } from '../../app/types';
import { useRun } from '../../app/ui/use-run';
import { STATUS_LABELS } from '../regulation/regulation.page';
import type { Consultation } from './consultation.parts';
import { useOnChange } from '../../app/ui/use-on-change';

/** A sentence's first letter in capitals: "dự thảo sửa đổi 1 (2026)" as a choice reads "Dự thảo …". */
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

type Reg = z.infer<typeof RegulationSchema>;
type RegDetail = z.infer<typeof RegulationDetailSchema>;
interface Option {
  key: string;
  kind: 'org' | 'body';
  id: string;
  code: string;
  label: string;
  group: 'org' | 'commune' | 'body';
}

/**
 * "Gửi xin ý kiến": a version of one of the user's regulations, the date sent and the deadline, and the recipients
 * picked among the organizations right below (a shortcut takes every commune and ward) and the advisory bodies.
 */
export function CreateConsultationForm({
  home,
  canWrite,
  onCancel,
}: {
  home: string;
  canWrite: (x: { orgId: string }) => boolean;
  onCancel: () => void;
}) {
  const [l, tr] = useTr();
  const { data: regs } = useApi<Reg[]>('/regulations');
  const mine = useMemo(
    () =>
      (regs ?? [])
        .filter((r) => canWrite({ orgId: r.orgId }))
        // The home organization's first, each organization's in the API's order (its own before its model for cells).
        .sort((a, b) => Number(a.orgId !== home) - Number(b.orgId !== home)),
    [regs, canWrite, home],
  );
  const form = useSchemaForm(
    CreateConsultationSchema,
    {
      what: 'regulation' as 'regulation' | 'document',
      regulationId: '',
      versionId: '',
      document: { title: '', text: '' },
      matter: '',
      title: '',
      sentOn: todayInVietnam(),
      deadline: addDays(todayInVietnam(), 15),
      recipients: [] as string[],
    },
    (v): z.input<typeof CreateConsultationSchema> => {
      const r = mine.find((x) => x.id === v.regulationId) ?? mine[0];
      const draft =
        v.what === 'document'
          ? {
              orgId: r?.orgId,
              document: { title: v.document.title.trim(), text: v.document.text },
              matter: blankAs(v.matter, undefined),
            }
          : { regulationId: r?.id, versionId: blankAs(v.versionId, undefined) };
      return {
        ...draft,
        title: blankAs(v.title, undefined),
        sentOn: v.sentOn,
        deadline: v.deadline,
        recipients: options.filter((o) => v.recipients.includes(o.key)).map((o) => ({ kind: o.kind, id: o.id })),
      };
    },
  );
  const reg = mine.find((r) => r.id === form.values.regulationId) ?? mine[0];
  const { data: detail } = useApi<RegDetail>(reg ? `/regulations/${reg.id}` : null);
  const { data: org } = useApi<OrgDetail>(reg ? `/organizations/${reg.orgId}` : null);
  const options: Option[] = useMemo(() => recipientOptions(org), [org]);
  // Newest first: the draft just added on the regulation's page is the one usually sent out.
  const versions =
    detail && detail.id === reg?.id
      ? [...detail.versions].sort((a, b) =>
          a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
        )
      : [];
  useOnChange(`${detail?.id}/${detail?.versions.length}`, () => {
    const draft = versions.find((v) => v.status === 'draft') ?? versions[0];
    form.setFieldValue('versionId', draft?.id ?? '');
  });
  // What is circulated: a version of the regulation, or any other draft (a resolution, a report) of the same
  // organization.
  const what = form.values.what;
  const inForce = versions
    .filter((v) => v.status === 'adopted' || v.status === 'consolidated')
    .sort((a, b) => ((a.inForceFrom ?? '') < (b.inForceFrom ?? '') ? 1 : -1))[0];
  const { data: inForceDetail } = useApi<{ frontMatter: { matters?: Record<string, { name?: string }> } }>(
    what === 'document' && reg && inForce ? `/regulations/${reg.id}/versions/${inForce.id}` : null,
  );
  const matters = Object.entries(inForceDetail?.frontMatter.matters ?? {}).map(([code, m]) => ({
    value: code,
    label: m.name ?? code,
  }));
  const [filter, setFilter] = useState('');
  const picked = new Set(form.values.recipients);
  const setPicked = (keys: Iterable<string>) => form.setFieldValue('recipients', [...new Set(keys)]);
  useOnChange(reg?.id, () => setPicked([]));
  const shown = options.filter(
    (o) => !filter.trim() || foldVietnamese(o.label).includes(foldVietnamese(filter.trim())),
  );
  const communes = options.filter((o) => o.group === 'commune');
  const a = useRun<Consultation>((c) => navigate(`/consultations/${c.id}`));
  const toggle = (key: string, on: boolean) => setPicked(on ? [...picked, key] : [...picked].filter((k) => k !== key));
  const submit = form.submitBody((body) => void a.run(() => api<Consultation>('POST', '/consultations', body)));
  const groups = [
    { g: 'org' as const, name: tr('Đảng ủy trực thuộc', 'Subordinate committees') },
    { g: 'commune' as const, name: tr('Đảng ủy xã, phường', 'Communes and wards') },
    { g: 'body' as const, name: tr('Cơ quan tham mưu, giúp việc', 'Advisory bodies') },
  ];
  if (regs && mine.length === 0)
    return (
      <Card withBorder>
        <Text size="sm" c="dimmed" data-testid="consultation-create-none">
          {tr('Tài khoản không có quy chế nào để gửi xin ý kiến.', 'Your account has no regulation to consult on.')}
        </Text>
      </Card>
    );
  return (
    <FormCard
      title={tr('Gửi dự thảo xin ý kiến', 'Send a draft for comments')}
      onSubmit={submit}
      formTestid="consultation-create"
    >
      {!regs && <Loading />}
      <SegmentedControl
        value={what}
        onChange={(v) => {
          form.setFieldValue('what', v as 'regulation' | 'document');
          form.clearErrors();
        }}
        data={[
          { value: 'regulation', label: tr('Dự thảo quy chế', 'A draft regulation') },
          { value: 'document', label: tr('Văn bản dự thảo khác', 'Another draft document') },
        ]}
        data-testid="consultation-create-what"
      />
      {what === 'document' && (
        <Stack gap="xs" data-testid="consultation-create-document">
          <TextInput
            label={tr('Tên văn bản dự thảo', 'Title of the draft')}
            placeholder={tr(
              'Ví dụ: Dự thảo Nghị quyết chuyên đề về chuyển đổi số',
              'E.g. Draft resolution on digital transformation',
            )}
            {...form.getInputProps('document.title')}
            required
            data-testid="consultation-create-doc-title"
          />
          <Textarea
            label={tr('Toàn văn dự thảo', 'Full text')}
            description={tr(
              'Mỗi dòng là một đoạn; ý kiến góp vào từng đoạn.',
              'One paragraph per line; comments are given on paragraphs.',
            )}
            {...form.getInputProps('document.text')}
            autosize
            minRows={6}
            maxRows={20}
            required
            data-testid="consultation-create-doc-text"
          />
          <NativeSelect
            label={tr(
              'Nội dung thuộc thẩm quyền (để biết cơ quan thông qua)',
              'Matter it decides (names the adopting body)',
            )}
            {...form.getInputProps('matter')}
            required
            data={[{ value: '', label: tr('(chọn nội dung)', '(choose)') }, ...matters]}
            data-testid="consultation-create-doc-matter"
          />
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <NativeSelect
          label={
            what === 'document'
              ? tr('Của tổ chức (theo quy chế làm việc)', 'Of the organization (by its regulation)')
              : tr('Quy chế', 'Regulation')
          }
          {...form.getInputProps('regulationId')}
          value={reg?.id ?? ''}
          data={mine.map((r) => ({ value: r.id, label: `${r.title} — ${r.orgName}` }))}
          data-testid="consultation-create-regulation"
        />
        {what === 'regulation' && (
          <NativeSelect
            label={tr('Phiên bản dự thảo gửi đi', 'Version circulated')}
            {...form.getInputProps('versionId')}
            required
            data={versions.map((v) => ({
              value: v.id,
              label: `${upperFirst(versionLabelVi(v.expression))} · ${STATUS_LABELS[v.status]?.[l] ?? v.status}`,
            }))}
            data-testid="consultation-create-version"
          />
        )}
      </SimpleGrid>
      {reg && (
        <Text size="xs" c="dimmed">
          {tr(
            'Bản dự thảo mới được tạo trên trang quy chế: ',
            'A new draft version is added on the regulation’s page: ',
          )}
          <Anchor component={Link} to={`/regulations/${reg.id}`} size="xs">
            {reg.title}
          </Anchor>
        </Text>
      )}
      <FormText
        form={form}
        path="title"
        testid="consultation-create-title"
        placeholder={tr('Mặc định: Lấy ý kiến góp ý dự thảo …', 'Default: Lấy ý kiến góp ý dự thảo …')}
      >
        {tr('Tên đợt lấy ý kiến', 'Title')}
      </FormText>
      <DatePair
        form={form}
        dates={[
          { path: 'sentOn', label: tr('Ngày gửi', 'Sent on'), testid: 'consultation-create-sent' },
          { path: 'deadline', label: tr('Hạn góp ý', 'Deadline'), testid: 'consultation-create-deadline' },
        ]}
      />
      <Stack gap={4}>
        <Group justify="space-between" align="end" wrap="wrap" gap="xs">
          <Text size="sm" fw={500}>
            {tr('Nơi nhận', 'Recipients')}{' '}
            <Text span size="sm" c="dimmed" data-testid="consultation-create-count" data-count={picked.size}>
              ({l === 'vi' ? `đã chọn ${picked.size}` : `${picked.size} chosen`})
            </Text>
          </Text>
          <Group gap={4} wrap="wrap">
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setPicked([...picked, ...communes.map((o) => o.key)])}
              disabled={communes.length === 0}
              data-testid="consultation-create-all-communes"
            >
              {tr(`Chọn tất cả đảng ủy xã, phường (${communes.length})`, `All communes and wards (${communes.length})`)}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setPicked([])}
              disabled={picked.size === 0}
              data-testid="consultation-create-none-picked"
            >
              {tr('Bỏ chọn', 'Clear')}
            </Button>
          </Group>
        </Group>
        <TextInput
          aria-label={tr('Lọc nơi nhận', 'Filter recipients')}
          placeholder={tr('Lọc theo tên, có dấu hoặc không dấu', 'Filter by name, with or without diacritics')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          type="search"
          data-testid="consultation-create-filter"
        />
        <div className="qc-c-pick" data-testid="consultation-create-recipients">
          {!org && <Loading />}
          {groups.map(({ g, name }) => {
            const items = shown.filter((o) => o.group === g);
            if (items.length === 0) return null;
            return (
              <Stack key={g} gap={4} mb={6}>
                <Text size="xs" fw={700} c="dimmed">
                  {name}
                </Text>
                <div className="qc-c-pick-grid">
                  {items.map((o) => (
                    <Checkbox
                      key={o.key}
                      size="xs"
                      label={o.label}
                      checked={picked.has(o.key)}
                      onChange={(e) => toggle(o.key, e.currentTarget.checked)}
                      data-testid="consultation-create-recipient"
                      data-code={o.code}
                    />
                  ))}
                </div>
              </Stack>
            );
          })}
        </div>
        {form.errors.recipients && (
          <Text size="sm" c="red" data-testid="consultation-create-recipients-error">
            {form.errors.recipients}
          </Text>
        )}
      </Stack>
      <FormEnd name="consultation-create" form={form} write={a} closable onCancel={onCancel} disabled={!reg}>
        {tr('Gửi xin ý kiến', 'Send for comments')}
      </FormEnd>
    </FormCard>
  );
}

/** The organizations right below, by the name of their committee, and the advisory bodies of the organization. */
function recipientOptions(org: OrgDetail | undefined): Option[] {
  if (!org) return [];
  const collator = new Intl.Collator('vi');
  const kids: Option[] = org.children.map((c) => ({
    key: `org:${c.id}`,
    kind: 'org',
    id: c.id,
    code: c.code,
    label: c.shortName ?? c.name,
    group: c.kind === 'COMMUNE_PARTY_ORG' ? 'commune' : 'org',
  }));
  const bodies: Option[] = org.bodies
    .filter((b) => b.kind === 'ADVISORY')
    .map((b) => ({ key: `body:${b.id}`, kind: 'body', id: b.id, code: b.kind, label: b.name, group: 'body' }));
  return [...kids, ...bodies].sort((a, b) => collator.compare(a.label, b.label));
}
