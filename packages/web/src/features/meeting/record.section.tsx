import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { CreateMeetingDocumentSchema, DOCUMENT_TYPES, MinutesSchema } from '@quyche/core';
import { api } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import type { SectionProps } from './meeting.types';
import { useAction } from './meeting.parts';
import { ConfidentialityBadge, confidentialityLabel } from '../../app/ui/confidentiality-badge';
import { WriteError } from '../../app/ui/write-error';
import { fileToBase64, fmtSize } from '../../app/ui/file';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { FormEnd } from '../../app/ui/shared-form-end';
import { SectionCard } from '../../app/ui/shared-section-card';
import { useSchemaForm } from '../../app/ui/schema-form';
import { HeadTable } from '../../app/ui/shared-head-table';
import { TypedText } from '../../app/ui/typed-text';

/** The meeting's documents, each with its confidentiality, downloadable; a new one with its file. */
export function DocumentsSection({ m, onMeeting, reload }: SectionProps) {
  const [l, tr] = useTr();
  // The file is read (base64) only once the rest of the form passes.
  const [file, setFile] = useState<File | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const form = useSchemaForm(CreateMeetingDocumentSchema, { title: '', docType: '', confidentiality: '0' }, (v) => ({
    title: v.title.trim(),
    docType: v.docType || null,
    confidentiality: Number(v.confidentiality),
    ...(file ? { fileName: file.name, mediaType: file.type || 'application/octet-stream' } : {}),
  }));
  const a = useAction((x) => {
    onMeeting(x);
    form.setValues({ title: '', docType: '' });
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
  }, reload);
  const submit = form.submitBody(
    (body) =>
      void a.run(async () =>
        api('POST', `/meetings/${m.id}/documents`, {
          ...body,
          ...(file ? { contentBase64: await fileToBase64(file) } : {}),
        }),
      ),
  );
  return (
    <SectionCard
      title={`${tr('Tài liệu hội nghị', 'Documents')} (${m.documents.length})`}
      testid="documents"
      empty={m.documents.length === 0 && tr('Chưa có tài liệu', 'No documents')}
    >
      {m.documents.length > 0 && (
        <HeadTable
          head={[tr('Tài liệu', 'Document'), tr('Độ mật', 'Classification'), tr('Tệp', 'File')]}
          minWidth={420}
          fz="sm"
          verticalSpacing={4}
        >
          {m.documents.map((d) => (
            <Table.Tr key={d.id} data-testid="document-row">
              <Table.Td>
                {d.title}
                {d.docType && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({DOCUMENT_TYPES[d.docType] ?? d.docType})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.confidentiality ? (
                  <ConfidentialityBadge level={d.confidentiality} />
                ) : (
                  <Badge variant="light" color="gray" size="sm">
                    {confidentialityLabel(0, l)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {d.fileName ? (
                  <Anchor
                    href={`/api/v1/meetings/${m.id}/documents/${d.id}`}
                    download={d.fileName}
                    size="sm"
                    data-testid="document-download"
                  >
                    {d.fileName}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    {tr('(không có tệp)', '(no file)')}
                  </Text>
                )}
                {d.size !== null && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {fmtSize(d.size)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </HeadTable>
      )}
      {m.can.write && m.state !== 'cancelled' && (
        <form onSubmit={submit} noValidate data-testid="document-form">
          <Stack gap="xs">
            <FormText form={form} path="title" testid="document-title" required>
              {tr('Tên tài liệu', 'Title')}
            </FormText>
            <Group align="end" gap="xs" wrap="wrap">
              <NativeSelect
                label={tr('Loại văn bản', 'Type')}
                {...form.getInputProps('docType')}
                data={[
                  { value: '', label: tr('(không)', '(none)') },
                  ...Object.entries(DOCUMENT_TYPES).map(([k, v]) => ({ value: k, label: `${v} (${k})` })),
                ]}
                data-testid="document-type"
                w={200}
              />
              <NativeSelect
                label={tr('Độ mật', 'Classification')}
                {...form.getInputProps('confidentiality')}
                data={[0, 1, 2, 3].map((n) => ({ value: String(n), label: confidentialityLabel(n, l) }))}
                data-testid="document-confidentiality"
                w={140}
              />
            </Group>
            <input
              ref={fileRef}
              type="file"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              aria-label={tr('Chọn tệp', 'Choose a file')}
              data-testid="document-file"
              style={{ maxWidth: '100%' }}
            />
            <FormEnd name="document" form={form} write={a} variant="light">
              {tr('Thêm tài liệu', 'Add document')}
            </FormEnd>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}

/** The minutes: written while in session or closed, read-only once approved; a DOCX of them. */
export function MinutesSection({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const form = useSchemaForm(MinutesSchema, { text: m.minutes?.text ?? '' }, (v) => ({
    version: m.version,
    text: v.text,
  }));
  const [dirty, setDirty] = useState(false);
  const a = useAction((x) => {
    onMeeting(x);
    setDirty(false);
  }, reload);
  const saved = m.minutes?.text ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the saved text while nothing is typed.
  useEffect(() => {
    if (!dirty) form.setValues({ text: saved });
  }, [saved, dirty]);
  const submit = form.submitBody((body) => void a.run(() => api('PUT', `/meetings/${m.id}/minutes`, body)));
  const editable = m.can.write && ['in_session', 'closed'].includes(m.state);
  const approved = !!m.minutes?.approvedOn;
  return (
    <Card withBorder data-testid="minutes">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {tr('Biên bản', 'Minutes')}
          </Title>
          {m.minutes && (
            <Anchor href={`/api/v1/meetings/${m.id}/minutes.docx`} size="sm" data-testid="minutes-docx">
              {tr('Tải biên bản (DOCX)', 'Download minutes (DOCX)')}
            </Anchor>
          )}
        </Group>
        {approved && (
          <Badge color="green" data-testid="minutes-approved">
            {tr('Đã thông qua ngày', 'Approved on')} {fmt(m.minutes!.approvedOn)}
          </Badge>
        )}
        {editable && !approved ? (
          <form onSubmit={submit} noValidate data-testid="minutes-form">
            <Stack gap="sm">
              <Textarea
                {...form.getInputProps('text')}
                onChange={(e) => {
                  form.setFieldValue('text', e.currentTarget.value);
                  setDirty(true);
                }}
                autosize
                minRows={5}
                maxRows={20}
                placeholder={tr(
                  'Diễn biến hội nghị, ý kiến thảo luận, kết luận của chủ trì…',
                  'Proceedings, discussion, the chair’s conclusions…',
                )}
                data-testid="minutes-text"
              />
              <WriteError error={a.error} testid="minutes-error" />
              <Group>
                <Button type="submit" variant="light" loading={a.busy} disabled={!dirty} data-testid="minutes-save">
                  {tr('Lưu biên bản', 'Save minutes')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : m.minutes ? (
          <TypedText testid="minutes-readonly">{m.minutes.text}</TypedText>
        ) : (
          <Text size="sm" c="dimmed">
            {m.can.write
              ? tr(
                  'Biên bản được ghi khi hội nghị đang họp hoặc đã bế mạc.',
                  'Minutes are written while in session or once closed.',
                )
              : tr('Chưa có biên bản.', 'No minutes yet.')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
