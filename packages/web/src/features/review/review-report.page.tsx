import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import {
  AdoptReviewReportSchema,
  CirculateReviewReportSchema,
  fromEditable,
  ProblemError,
  REPORT_SECTION_HEADINGS,
  REPORT_SECTIONS,
  todayInVietnam,
  toEditable,
} from '@quyche/core';
import type { ReviewReportSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, ApiError, useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, earlierIso } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate } from '../../app/router';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { FormDate } from '../../app/ui/date-field';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { promptChoice } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { fmtNum } from './review.parts';
import { FormDialog } from '../../app/ui/form-dialog';

type Report = z.infer<typeof ReviewReportSchema>;

const STATE_LABELS: Record<Report['state'], string> = {
  draft: 'Dự thảo',
  circulated: 'Đang lấy ý kiến',
  adopted: 'Đã thông qua',
  cancelled: 'Đã hủy',
};

/**
 * A review report: its four parts with every figure filled in from the record, and beside them the figures — each
 * with its records, and, when the office states it otherwise, the explanation that must go with it. The office edits
 * the words; a figure appears in the text by its label in double brackets, never by a code.
 */
export function ReviewReportPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { data: loaded, error, loading, reload } = useApi<Report>(`/review-reports/${encodeURIComponent(id)}`);
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => setReport(loaded ?? null), [loaded]);
  useTitle(report?.title ?? tr('Báo cáo sơ kết', 'Review report'));
  const [editing, setEditing] = useState(false);
  const { me } = useTaskAccess();
  const mayWrite = !!me?.grants.some((g) => g.role === 'admin' || g.role === 'clerk');
  const [texts, setTexts] = useState<string[]>([]);
  const [stated, setStated] = useState<Record<string, { stated: number | ''; explanation: string }>>({});
  const labelOf = useMemo(() => {
    const m = new Map((report?.figures ?? []).map((f) => [f.key, f.label_vi]));
    return (k: string) => m.get(k) ?? k;
  }, [report]);
  const save = useRun<Report>((r) => {
    setReport(r);
    setEditing(false);
  }, reload);
  const start = () => {
    if (!report) return;
    setTexts(report.paragraphs.map((p) => toEditable(p.text, labelOf)));
    setStated(
      Object.fromEntries(
        report.figures.map((f) => [f.key, { stated: f.stated ?? '', explanation: f.explanation ?? '' }]),
      ),
    );
    save.setError(null);
    setEditing(true);
  };
  const submit = () =>
    void save.run(async () => {
      if (!report) throw new Error('no report');
      const keys = report.figures.map((f) => f.key);
      const paragraphs = report.paragraphs.map((p, i) => {
        try {
          return {
            section: p.section,
            text: fromEditable(texts[i] ?? '', keys, labelOf, `body.paragraphs[${i}].text`),
          };
        } catch (e) {
          // A label the review does not have: the same refusal the server would give, beside the paragraph.
          if (e instanceof ProblemError)
            throw new ApiError(400, e.problem.title, e.problem.detail, e.problem.code, e.problem.field);
          throw e;
        }
      });
      const overrides = report.figures.flatMap((f) => {
        const s = stated[f.key];
        return s && s.stated !== '' && Number(s.stated) !== f.value
          ? [{ key: f.key, stated: Number(s.stated), explanation: s.explanation }]
          : [];
      });
      return api<Report>('PATCH', `/review-reports/${encodeURIComponent(report.id)}`, {
        version: report.version,
        paragraphs,
        overrides,
      });
    });
  if (error) return <ErrorView error={error} />;
  if (loading && !report) return <Loading />;
  if (!report) return null;
  // The index of a figure's override in the body sent: how many figures before it are stated otherwise.
  const overridesBefore = (i: number) =>
    report.figures.filter(
      (x, j) => j < i && stated[x.key] && stated[x.key]!.stated !== '' && Number(stated[x.key]!.stated) !== x.value,
    ).length;
  const fieldError = (field: string) => (save.error?.field === field ? save.error.detail : undefined);
  // Only a clerk or an administrator sees the controls; the server decides each write anyway (403 with its reason).
  const writable = mayWrite && (report.state === 'draft' || report.state === 'circulated');
  return (
    <Stack data-testid="review-report">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {report.title}
          </Title>
          <Text size="sm" c="dimmed">
            {report.orgName} · {report.kindLabel_vi}
            {report.symbol ? ` · ${tr('Số', 'No.')} ${report.symbol}` : ''} · {tr('từ', 'from')}{' '}
            {fmt(report.period.from)} {tr('đến', 'to')} {fmt(report.period.to)} ·{' '}
            <Badge variant="light" tt="none" data-testid="report-state">
              {STATE_LABELS[report.state]}
              {report.adoptedOn ? ` ${tr('ngày', 'on')} ${fmt(report.adoptedOn)}` : ''}
            </Badge>
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            component={Link}
            to={`/reviews?org=${report.orgId}&period=${encodeURIComponent(report.period.code)}`}
          >
            {tr('Các chỉ số của kỳ', 'The period’s figures')}
          </Button>
          {!editing && (
            <Button
              variant="default"
              component="a"
              href={`/api/v1/review-reports/${report.id}/report.docx`}
              data-testid="report-docx"
            >
              {tr('Tải DOCX', 'Download DOCX')}
            </Button>
          )}
          {!editing && <PdfButton id={report.id} />}
          {mayWrite && report.state === 'draft' && !editing && <CirculateButton report={report} onDone={setReport} />}
          {report.consultationId && (
            <Button
              variant="subtle"
              component={Link}
              to={`/consultations/${report.consultationId}`}
              data-testid="report-consultation"
            >
              {tr('Ý kiến góp ý', 'Comments')}
            </Button>
          )}
          {writable && !editing && <AdoptButton report={report} onDone={setReport} />}
          {report.nextProgram ? (
            <Button
              variant="subtle"
              component={Link}
              to={`/programs/${report.nextProgram.id}`}
              data-testid="report-next-program"
            >
              {report.nextProgram.title}
            </Button>
          ) : (
            mayWrite && report.state !== 'cancelled' && !editing && <NextProgramButton report={report} />
          )}
          {writable && !editing && (
            <Button onClick={start} data-testid="report-edit">
              {tr('Sửa báo cáo', 'Edit report')}
            </Button>
          )}
          {editing && (
            <>
              <Button variant="default" onClick={() => setEditing(false)}>
                {tr('Thôi', 'Cancel')}
              </Button>
              <Button onClick={submit} loading={save.busy} data-testid="report-save">
                {tr('Lưu', 'Save')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <WriteError error={save.error} testid="report-error" onClose={() => save.setError(null)} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder>
            {REPORT_SECTIONS.map((s) => (
              <section key={s} data-testid={`report-section-${s}`}>
                <Title order={2} size="h5" mt="sm" mb={4}>
                  {s}. {REPORT_SECTION_HEADINGS[s]}
                </Title>
                {report.paragraphs.map((p, i) =>
                  p.section !== s ? null : editing ? (
                    <Textarea
                      key={i}
                      autosize
                      minRows={2}
                      mb="xs"
                      value={texts[i] ?? ''}
                      onChange={(e) => {
                        // Read now: React clears the event's target before a state updater runs.
                        const v = e.currentTarget.value;
                        setTexts((t) => t.map((x, j) => (j === i ? v : x)));
                      }}
                      error={fieldError(`body.paragraphs[${i}].text`)}
                      aria-label={`${tr('Đoạn', 'Paragraph')} ${i + 1}`}
                      data-testid="report-paragraph-input"
                    />
                  ) : (
                    <Text
                      key={i}
                      size="sm"
                      mb="xs"
                      style={{ textAlign: 'justify', whiteSpace: 'pre-wrap' }}
                      data-testid="report-paragraph"
                    >
                      {p.rendered}
                    </Text>
                  ),
                )}
              </section>
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder data-testid="report-figures">
            <Title order={2} size="h5" mb="xs">
              {tr('Số liệu của báo cáo', 'Figures of the report')}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {editing
                ? tr(
                    'Trong lời văn, số liệu ghi bằng tên trong ngoặc kép vuông, ví dụ [[Hoàn thành đúng hạn]]. Số ' +
                      'ghi khác số tính từ hồ sơ phải có giải trình.',
                    'In the text a figure is written by its label in double brackets. A figure stated otherwise ' +
                      'needs an explanation.',
                  )
                : tr(
                    'Số tính từ hồ sơ; số ghi khác kèm giải trình.',
                    'Computed from the record; a figure stated otherwise comes with its explanation.',
                  )}
            </Text>
            <Stack gap={8}>
              {report.figures.map((f, i) => (
                <div key={f.key} data-testid="report-figure" data-key={f.key}>
                  <Text size="sm" fw={600}>
                    {f.label_vi}:{' '}
                    <Anchor
                      component={Link}
                      to={`/reviews?org=${report.orgId}&period=${encodeURIComponent(report.period.code)}`}
                      fw={800}
                    >
                      {fmtNum(f.value, l)}
                    </Anchor>
                    {f.stated !== null && !editing && (
                      <Badge ml={6} color="orange" variant="light" tt="none" data-testid="report-figure-stated">
                        {tr('báo cáo ghi', 'stated')} {fmtNum(f.stated, l)}
                      </Badge>
                    )}
                  </Text>
                  {f.explanation && !editing && (
                    <Text size="xs" c="orange.9" data-testid="report-figure-explanation">
                      {tr('Giải trình', 'Explanation')}: {f.explanation}
                    </Text>
                  )}
                  {editing && (
                    <Group gap={6} align="start" wrap="wrap">
                      <NumberInput
                        size="xs"
                        w={110}
                        min={0}
                        allowDecimal={false}
                        label={tr('Số ghi trong báo cáo', 'Stated')}
                        placeholder={String(f.value)}
                        value={stated[f.key]?.stated ?? ''}
                        onChange={(v) =>
                          setStated((s) => ({
                            ...s,
                            [f.key]: { stated: v === '' ? '' : Number(v), explanation: s[f.key]?.explanation ?? '' },
                          }))
                        }
                        data-testid="report-figure-stated-input"
                      />
                      {stated[f.key]?.stated !== '' &&
                        stated[f.key]?.stated !== undefined &&
                        Number(stated[f.key]!.stated) !== f.value && (
                          <Textarea
                            size="xs"
                            style={{ flex: 1, minWidth: 180 }}
                            autosize
                            label={tr('Giải trình', 'Explanation')}
                            value={stated[f.key]?.explanation ?? ''}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setStated((s) => ({ ...s, [f.key]: { stated: s[f.key]?.stated ?? '', explanation: v } }));
                            }}
                            error={fieldError(`body.overrides[${overridesBefore(i)}].explanation`)}
                            data-testid="report-figure-explanation-input"
                          />
                        )}
                    </Group>
                  )}
                </div>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The PDF is made on the server by LibreOffice, which takes a few seconds and may be missing: the button waits for
 * it and shows the server's reason in words instead of opening an error page.
 */
function PdfButton({ id }: { id: string }) {
  const [, tr] = useTr();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch(`/api/v1/review-reports/${encodeURIComponent(id)}/report.pdf`, {
        credentials: 'same-origin',
      });
      if (!res.ok) {
        const p = (await res.json().catch(() => null)) as { title?: string; detail?: string } | null;
        setProblem(p?.detail ?? p?.title ?? tr('Chưa tải được tệp PDF', 'The PDF could not be made'));
        return;
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name ? decodeURIComponent(name) : 'bao-cao.pdf';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setProblem(tr('Mất kết nối tới máy chủ: chưa tải được tệp PDF', 'No connection: the PDF was not downloaded'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" loading={busy} onClick={() => void download()} data-testid="report-pdf">
        {tr('Tải PDF', 'Download PDF')}
      </Button>
      {problem && (
        <Text size="sm" c="red" data-testid="report-pdf-error">
          {problem}
        </Text>
      )}
    </>
  );
}

/**
 * The next period's program from the report's key tasks (section III), the period's unfinished program items carried
 * over; it opens as a draft the office completes (each key task needs its lead) before the body adopts it.
 */
function NextProgramButton({ report }: { report: Report }) {
  const [, tr] = useTr();
  const run = useRun<{ id: string }>((p) => navigate(`/programs/${p.id}`));
  return (
    <>
      <Button
        variant="light"
        loading={run.busy}
        onClick={() => void run.run(() => api<{ id: string }>('POST', `/review-reports/${report.id}/next-program`, {}))}
        data-testid="report-next-program-create"
      >
        {tr('Dựng chương trình kỳ tới', 'Draft the next period’s program')}
      </Button>
      <WriteError error={run.error} testid="next-program-error" onClose={() => run.setError(null)} />
    </>
  );
}

type MeetingItem = { id: string; title: string; meetingDate: string; state: string; bodyName: string };

/**
 * A step of the report taken from a dialog (POST …/adopt, …/circulate): the button that opens it (`report-<step>`,
 * labelled `label`), then the dialog's form (`<step>-form`); the report as the step leaves it goes to `onDone` and the
 * dialog closes.
 */
function ReportStepDialog<B>({
  report,
  step,
  open,
  setOpen,
  onDone,
  form,
  label,
  title,
  size,
  submit,
  children,
}: {
  report: Report;
  step: 'adopt' | 'circulate';
  open: boolean;
  setOpen: (open: boolean) => void;
  onDone: (r: Report) => void;
  form: {
    errors: Record<string, ReactNode>;
    submitBody: (send: (body: B) => void) => (e?: FormEvent<HTMLFormElement>) => void;
  };
  label: ReactNode;
  title: ReactNode;
  size?: string;
  submit: ReactNode;
  children: ReactNode;
}) {
  const run = useRun<Report>((r) => (setOpen(false), onDone(r)));
  const send = form.submitBody(
    (body) => void run.run(() => api<Report>('POST', `/review-reports/${report.id}/${step}`, body)),
  );
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)} data-testid={`report-${step}`}>
        {label}
      </Button>
      <FormDialog
        opened={open}
        onClose={() => setOpen(false)}
        size={size}
        title={title}
        name={step}
        onSubmit={send}
        form={form}
        run={run}
        submit={submit}
      >
        {children}
      </FormDialog>
    </>
  );
}

/** Adoption at a meeting already held after the period: the server checks the body against the regulation. */
function AdoptButton({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const [, tr] = useTr();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(AdoptReviewReportSchema, { meetingId: '' }, (v) => ({
    version: report.version,
    meetingId: blankAs(v.meetingId, undefined) as string,
  }));
  const meetings = useApi<MeetingItem[]>(
    open
      ? `/meetings?orgId=${report.orgId}&from=${earlierIso(report.period.to, todayInVietnam())}&to=${todayInVietnam()}`
      : null,
  );
  const held = (meetings.data ?? []).filter((m) => ['in_session', 'closed', 'minutes_approved'].includes(m.state));
  return (
    <ReportStepDialog
      report={report}
      step="adopt"
      open={open}
      setOpen={setOpen}
      onDone={onDone}
      form={form}
      label={tr('Thông qua tại hội nghị', 'Adopt at a meeting')}
      title={tr('Thông qua báo cáo', 'Adopt the report')}
      submit={tr('Thông qua', 'Adopt')}
    >
      <Text size="sm">
        {tr(
          'Chọn hội nghị, phiên họp đã họp thông qua báo cáo. Quy chế làm việc quy định cơ quan thông qua: sơ ' +
            'kết quý, 6 tháng, 9 tháng do Ban Thường vụ; tổng kết năm, nhiệm kỳ do Ban Chấp hành.',
          'Choose the meeting that adopted the report; the regulation says which body may.',
        )}
      </Text>
      <NativeSelect
        label={tr('Hội nghị, phiên họp', 'Meeting')}
        {...form.getInputProps('meetingId')}
        required
        data-testid="adopt-meeting"
        data={[
          promptChoice(meetings.loading, tr('— chọn một hội nghị đã họp —', '— choose a meeting held —'), tr),
          ...held.map((m) => ({ value: m.id, label: `${fmt(m.meetingDate)} · ${m.title}` })),
        ]}
      />
    </ReportStepDialog>
  );
}

/** Circulating the draft for comments: the units chosen, a deadline; the comments come in on the consultation page. */
function CirculateButton({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const [l, tr] = useTr();
  const [open, setOpen] = useState(false);
  const { leads } = useTaskOrg(open ? report.orgId : null);
  const form = useSchemaForm(CirculateReviewReportSchema, { recipients: [] as string[], deadline: '' }, (v) => ({
    version: report.version,
    deadline: v.deadline,
    recipients: v.recipients.map((id) => ({
      kind: leads.find((x) => x.value === id)?.group === 'body' ? ('body' as const) : ('org' as const),
      id,
    })),
  }));
  const chosen = form.values.recipients;
  return (
    <ReportStepDialog
      report={report}
      step="circulate"
      open={open}
      setOpen={setOpen}
      onDone={onDone}
      form={form}
      label={tr('Gửi xin ý kiến', 'Circulate for comments')}
      title={tr('Gửi dự thảo xin ý kiến', 'Circulate the draft')}
      size="lg"
      submit={
        <>
          {tr('Gửi', 'Send')} {chosen.length ? `(${chosen.length})` : ''}
        </>
      }
    >
      <MultiSelect
        label={tr('Nơi nhận', 'Recipients')}
        data={groupedLeads(leads, l)}
        {...form.getInputProps('recipients')}
        required
        searchable
        hidePickedOptions
        maxDropdownHeight={260}
        comboboxProps={{ withinPortal: true }}
        data-testid="circulate-recipients"
      />
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            form.setFieldValue(
              'recipients',
              leads.filter((x) => x.group === 'commune').map((x) => x.value),
            )
          }
          data-testid="circulate-all-communes"
        >
          {tr('Chọn tất cả đảng ủy xã, phường', 'All communes')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            form.setFieldValue(
              'recipients',
              leads.filter((x) => x.group === 'body').map((x) => x.value),
            )
          }
        >
          {tr('Chọn các ban, Văn phòng, Ủy ban Kiểm tra', 'The advisory bodies')}
        </Button>
      </Group>
      <FormDate form={form} path="deadline" testid="circulate-deadline" required>
        {tr('Hạn góp ý', 'Deadline')}
      </FormDate>
    </ReportStepDialog>
  );
}
