import { Alert, Button, Card, Group, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { CreateRegulationSchema, formErrors, RegulationTextSchema } from '@quyche/core';
import type { ImportReport } from '@quyche/core';
import type { z } from 'zod';
import { api, type ApiError, useApi } from '../../app/api';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { useLang } from '../../app/ui/i18n';
import { navigate } from '../../app/router';
import type { Me } from '../../app/session';

interface Validation {
  ok: boolean;
  error?: { line: number; column: number; message: string };
  findings: { code: string; severity: string; eId: string; message: string }[];
  articles: number;
  rules: number;
}
interface ImportResult {
  qcmd: string;
  report: ImportReport;
}

/** Upload a .qc.md, or import a Word/text regulation into one; check it, then store it for an organization. */
export function RegulationUpload() {
  const [l] = useLang();
  const vi = l === 'vi';
  const { data: me } = useApi<Me>('/auth/me');
  const form = useSchemaForm(CreateRegulationSchema, { orgId: '', text: '' }, (v) => ({
    orgId: blankAs(v.orgId, undefined) as string,
    text: v.text,
  }));
  const text = form.values.text;
  const setText = (t: string) => form.setFieldValue('text', t);
  const [report, setReport] = useState<ImportResult['report'] | null>(null);
  const [check, setCheck] = useState<Validation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const orgs = (me?.grants ?? [])
    .filter((g) => g.role === 'admin' || g.role === 'clerk')
    .map((g) => ({ value: g.orgId, label: g.orgName }));
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    setError(null);
    setCheck(null);
    setReport(null);
    try {
      if (/\.(qc\.md|md)$/i.test(f.name)) setText(await f.text());
      else {
        const bytes = new Uint8Array(await f.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        const r = await api<ImportResult>('POST', '/regulations/import', {
          fileName: f.name,
          contentBase64: btoa(bin),
        });
        setText(r.qcmd);
        setReport(r.report);
      }
    } catch (err) {
      setError(err as ApiError);
    }
  };
  // "Kiểm tra" sends the text alone: checked against its own route's schema, the refusal beside the text.
  const validate = async () => {
    const body = { text };
    const refused = formErrors(RegulationTextSchema, body)['text'];
    form.clearErrors();
    if (refused) return form.setFieldError('text', refused);
    setCheck(await api<Validation>('POST', '/regulations/validate', body).catch((e: ApiError) => (setError(e), null)));
  };
  const save = async (body: z.input<typeof CreateRegulationSchema>) => {
    setError(null);
    try {
      await api('POST', '/regulations', body);
      const list = await api<{ id: string; work: string }[]>('GET', '/regulations');
      const work = /^work:\s*(\S+)/m.exec(text)?.[1];
      const created = list.find((r) => r.work === work);
      if (created) navigate(`/regulations/${created.id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {l === 'vi' ? 'Tải lên hoặc nhập quy chế' : 'Upload or import a regulation'}
        </Title>
        <Text size="sm" c="dimmed">
          {l === 'vi'
            ? 'Tệp .qc.md được kiểm tra rồi lưu; tệp Word (.docx) hoặc .txt được chuyển thành .qc.md, kể cả đánh số ' +
              'tự động, để bổ sung quy tắc.'
            : 'A .qc.md is checked then stored; a Word (.docx) or .txt file is converted to .qc.md, automatic ' +
              'numbering included.'}
        </Text>
        <input
          type="file"
          accept=".md,.docx,.txt"
          onChange={onFile}
          data-testid="upload-file"
          aria-label={l === 'vi' ? 'Chọn tệp' : 'Choose a file'}
        />
        {report && (
          <Alert
            color={report.isRegulation ? 'blue' : 'orange'}
            data-testid="import-report"
            title={l === 'vi' ? 'Kết quả nhập' : 'Import report'}
          >
            <Text size="sm">
              {report.chapters} {l === 'vi' ? 'chương' : 'chapters'}, {report.articles}{' '}
              {l === 'vi' ? 'điều' : 'articles'}, {report.clauses} {vi ? 'khoản' : 'clauses'}, {report.points}{' '}
              {l === 'vi' ? 'điểm' : 'points'}
            </Text>
            {report.reason_vi && <Text size="sm">{report.reason_vi}</Text>}
            <List size="xs">
              {report.unplaced.map((u) => (
                <List.Item key={u.paragraph}>
                  {u.reason_vi}: {u.text}
                </List.Item>
              ))}
              {report.warnings.map((w, i) => (
                <List.Item key={`w${i}`}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <form onSubmit={form.submitBody((body) => void save(body))} noValidate data-testid="upload-form">
          <Stack>
            <Textarea
              {...form.getInputProps('text')}
              autosize
              minRows={4}
              maxRows={16}
              ff="monospace"
              data-testid="upload-text"
              label=".qc.md"
            />
            <Group>
              <Button variant="light" onClick={() => void validate()} data-testid="upload-validate">
                {l === 'vi' ? 'Kiểm tra' : 'Check'}
              </Button>
              <Select
                data={orgs}
                {...form.getInputProps('orgId')}
                value={form.values.orgId || null}
                onChange={(id) => form.setFieldValue('orgId', id ?? '')}
                placeholder={l === 'vi' ? 'Tổ chức ban hành' : 'Issuing organization'}
                w={280}
                data-testid="upload-org"
              />
              <Button type="submit" data-testid="upload-save">
                {l === 'vi' ? 'Lưu quy chế' : 'Save regulation'}
              </Button>
            </Group>
          </Stack>
        </form>
        {check && (
          <Alert
            color={!check.ok ? 'red' : check.findings.some((f) => f.severity === 'error') ? 'orange' : 'green'}
            data-testid="upload-check"
          >
            {!check.ok && check.error
              ? `Dòng ${check.error.line}, cột ${check.error.column}: ${check.error.message}`
              : `${check.articles} điều, ${check.rules} quy tắc; ` +
                `${check.findings.filter((f) => f.severity === 'error').length} lỗi, ` +
                `${check.findings.filter((f) => f.severity !== 'error').length} cảnh báo`}
          </Alert>
        )}
        {error && (
          <Alert color="red" title={error.title}>
            {error.detail}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
