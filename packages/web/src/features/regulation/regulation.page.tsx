import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Code,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { AskQuestionSchema, citeVi, ruleSentenceVi, todayInVietnam, versionLabelVi } from '@quyche/core';
import type {
  AnswerSchema,
  ComparisonSchema,
  ElementView,
  FrontMatter,
  RegulationDetailSchema,
  RegulationVersionDetailSchema,
} from '@quyche/core';
import { DetailsToggle, useDetails } from './regulation.details';
import { DateField } from '../../app/ui/date-field';
import { FormProblem } from '../../app/ui/form-problem';
import { useSchemaForm } from '../../app/ui/schema-form';
import { api, type ApiError, useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useLang } from '../../app/ui/i18n';
import { useLocation } from '../../app/router';
import { PageHead } from '../../app/ui/shared-page-head';
import { HeadTable } from '../../app/ui/shared-head-table';

type Detail = z.infer<typeof RegulationDetailSchema>;

export const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_consultation: { vi: 'Đang lấy ý kiến', en: 'In consultation' },
  consolidated: { vi: 'Văn bản hợp nhất', en: 'Consolidated' },
  adopted: { vi: 'Đã thông qua', en: 'Adopted' },
  repealed: { vi: 'Hết hiệu lực', en: 'Repealed' },
};
const statusLabel = (s: string, l: 'vi' | 'en') => STATUS_LABELS[s]?.[l] ?? s;
type Version = z.infer<typeof RegulationVersionDetailSchema>;
type Answer = z.infer<typeof AnswerSchema>;
type Comparison = z.infer<typeof ComparisonSchema>;
type Ask = z.infer<typeof AskQuestionSchema>['ask'];

/** A regulation: its text with each rule beside its clause and lint findings in the margin; ask; versions. */
export function RegulationPage({ id }: { id: string }) {
  const [l] = useLang();
  const { data: reg, error, loading } = useApi<Detail>(`/regulations/${id}`);
  // ?v=<version>&e=<element>: a search result opens the version it searched at the clause it found.
  const { query } = useLocation();
  const [askedVersion, askedElement] = [query.get('v'), query.get('e')];
  const [versionId, setVersionId] = useState<string | null>(askedVersion);
  useEffect(() => {
    if (reg && !versionId) setVersionId(reg.versions.at(-1)?.id ?? null);
  }, [reg, versionId]);
  const { data: v } = useApi<Version>(versionId ? `/regulations/${id}/versions/${versionId}` : null);
  const [highlight, setHighlight] = useState<string[]>(askedElement ? [askedElement] : []);
  useEffect(() => {
    if (askedVersion) setVersionId(askedVersion);
    if (askedElement) setHighlight([askedElement]);
  }, [askedVersion, askedElement]);
  useEffect(() => {
    if (v && askedElement) document.getElementById(askedElement)?.scrollIntoView({ block: 'center' });
  }, [v, askedElement]);
  if (loading && !reg) return <Loading />;
  if (error) return <ErrorView error={error} />;
  if (!reg) return null;
  return (
    <Stack>
      <div>
        <PageHead title={reg.title}>{reg.orgName}</PageHead>
      </div>
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text" data-testid="tab-text">
            {l === 'vi' ? 'Văn bản và quy tắc' : 'Text and rules'}
          </Tabs.Tab>
          <Tabs.Tab value="ask" data-testid="tab-ask">
            {l === 'vi' ? 'Hỏi quy chế' : 'Ask the regulation'}
          </Tabs.Tab>
          <Tabs.Tab value="versions" data-testid="tab-versions">
            {l === 'vi' ? 'Phiên bản, so sánh' : 'Versions, comparison'}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          {v ? <RegulationText v={v} highlight={highlight} /> : <Loading />}
        </Tabs.Panel>
        <Tabs.Panel value="ask" pt="md">
          <AskForm regId={id} v={v} onAnswer={(a) => setHighlight(a?.eIds ?? [])} highlight={highlight} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <Versions reg={reg} onOpen={setVersionId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** A rule as the machine reads it: its id and kind, then its other fields (not where it stands) as JSON. */
function machineText(r: Record<string, unknown>): string {
  const rest = Object.fromEntries(
    Object.entries(r).filter(([k]) => !['id', 'kind', 'basis', 'line', 'block'].includes(k)),
  );
  return `${String(r['id'])} · ${String(r['kind'])}\n${JSON.stringify(rest)}`;
}

function RegulationText({ v, highlight }: { v: Version; highlight: string[] }) {
  const [l] = useLang();
  const details = useDetails();
  const rulesByEId = useMemo(() => {
    const m = new Map<string, Record<string, unknown>[]>();
    for (const r of v.rules) m.set(String(r['basis']), [...(m.get(String(r['basis'])) ?? []), r]);
    return m;
  }, [v]);
  const findingsByEId = useMemo(() => {
    const m = new Map<string, Version['findings']>();
    for (const f of v.findings) m.set(f.eId, [...(m.get(f.eId) ?? []), f]);
    return m;
  }, [v]);
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  const render = (e: ElementView, depth: number) => {
    const rules = rulesByEId.get(e.eId) ?? [];
    const findings = findingsByEId.get(e.eId) ?? [];
    const hit = highlight.includes(e.eId);
    const head =
      e.kind === 'chapter' ? (
        <Title order={2} size="h4" mt="lg">{`Chương ${e.num}. ${e.heading}`}</Title>
      ) : e.kind === 'article' ? (
        <Title order={3} size="h5" mt="md">{`Điều ${e.num}. ${e.heading}`}</Title>
      ) : (
        <Text size="sm">
          <b>{e.kind === 'clause' ? `${e.num}.` : `${e.num})`}</b> {e.text}
        </Text>
      );
    return (
      <Box
        key={e.eId || `c${depth}`}
        id={e.eId}
        data-eid={e.eId}
        data-testid={hit ? 'highlighted' : undefined}
        pl={e.kind === 'point' ? 'lg' : 0}
        bg={hit ? 'yellow.1' : undefined}
        style={{ borderRadius: 4 }}
      >
        <Grid gap="xs">
          <Grid.Col span={{ base: 12, md: 7 }}>
            {head}
            {e.kind === 'article' && e.text && <Text size="sm">{e.text}</Text>}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            {rules.map((r) => (
              <Text
                key={String(r['id'])}
                size="sm"
                mb={4}
                p={6}
                bg="gray.0"
                style={{ borderRadius: 4 }}
                data-testid="rule"
              >
                {ruleSentenceVi(r, v.frontMatter as FrontMatter)}
                {details && (
                  <Code block fz="xs" mt={4} data-testid="rule-machine">
                    {machineText(r)}
                  </Code>
                )}
              </Text>
            ))}
            {findings.map((f, i) => (
              <Alert
                key={i}
                color={f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue'}
                p={6}
                mb={4}
                data-testid="finding"
              >
                <Text size="xs">
                  {l === 'vi' ? f.message : f.message_en}
                  {details && (
                    <Code fz="xs" ml={4}>
                      {f.code}
                    </Code>
                  )}
                </Text>
              </Alert>
            ))}
          </Grid.Col>
        </Grid>
        {e.children.map((c) => render(c, depth + 1))}
      </Box>
    );
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={errors ? 'red' : 'green'} data-testid="lint-summary">
          {l === 'vi'
            ? `${errors} lỗi, ${v.findings.length - errors} cảnh báo`
            : `${errors} errors, ${v.findings.length - errors} warnings`}
        </Badge>
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {versionLabelVi(v.expression)}
        </Badge>
        <DetailsToggle />
        <Badge variant="light" color={v.tests.every((x) => x.passed) ? 'green' : 'red'}>
          {l === 'vi'
            ? `Kịch bản kiểm thử: ${v.tests.filter((x) => x.passed).length}/${v.tests.length} đạt`
            : `Scenarios: ${v.tests.filter((x) => x.passed).length}/${v.tests.length} pass`}
        </Badge>
      </Group>
      {v.findings
        .filter((f) => !f.eId)
        .map((f, i) => (
          <Alert key={i} color={f.severity === 'error' ? 'red' : 'yellow'} p={6} data-testid="finding">
            <Text size="xs">
              <b>{f.code}</b>: {l === 'vi' ? f.message : f.message_en}
            </Text>
          </Alert>
        ))}
      {v.chapters.map((c) => render(c, 0))}
    </Stack>
  );
}

const ASKS = [
  { value: 'quorum', vi: 'Hội nghị có hợp lệ không', en: 'Is the meeting quorate' },
  { value: 'vote', vi: 'Biểu quyết có được thông qua không', en: 'Does the vote pass' },
  { value: 'who_decides', vi: 'Ai có thẩm quyền quyết định', en: 'Who decides' },
  { value: 'notice', vi: 'Tài liệu gửi có đúng hạn không', en: 'Were documents sent in time' },
  { value: 'due_date', vi: 'Hạn hoàn thành', en: 'Due date' },
] as const;

function AskForm({
  regId,
  v,
  onAnswer,
  highlight,
}: {
  regId: string;
  v: Version | undefined;
  onAnswer: (a: Answer | null) => void;
  highlight: string[];
}) {
  const [l] = useLang();
  const details = useDetails();
  const [f, setF] = useState<Record<string, string | number>>({
    body: 'BCH',
    summoned: 61,
    present: 41,
    total_members: 61,
    yes: 31,
    no: 0,
    abstain: 0,
    method: 'show_of_hands',
    meeting_date: todayInVietnam(),
    documents_sent: todayInVietnam(),
    event_date: todayInVietnam(),
  });
  // The question and its date are checked against the route's schema; the question's own inputs, by the server.
  const form = useSchemaForm(AskQuestionSchema, { ask: 'quorum' as Ask, at: todayInVietnam() }, (x) => ({
    ask: x.ask,
    at: x.at,
    input: input(),
  }));
  const kind = form.values.ask;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [err, setErr] = useState<ApiError | null>(null);
  const fm = (v?.frontMatter ?? {}) as {
    bodies?: Record<string, { name?: string }>;
    matters?: Record<string, { name?: string; attributes?: Record<string, string> }>;
    duties?: Record<string, string>;
  };
  const bodies = Object.entries(fm.bodies ?? {}).map(([k, b]) => ({ value: k, label: b.name ?? k }));
  const matters = Object.entries(fm.matters ?? {}).map(([k, m]) => ({ value: k, label: m.name ?? k }));
  const duties = Object.entries(fm.duties ?? {}).map(([k, d]) => ({ value: k, label: d }));
  const set = (k: string) => (val: string | number | null) => setF((x) => ({ ...x, [k]: val ?? '' }));
  const num = (k: string, label: string) => (
    <NumberInput key={k} label={label} value={f[k]} onChange={set(k)} min={0} w={150} data-testid={`ask-${k}`} />
  );
  const pick = (k: string, label: string, data: { value: string; label: string }[], w: number) => (
    <Select
      key={k}
      label={label}
      data={data}
      value={String(f[k] ?? '')}
      onChange={set(k)}
      w={w}
      data-testid={`ask-${k}`}
    />
  );
  const date = (k: string, label: string) => (
    <DateField key={k} label={label} value={String(f[k] ?? '')} onChange={(iso) => set(k)(iso)} testid={`ask-${k}`} />
  );
  const input = (): Record<string, unknown> => {
    switch (kind) {
      case 'quorum':
        return { body: f['body'], summoned: Number(f['summoned']), present: Number(f['present']) };
      case 'vote':
        return {
          body: f['body'],
          topic: f['topic'] || undefined,
          total_members: Number(f['total_members']),
          present: Number(f['present']),
          yes: Number(f['yes']),
          no: Number(f['no']),
          abstain: Number(f['abstain']),
          method: f['method'],
        };
      case 'who_decides': {
        const attrs = Object.keys(fm.matters?.[String(f['matter'])]?.attributes ?? {});
        return { matter: f['matter'], ...Object.fromEntries(attrs.map((a) => [a, Number(f[a] ?? 0)])) };
      }
      case 'notice':
        return { body: f['body'], meeting_date: f['meeting_date'], documents_sent: f['documents_sent'] };
      default:
        return { duty: f['duty'], event_date: f['event_date'] };
    }
  };
  const ask = async (body: z.input<typeof AskQuestionSchema>) => {
    setErr(null);
    try {
      const a = await api<Answer>('POST', `/regulations/${regId}/ask`, body);
      setAnswer(a);
      onAnswer(a);
    } catch (e) {
      setAnswer(null);
      onAnswer(null);
      setErr(e as ApiError);
    }
  };
  const attrs = Object.entries(fm.matters?.[String(f['matter'])]?.attributes ?? {});
  return (
    <Stack>
      <form onSubmit={form.submitBody((body) => void ask(body))} noValidate>
        <Stack>
          <Group align="end" wrap="wrap">
            <Select
              label={l === 'vi' ? 'Câu hỏi' : 'Question'}
              data={ASKS.map((a) => ({ value: a.value, label: a[l] }))}
              {...form.getInputProps('ask')}
              onChange={(x) => x && form.setFieldValue('ask', x as Ask)}
              w={300}
              allowDeselect={false}
              data-testid="ask-kind"
            />
            <DateField label={l === 'vi' ? 'Ngày áp dụng' : 'Legal date'} {...form.valueProps('at')} testid="ask-at" />
          </Group>
          <Group align="end" wrap="wrap">
            {['quorum', 'vote', 'notice'].includes(kind) && pick('body', l === 'vi' ? 'Cơ quan' : 'Body', bodies, 260)}
            {kind === 'quorum' && [
              num('summoned', l === 'vi' ? 'Số được triệu tập' : 'Summoned'),
              num('present', l === 'vi' ? 'Số có mặt' : 'Present'),
            ]}
            {kind === 'vote' && [
              num('total_members', l === 'vi' ? 'Tổng số ủy viên' : 'Total members'),
              num('present', l === 'vi' ? 'Có mặt' : 'Present'),
              num('yes', l === 'vi' ? 'Đồng ý' : 'Yes'),
              num('no', l === 'vi' ? 'Không đồng ý' : 'No'),
              num('abstain', l === 'vi' ? 'Không biểu quyết' : 'Abstain'),
              pick(
                'method',
                l === 'vi' ? 'Hình thức' : 'Method',
                [
                  { value: 'show_of_hands', label: l === 'vi' ? 'Giơ tay' : 'Show of hands' },
                  { value: 'secret_ballot', label: l === 'vi' ? 'Bỏ phiếu kín' : 'Secret ballot' },
                  { value: 'written', label: l === 'vi' ? 'Bằng văn bản' : 'Written' },
                ],
                170,
              ),
              <TextInput
                key="topic"
                label={l === 'vi' ? 'Nội dung (mã, ví dụ can_bo)' : 'Topic code'}
                value={String(f['topic'] ?? '')}
                onChange={(e) => set('topic')(e.currentTarget.value)}
                w={200}
                data-testid="ask-topic"
              />,
            ]}
            {kind === 'who_decides' && [
              pick('matter', l === 'vi' ? 'Loại việc' : 'Matter', matters, 360),
              ...attrs.map(([a]) => num(a, a)),
            ]}
            {kind === 'notice' && [
              date('meeting_date', l === 'vi' ? 'Ngày họp' : 'Meeting date'),
              date('documents_sent', l === 'vi' ? 'Ngày gửi tài liệu' : 'Documents sent'),
            ]}
            {kind === 'due_date' && [
              pick('duty', l === 'vi' ? 'Nhiệm vụ' : 'Duty', duties, 360),
              date('event_date', l === 'vi' ? 'Ngày sự kiện' : 'Event date'),
            ]}
            <Button type="submit" data-testid="ask-submit">
              {l === 'vi' ? 'Hỏi' : 'Ask'}
            </Button>
          </Group>
          <FormProblem errors={form.errors} testid="ask-problem" />
        </Stack>
      </form>
      {err && (
        <Alert color="orange" title={err.title} data-testid="ask-error">
          {err.detail}
        </Alert>
      )}
      {answer && (
        <Card withBorder data-testid="ask-answer">
          <Text fw={700}>{answer.reason_vi}</Text>
          <Text size="sm" c="dimmed">
            {l === 'vi' ? 'Căn cứ' : 'Basis'}: {answer.eIds.map(citeVi).join('; ')} ·{' '}
            {versionLabelVi(answer.expression)}
          </Text>
          {details && (
            <Code block mt="xs" data-testid="ask-machine">
              {`${answer.ruleIds.join(', ')}\n${JSON.stringify(answer.result)}`}
            </Code>
          )}
        </Card>
      )}
      {v && highlight.length > 0 && (
        <Card withBorder bg="yellow.0">
          <RegulationText
            v={{
              ...v,
              chapters: v.chapters
                .map((c) => ({ ...c, children: c.children.filter((a) => highlight.some((h) => h.startsWith(a.eId))) }))
                .filter((c) => c.children.length > 0),
            }}
            highlight={highlight}
          />
        </Card>
      )}
    </Stack>
  );
}

function Versions({ reg, onOpen }: { reg: Detail; onOpen: (id: string) => void }) {
  const [l] = useLang();
  const [from, setFrom] = useState<string | null>(reg.versions.at(-2)?.id ?? null);
  const [to, setTo] = useState<string | null>(reg.versions.at(-1)?.id ?? null);
  const { data: cmp, error } = useApi<Comparison>(
    from && to && from !== to ? `/regulations/${reg.id}/diff?from=${from}&to=${to}` : null,
  );
  const ends = [
    ['from', l === 'vi' ? 'Từ phiên bản' : 'From', from, setFrom],
    ['to', l === 'vi' ? 'Đến phiên bản' : 'To', to, setTo],
  ] as const;
  const opts = reg.versions.map((v) => ({
    value: v.id,
    label: `${versionLabelVi(v.expression)} (${statusLabel(v.status, l)})`,
  }));
  const change = {
    added: l === 'vi' ? 'Bổ sung' : 'Added',
    removed: l === 'vi' ? 'Bãi bỏ' : 'Repealed',
    changed: l === 'vi' ? 'Sửa đổi' : 'Amended',
  };
  return (
    <Stack>
      <HeadTable
        head={[
          l === 'vi' ? 'Phiên bản' : 'Version',
          l === 'vi' ? 'Tình trạng' : 'Status',
          l === 'vi' ? 'Hiệu lực từ' : 'In force from',
          '',
        ]}
        striped
      >
        {reg.versions.map((v) => (
          <Table.Tr key={v.id} data-testid="version-row">
            <Table.Td>{versionLabelVi(v.expression)}</Table.Td>
            <Table.Td>{statusLabel(v.status, l)}</Table.Td>
            <Table.Td>{fmt(v.inForceFrom)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="subtle" onClick={() => onOpen(v.id)}>
                {l === 'vi' ? 'Xem' : 'Open'}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadTable>
      {reg.amendments.length > 0 && (
        <Text size="sm">
          {l === 'vi' ? 'Văn bản sửa đổi' : 'Amendments'}:{' '}
          {reg.amendments.map((a) => `${a.title ?? a.work} (${fmt(a.inForceFrom)})`).join('; ')}
        </Text>
      )}
      <Title order={2} size="h4">
        {l === 'vi' ? 'Bảng so sánh' : 'Comparison table'}
      </Title>
      <Group>
        {/* The two ends of the comparison are the same picker over the versions. */}
        {ends.map(([key, label, value, onChange]) => (
          <Select
            key={key}
            label={label}
            data={opts}
            value={value}
            onChange={onChange}
            w={260}
            data-testid={`diff-${key}`}
          />
        ))}
      </Group>
      {error && <ErrorView error={error} />}
      {cmp && (
        <HeadTable
          head={[
            l === 'vi' ? 'Điều, khoản' : 'Provision',
            l === 'vi' ? 'Quy định hiện hành' : 'Current text',
            l === 'vi' ? 'Quy định sửa đổi, bổ sung' : 'Amended text',
            l === 'vi' ? 'Ghi chú' : 'Note',
          ]}
          minWidth={700}
          withTableBorder
          withColumnBorders
          data-testid="comparison"
        >
          {cmp.rows.map((r) => (
            <Table.Tr key={r.eId} data-testid="comparison-row">
              <Table.Td>{r.cite}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.before}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.after}</Table.Td>
              <Table.Td>{change[r.change]}</Table.Td>
            </Table.Tr>
          ))}
        </HeadTable>
      )}
    </Stack>
  );
}
