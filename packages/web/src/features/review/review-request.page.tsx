import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  addDays,
  ConcludeReviewRequestSchema,
  CreateReviewRequestSchema,
  SubmitReviewRequestSchema,
  todayInVietnam,
} from '@quyche/core';
import type { ReviewReportListSchema, ReviewRequestListSchema, ReviewRequestSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { StepText } from '../task/step-form';
import { RecordHead } from '../../app/ui/record-head';
import { TitledCard } from '../../app/ui/shared-section-card';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate } from '../../app/router';
import { useRun } from '../../app/ui/use-run';
import { FormDate } from '../../app/ui/date-field';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { promptChoice } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads, useTaskOrg } from '../task/task.parts';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { reportOptions, useReviewOrg } from './review.parts';
import { FormDialog } from '../../app/ui/form-dialog';
import { FormEnd } from '../../app/ui/shared-form-end';

type Request = z.infer<typeof ReviewRequestSchema>;
type ListItem = z.infer<typeof ReviewRequestListSchema>[number];

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function StateBadge({ r }: { r: Pick<Request, 'state' | 'stateLabel_vi' | 'late'> }) {
  return (
    <Group gap={4}>
      <Badge
        variant="light"
        tt="none"
        color={r.state === 'concluded' ? 'green' : r.state === 'cancelled' ? 'gray' : 'blue'}
        data-testid="request-state"
      >
        {r.stateLabel_vi}
      </Badge>
      {r.late && (
        <Badge variant="light" tt="none" color="red" data-testid="request-late">
          Quá hạn nộp báo cáo
        </Badge>
      )}
    </Group>
  );
}

/**
 * Working-group reviews (đoàn công tác): the requests an organization sent to those below it, and those it received
 * from above, each with its deadline and where it stands; the superior's staff send a new one from here.
 */
export function ReviewRequestListPage() {
  const [, tr] = useTr();
  const { orgId, mayWrite } = useReviewOrg();
  const list = useApi<ListItem[]>(orgId ? `/review-requests?orgId=${encodeURIComponent(orgId)}` : null);
  const [adding, setAdding] = useState(false);
  useTitle(tr('Đoàn công tác', 'Working-group reviews'));
  const groups = [
    { key: 'received', title: tr('Yêu cầu cấp trên gửi đến', 'Requests from above') },
    { key: 'sent', title: tr('Yêu cầu đã gửi tổ chức trực thuộc', 'Requests sent below') },
  ] as const;
  return (
    <Stack data-testid="review-requests">
      <PageHeader
        title={tr('Đoàn công tác làm việc về thực hiện quy chế', 'Working-group reviews')}
        sub={tr(
          'Cấp trên gửi yêu cầu báo cáo theo nội dung và hạn; tổ chức trực thuộc nộp báo cáo của mình; đoàn ghi ' +
            'kết luận, hạn chế và kiến nghị được theo dõi đến khi xong.',
          'The superior asks for a report; the subordinate submits its own; the group concludes and its findings ' +
            'are followed.',
        )}
      >
        {mayWrite && orgId && (
          <Button onClick={() => setAdding(true)} data-testid="request-add">
            {tr('Gửi yêu cầu báo cáo', 'Send a request')}
          </Button>
        )}
      </PageHeader>
      <LoadState error={list.error} loading={list.loading && !list.data} />
      {list.data &&
        groups.map((g) => {
          const rows = list.data!.filter((x) => x.direction === g.key);
          return (
            <Card withBorder key={g.key}>
              <Title order={2} size="h4" mb="xs">
                {g.title}
              </Title>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {tr('Chưa có yêu cầu nào.', 'None yet.')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {rows.map((r) => (
                    <div key={r.id} data-testid="request-row" data-state={r.state}>
                      <Anchor
                        component={Link}
                        to={`/review-requests/${r.id}`}
                        fw={600}
                        size="sm"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {r.title}
                      </Anchor>
                      <Group gap="xs" wrap="wrap">
                        <Text size="xs" c="dimmed">
                          {tr('Gửi', 'Sent')} {fmt(r.sentOn)} · {tr('hạn nộp', 'due')} {fmt(r.deadline)}
                          {r.submittedOn ? ` · ${tr('nộp', 'submitted')} ${fmt(r.submittedOn)}` : ''}
                        </Text>
                        <StateBadge r={r} />
                      </Group>
                    </div>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      {adding && orgId && <NewRequest orgId={orgId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function NewRequest({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const [l, tr] = useTr();
  const { leads } = useTaskOrg(orgId);
  const targets = leads.filter((x) => x.group !== 'body');
  const form = useSchemaForm(
    CreateReviewRequestSchema,
    {
      targetOrgId: '',
      topics:
        'Việc xây dựng, ban hành Quy chế làm việc của cấp ủy\nThực hiện chế độ họp, gửi tài liệu, ban hành thông ' +
        'báo kết luận\nTheo dõi, đôn đốc thực hiện nhiệm vụ được giao\nKhó khăn, vướng mắc và kiến nghị, đề xuất',
      deadline: addDays(todayInVietnam(), 15),
    },
    (v) => ({
      orgId,
      targetOrgId: blankAs(v.targetOrgId, undefined) as string,
      topics: lines(v.topics),
      deadline: v.deadline,
    }),
  );
  const run = useRun<Request>((r) => navigate(`/review-requests/${r.id}`));
  const send = form.submitBody((body) => void run.run(() => api<Request>('POST', '/review-requests', body)));
  return (
    <FormDialog
      onClose={onClose}
      title={tr('Gửi yêu cầu báo cáo của đoàn công tác', 'Send a working-group request')}
      size="lg"
      name="request"
      onSubmit={send}
      form={form}
      run={run}
      submit={tr('Gửi yêu cầu', 'Send')}
      submitTestid="request-send"
    >
      <NativeSelect
        label={tr('Tổ chức được làm việc', 'Organization')}
        {...form.getInputProps('targetOrgId')}
        data-testid="request-target"
        required
      >
        <option value="">{tr('— chọn tổ chức trực thuộc —', '— choose —')}</option>
        {groupedLeads(targets, l).map((g) => (
          <optgroup key={g.group} label={g.group}>
            {g.items.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </optgroup>
        ))}
      </NativeSelect>
      <StepText form={form} path="topics" testid="request-topics" minRows={4}>
        {tr('Nội dung báo cáo (mỗi dòng một nội dung)', 'Topics (one per line)')}
      </StepText>
      <FormDate form={form} path="deadline" testid="request-deadline" required>
        {tr('Hạn nộp báo cáo', 'Deadline')}
      </FormDate>
      <Text size="xs" c="dimmed">
        {tr(
          'Kỳ báo cáo: từ đầu nhiệm kỳ của tổ chức được làm việc đến ngày gửi yêu cầu.',
          'Period: from the start of the term to the day sent.',
        )}
      </Text>
    </FormDialog>
  );
}

/**
 * One request: what is asked, the report submitted, the group's conclusion with its shortcomings and recommendations.
 */
export function ReviewRequestPage({ id }: { id: string }) {
  const [, tr] = useTr();
  const { data, error, loading, reload } = useApi<Request>(`/review-requests/${encodeURIComponent(id)}`);
  useTitle(data?.title ?? tr('Đoàn công tác', 'Working group'));
  if (error) return <ErrorView error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const r = data;
  return (
    <Stack data-testid="review-request" data-state={r.state}>
      <RecordHead
        back={`/review-requests?org=${r.orgId}`}
        backLabel={tr('Đoàn công tác', 'Working-group reviews')}
        badges={<StateBadge r={r} />}
        title={r.title}
      >
        <Text size="sm">
          {r.orgName} → <b>{r.targetOrgName}</b>
        </Text>
        <Text size="sm">
          {tr('Kỳ báo cáo', 'Period')}: {fmt(r.periodFrom)} – {fmt(r.periodTo)} · {tr('gửi ngày', 'sent')}{' '}
          {fmt(r.sentOn)} · {tr('hạn nộp', 'due')} <b>{fmt(r.deadline)}</b>
        </Text>
        {r.team.length > 0 && (
          <Text size="sm">
            {tr('Thành phần đoàn', 'Team')}: {r.team.map((m) => `${m.name} (${m.role})`).join('; ')}
          </Text>
        )}
        <Title order={2} size="h5" mt="xs">
          {tr('Nội dung đề nghị báo cáo', 'Topics')}
        </Title>
        <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="request-topics-list">
          {r.topics.map((x, i) => (
            <li key={i}>
              <Text size="sm">{x}</Text>
            </li>
          ))}
        </ol>
      </RecordHead>
      <TitledCard
        title={
          <>
            {tr('Báo cáo của', 'Report of')} {r.targetOrgName}
          </>
        }
      >
        {r.report ? (
          <Text size="sm" data-testid="request-report">
            <Anchor component={Link} to={`/review-reports/${r.report.id}`}>
              {r.report.title}
            </Anchor>{' '}
            · {tr('nộp ngày', 'submitted')} {fmt(r.submittedOn)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {tr('Chưa nộp báo cáo.', 'Not submitted yet.')}
          </Text>
        )}
        {r.canSubmit && <SubmitForm r={r} onDone={reload} />}
      </TitledCard>
      <TitledCard title={tr('Kết luận của đoàn', 'Conclusion')}>
        {r.conclusionText ? (
          <Stack gap="xs" data-testid="request-conclusion">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.conclusionText}
            </Text>
            <Text size="xs" c="dimmed">
              {tr('Kết luận ngày', 'Concluded on')} {fmt(r.concludedOn)}
            </Text>
            {r.shortcomings.length > 0 && (
              <>
                <Text fw={600} size="sm">
                  {tr('Hạn chế, khuyết điểm (vào sổ theo dõi của', 'Shortcomings (in the register of')}{' '}
                  {r.targetOrgName})
                </Text>
                {r.shortcomings.map((s) => (
                  <Text size="sm" key={s.id} data-testid="request-shortcoming">
                    - {s.title} · {tr('hạn', 'due')} {fmt(s.dueDate)} ·{' '}
                    {s.state === 'fixed' ? tr('đã khắc phục', 'fixed') : tr('chưa khắc phục', 'open')}{' '}
                    <Anchor component={Link} to={`/shortcomings?org=${r.targetOrgId}`} size="sm">
                      {tr('sổ theo dõi', 'register')}
                    </Anchor>
                  </Text>
                ))}
              </>
            )}
            {r.recommendations.length > 0 && (
              <>
                <Text fw={600} size="sm">
                  {tr('Kiến nghị của đoàn', 'Recommendations')}
                </Text>
                {r.recommendations.map((x) => (
                  <Text size="sm" key={x.id} data-testid="request-recommendation">
                    -{' '}
                    <Anchor component={Link} to={`/recommendations/${x.id}`} size="sm">
                      {x.title}
                    </Anchor>
                    {x.dueOn ? ` · ${tr('hạn trả lời', 'answer due')} ${fmt(x.dueOn)}` : ''}
                  </Text>
                ))}
              </>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {r.state === 'sent'
              ? tr('Đoàn kết luận sau khi nhận báo cáo.', 'The group concludes once the report is in.')
              : tr('Chưa có kết luận.', 'No conclusion yet.')}
          </Text>
        )}
        {r.canConclude && <ConcludeForm r={r} onDone={reload} />}
      </TitledCard>
    </Stack>
  );
}

function SubmitForm({ r, onDone }: { r: Request; onDone: () => void }) {
  const [, tr] = useTr();
  const reports = useApi<z.infer<typeof ReviewReportListSchema>>(`/review-reports?orgId=${r.targetOrgId}`);
  const form = useSchemaForm(SubmitReviewRequestSchema, { reportId: '' }, (v) => ({
    version: r.version,
    reportId: blankAs(v.reportId, undefined) as string,
  }));
  const run = useRun<Request>(() => onDone());
  const submit = form.submitBody(
    (body) => void run.run(() => api<Request>('POST', `/review-requests/${r.id}/submit`, body)),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="request-submit-form">
      <Stack gap="xs" mt="sm">
        <NativeSelect
          label={tr('Báo cáo nộp đoàn', 'Report to submit')}
          {...form.getInputProps('reportId')}
          required
          data-testid="submit-report"
          data={[
            promptChoice(reports.loading, tr('— chọn một báo cáo của đơn vị —', '— choose one of your reports —'), tr),
            ...reportOptions(reports.data),
          ]}
        />
        {reports.data?.length === 0 && (
          <Text size="sm">
            {tr('Đơn vị chưa có báo cáo nào:', 'No report yet:')}{' '}
            <Anchor component={Link} to={`/reviews?org=${r.targetOrgId}`} size="sm">
              {tr('dựng báo cáo từ trang sơ kết', 'draft one on the review page')}
            </Anchor>
          </Text>
        )}
        <FormEnd name="submit" form={form} write={run} submitTestid="submit-save">
          {tr('Nộp báo cáo', 'Submit')}
        </FormEnd>
      </Stack>
    </form>
  );
}

const NEW_FINDING = () => ({ text: '', remedy: '', dueDate: addDays(todayInVietnam(), 60) });

function ConcludeForm({ r, onDone }: { r: Request; onDone: () => void }) {
  const [, tr] = useTr();
  const form = useSchemaForm(
    ConcludeReviewRequestSchema,
    {
      conclusionText: '',
      shortcomings: [] as { text: string; remedy: string; dueDate: string }[],
      recommendations: [] as { title: string; text: string }[],
    },
    (v) => ({
      version: r.version,
      conclusionText: v.conclusionText,
      shortcomings: v.shortcomings,
      recommendations: v.recommendations,
    }),
  );
  const run = useRun<Request>(() => onDone());
  const save = form.submitBody(
    (body) => void run.run(() => api<Request>('POST', `/review-requests/${r.id}/conclude`, body)),
  );
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="xs" mt="sm" data-testid="conclude-form">
        <StepText form={form} path="conclusionText" testid="conclude-text" minRows={4}>
          {tr('Nội dung kết luận', 'Conclusion')}
        </StepText>
        {form.values.shortcomings.map((_, i) => (
          <Card withBorder p="xs" key={i}>
            <Stack gap={4}>
              {/* A shortcoming's two lines of text, the same input for each. */}
              {(
                [
                  ['text', tr(`Hạn chế ${i + 1}`, `Shortcoming ${i + 1}`)],
                  ['remedy', tr('Biện pháp khắc phục', 'Remedy')],
                ] as const
              ).map(([field, label]) => (
                <TextInput
                  key={field}
                  label={label}
                  {...form.getInputProps(`shortcomings.${i}.${field}`)}
                  required
                  data-testid={`conclude-finding-${field}`}
                />
              ))}
              <FormDate form={form} path={`shortcomings.${i}.dueDate`} required testid="conclude-finding-due">
                {tr('Hạn khắc phục', 'Deadline')}
              </FormDate>
            </Stack>
          </Card>
        ))}
        {form.values.recommendations.map((_, i) => (
          <Card withBorder p="xs" key={`r${i}`}>
            <Stack gap={4}>
              <TextInput
                label={tr(`Kiến nghị ${i + 1}`, `Recommendation ${i + 1}`)}
                {...form.getInputProps(`recommendations.${i}.title`)}
                required
                data-testid="conclude-rec-title"
              />
              <Textarea
                label={tr('Nội dung kiến nghị', 'Text')}
                autosize
                {...form.getInputProps(`recommendations.${i}.text`)}
                required
                data-testid="conclude-rec-text"
              />
            </Stack>
          </Card>
        ))}
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="default"
            onClick={() => form.insertListItem('shortcomings', NEW_FINDING())}
            data-testid="conclude-add-finding"
          >
            + {tr('Hạn chế', 'Shortcoming')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => form.insertListItem('recommendations', { title: '', text: '' })}
            data-testid="conclude-add-rec"
          >
            + {tr('Kiến nghị', 'Recommendation')}
          </Button>
        </Group>
        <FormEnd name="conclude" form={form} write={run} submitTestid="conclude-save">
          {tr('Ghi kết luận', 'Record the conclusion')}
        </FormEnd>
      </Stack>
    </form>
  );
}
