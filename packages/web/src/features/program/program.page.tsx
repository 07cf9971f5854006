import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CancelProgramSchema, ItemTaskSchema } from '@quyche/core';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { FormActions } from '../../app/ui/form-actions';
import { RecordHead } from '../../app/ui/record-head';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { groupedLeads, PercentBar, useTaskOrg } from '../task/task.parts';
import type { Task } from '../task/task.parts';
import { AdoptDialog } from './program-adopt.dialog';
import { ProgramItemForm } from './program-item.form';
import { ganttRange, ProgramGantt } from './program.gantt';
import { CompetenceLine, programKindLabel, ProgramStateBadge } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { FormProblem } from '../../app/ui/form-problem';
import { WriteError } from '../../app/ui/write-error';
import { useSchemaForm } from '../../app/ui/schema-form';
import { StepText } from '../task/step-form';
import type { Program, ProgramItem } from './program.parts';
import { useRecord } from '../../app/record';
import { FormEnd } from '../../app/ui/shared-form-end';

/** A program loaded once and replaced by every write's answer (each write returns the whole program). */
function useProgram(id: string) {
  const { data: p, setData: setP, error, reload } = useRecord<Program>(`/programs/${encodeURIComponent(id)}`);
  return { p, setP, error, reload };
}

type Open = { item: string; what: 'edit' | 'delete' | 'task' } | { item: 'new'; what: 'edit' } | null;

export function ProgramPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { p, setP, error, reload } = useProgram(id);
  const [open, setOpen] = useState<Open>(null);
  const [adopting, setAdopting] = useState(false);
  const [adopted, setAdopted] = useState<{ symbol: string | null; tasks: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useTitle(p?.title);
  if (error && !p) return <ErrorView error={error} />;
  if (!p) return <Loading />;
  const draft = p.state === 'draft';
  const write = p.canWrite;
  const range = ganttRange(p);
  const saved = (x: Program) => {
    setP(x);
    setOpen(null);
  };
  const isOpen = (it: string, what: string) => open?.item === it && open.what === what;
  const toggle = (item: string, what: 'edit' | 'delete' | 'task') =>
    setOpen(isOpen(item, what) ? null : { item, what });
  // The button that opens (filled while open) or closes an item's form under the item.
  const toggleButton = (it: ProgramItem, what: 'edit' | 'task', testid: string, label: string) => (
    <Button
      size="compact-xs"
      variant={isOpen(it.id, what) ? 'filled' : 'light'}
      onClick={() => toggle(it.id, what)}
      data-testid={testid}
    >
      {label}
    </Button>
  );

  return (
    <Stack data-testid="program-page" data-state={p.state} data-version={p.version} data-id={p.id}>
      <RecordHead
        back={`/programs${p.year ? `?year=${p.year}` : ''}`}
        backLabel={tr('Chương trình công tác', 'Programs')}
        badges={
          <>
            <ProgramStateBadge state={p.state} size="lg" />
            <Badge variant="light">{programKindLabel(p.kind, l)}</Badge>
            <Badge variant="outline" color="gray">
              {p.periodLabel ??
                (p.span === 'year'
                  ? `${tr('Năm', 'Year')} ${p.year}`
                  : `${tr('Toàn khóa', 'Full term')} ${p.termName}`)}
            </Badge>
          </>
        }
        title={p.title}
        titleTestid="program-title"
      >
        {p.sourceReport && (
          <Text size="sm" data-testid="program-source-report">
            {tr('Nhiệm vụ trọng tâm theo', 'Key tasks set by')}{' '}
            <Anchor component={Link} to={`/review-reports/${p.sourceReport.id}`} size="sm">
              {p.sourceReport.title}
            </Anchor>
          </Text>
        )}
        {p.symbol && (
          <Text fw={800} size="lg" data-testid="program-symbol">
            {tr('Số', 'No.')} {p.symbol}
          </Text>
        )}
        {p.state === 'adopted' && (
          <Text size="sm" data-testid="program-adopted">
            {p.adoptingBodyName ?? tr('Cơ quan có thẩm quyền', 'The competent body')}{' '}
            {tr('thông qua ngày', 'adopted it on')} {fmt(p.adoptedOn)}
            {p.adoptedMeeting && (
              <>
                {' '}
                {tr('tại', 'at')}{' '}
                <Anchor
                  component={Link}
                  to={`/meetings/${p.adoptedMeeting.id}`}
                  size="sm"
                  data-testid="program-meeting"
                >
                  {p.adoptedMeeting.title}
                </Anchor>{' '}
                ({fmt(p.adoptedMeeting.date)})
              </>
            )}
          </Text>
        )}
        {p.competence && (
          <CompetenceLine
            check={p.competence}
            testid="program-competence"
            lead={!draft && <b>{tr('Thẩm quyền', 'Competence')}: </b>}
          />
        )}
        <Text size="sm" c="dimmed">
          {p.ownerBodyName ? `${tr('Cơ quan', 'Body')}: ${p.ownerBodyName} · ` : ''}
          {tr('Thời gian', 'Period')}: {fmt(range.from)} – {fmt(range.to)}
          {range.to !== p.range.to ? ` (${tr('nhiệm kỳ chưa có ngày kết thúc', 'the term has no end date yet')})` : ''}
        </Text>
        <PercentBar percent={p.percent} testid="program-percent" />
        <Text size="sm" data-testid="program-counts">
          {l === 'vi' ? `${p.items} mục` : `${p.items} item${p.items === 1 ? '' : 's'}`}
          {' · '}
          <Text
            span
            size="sm"
            c={p.lateItems > 0 ? 'red.8' : undefined}
            fw={p.lateItems > 0 ? 700 : undefined}
            data-testid="program-late"
            data-late={p.lateItems}
          >
            {l === 'vi' ? `${p.lateItems} mục chậm tiến độ` : `${p.lateItems} late`}
          </Text>
        </Text>
        {!write && (
          <Text size="xs" c="dimmed" data-testid="read-only">
            {tr(
              'Tài khoản của bạn chỉ được xem chương trình này, không sửa, thông qua hay giao nhiệm vụ.',
              'Your account may view this program but not change, adopt or assign it.',
            )}
          </Text>
        )}
        {adopted && (
          <Alert
            color="green"
            title={tr('Đã thông qua chương trình', 'The program is adopted')}
            data-testid="adopt-done"
            data-tasks={adopted.tasks}
            data-symbol={adopted.symbol ?? ''}
            withCloseButton
            onClose={() => setAdopted(null)}
          >
            {l === 'vi'
              ? `Số ${adopted.symbol ?? ''}; đã giao ${adopted.tasks} nhiệm vụ theo các mục của chương trình.`
              : `No. ${adopted.symbol ?? ''}; ${adopted.tasks} task${adopted.tasks === 1 ? '' : 's'} assigned from ` +
                `its items.`}
          </Alert>
        )}
        {write && draft && (
          <Group gap="xs" mt={4} wrap="wrap">
            <Button
              onClick={() => setOpen(isOpen('new', 'edit') ? null : { item: 'new', what: 'edit' })}
              variant={isOpen('new', 'edit') ? 'filled' : 'light'}
              data-testid="item-add"
            >
              + {tr('Thêm mục', 'Add an item')}
            </Button>
            <Button color="green" onClick={() => setAdopting(true)} disabled={p.items === 0} data-testid="adopt-open">
              {tr('Thông qua', 'Adopt')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              onClick={() => setCancelling((x) => !x)}
              data-testid="program-cancel-open"
            >
              {tr('Hủy dự thảo', 'Cancel the draft')}
            </Button>
          </Group>
        )}
        {write && draft && cancelling && <CancelForm p={p} onDone={(x) => (setP(x), setCancelling(false))} />}
      </RecordHead>
      {write && draft && isOpen('new', 'edit') && (
        <ProgramItemForm p={p} onSaved={saved} onCancel={() => setOpen(null)} />
      )}
      <Card withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {tr('Tiến độ theo thời gian', 'Timeline')}
        </Title>
        <ProgramGantt
          p={p}
          notes={(it) => (
            <>
              {draft && !it.sixClear.complete && (
                <Badge
                  size="xs"
                  color="orange"
                  variant="light"
                  title={it.sixClear.missing.map((m) => m.message_vi).join('; ')}
                  data-testid="item-six-missing"
                >
                  {tr(
                    `Chưa đủ 6 rõ: thiếu ${it.sixClear.missing.length}`,
                    `${it.sixClear.missing.length} of the 6 missing`,
                  )}
                </Badge>
              )}
              <CarriedLink
                to={it.carriedFrom}
                testid="item-carried-from"
                vi="Chuyển từ kỳ trước"
                en="Carried over from"
              />
              <CarriedLink to={it.carriedTo} testid="item-carried-to" vi="Chuyển sang kỳ sau" en="Carried over to" />
            </>
          )}
          actions={
            write && p.state !== 'cancelled'
              ? (it) =>
                  draft ? (
                    <>
                      {toggleButton(it, 'edit', 'item-edit', tr('Sửa', 'Edit'))}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => toggle(it.id, 'delete')}
                        data-testid="item-delete"
                      >
                        {tr('Xóa', 'Delete')}
                      </Button>
                    </>
                  ) : (
                    toggleButton(it, 'task', 'item-more-task', tr('Giao thêm nhiệm vụ', 'Assign one more task'))
                  )
              : undefined
          }
          below={(it) =>
            !write || !open || open.item !== it.id ? null : (
              <div className="qc-g-below">
                {open.what === 'edit' && (
                  <ProgramItemForm p={p} item={it} onSaved={saved} onCancel={() => setOpen(null)} />
                )}
                {open.what === 'delete' && <DeleteItem it={it} onDone={saved} onCancel={() => setOpen(null)} />}
                {open.what === 'task' && (
                  <MoreTaskForm
                    p={p}
                    it={it}
                    onDone={() => {
                      setOpen(null);
                      void reload();
                    }}
                    onCancel={() => setOpen(null)}
                  />
                )}
              </div>
            )
          }
        />
      </Card>
      {write && draft && (
        <AdoptDialog
          p={p}
          opened={adopting}
          onClose={() => setAdopting(false)}
          onAdopted={(x) => {
            setP(x);
            setAdopting(false);
            setAdopted({ symbol: x.symbol, tasks: x.tasksCreated ?? 0 });
          }}
        />
      )}
    </Stack>
  );
}

function DeleteItem({ it, onDone, onCancel }: { it: ProgramItem; onDone: (p: Program) => void; onCancel: () => void }) {
  const [, tr] = useTr();
  const a = useRun<Program>(onDone);
  return (
    <Stack gap="xs" data-testid="item-delete-confirm">
      <Text size="sm">
        {tr(`Xóa mục "${it.title}" khỏi dự thảo?`, `Delete the item "${it.title}" from the draft?`)}
      </Text>
      <WriteError error={a.error} testid="item-delete-error" />
      <FormActions onCancel={onCancel} size="xs">
        <Button
          size="xs"
          color="red"
          loading={a.busy}
          onClick={() => void a.run(() => api<Program>('DELETE', `/program-items/${it.id}?version=${it.version}`))}
          data-testid="item-delete-submit"
        >
          {tr('Xóa mục', 'Delete the item')}
        </Button>
      </FormActions>
    </Stack>
  );
}

/** "Giao thêm nhiệm vụ": one more task under an adopted item (another lead, another part of the work). */
function MoreTaskForm({
  p,
  it,
  onDone,
  onCancel,
}: {
  p: Program;
  it: ProgramItem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [l, tr] = useTr();
  const { leads } = useTaskOrg(p.orgId);
  const [made, setMade] = useState<Task | null>(null);
  const a = useRun<Task>(setMade);
  const options =
    it.lead && !leads.some((x) => x.value === it.lead!.id)
      ? [{ value: it.lead.id, label: it.lead.name, group: 'body' as const }, ...leads]
      : leads;
  const leadName = (lead: string) => options.find((x) => x.value === lead)?.label ?? '';
  const form = useSchemaForm(
    ItemTaskSchema,
    { title: it.title, leads: it.lead?.id ?? '', dueDate: it.dueDate, assign: true },
    (v) => ({
      title: v.title.trim(),
      ...(v.leads
        ? { leads: [{ kind: it.lead?.id === v.leads ? it.lead.kind : 'unit', id: v.leads, name: leadName(v.leads) }] }
        : {}),
      dueDate: v.dueDate || null,
      assign: v.assign,
    }),
  );
  const submit = form.submitBody((body) => void a.run(() => api<Task>('POST', `/program-items/${it.id}/tasks`, body)));
  if (made)
    return (
      <Alert color="green" data-testid="more-task-done" withCloseButton onClose={onDone}>
        {tr('Đã giao nhiệm vụ', 'Task assigned')}:{' '}
        <Anchor component={Link} to={`/tasks/${made.id}`} size="sm" data-testid="more-task-link">
          {made.title}
        </Anchor>
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={onDone} data-testid="more-task-close">
            {tr('Xong', 'Done')}
          </Button>
        </Group>
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="more-task-form">
      <Stack gap="xs">
        <FormText form={form} path="title" testid="more-task-title" required>
          {tr('Nhiệm vụ', 'Task')}
        </FormText>
        <Group gap="xs" align="end" wrap="wrap">
          <NativeSelect
            label={tr('Đơn vị chủ trì', 'Lead unit')}
            {...form.getInputProps('leads')}
            data={[{ value: '', label: tr('(như mục chương trình)', '(as the item)') }, ...groupedLeads(options, l)]}
            data-testid="more-task-lead"
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <FormDate form={form} path="dueDate" testid="more-task-due">
            {tr('Hạn', 'Due')}
          </FormDate>
        </Group>
        <Checkbox
          label={tr('Giao ngay khi đủ 6 rõ', 'Assign at once when the 6 are stated')}
          {...form.getInputProps('assign', { type: 'checkbox' })}
          data-testid="more-task-assign"
        />
        <FormProblem errors={form.errors} testid="more-task-problem" />
        <WriteError error={a.error} testid="more-task-error" onClose={() => a.setError(null)} />
        <FormActions onCancel={onCancel} size="xs">
          <Button size="xs" type="submit" loading={a.busy} data-testid="more-task-submit">
            {tr('Giao nhiệm vụ', 'Assign the task')}
          </Button>
        </FormActions>
      </Stack>
    </form>
  );
}

function CancelForm({ p, onDone }: { p: Program; onDone: (p: Program) => void }) {
  const [, tr] = useTr();
  const form = useSchemaForm(CancelProgramSchema, { note: '' }, (v) => ({ version: p.version, note: v.note.trim() }));
  const a = useRun<Program>(onDone);
  const submit = form.submitBody((body) => void a.run(() => api<Program>('POST', `/programs/${p.id}/cancel`, body)));
  return (
    <form onSubmit={submit} noValidate data-testid="program-cancel-form">
      <Stack gap="xs">
        <StepText form={form} path="note" testid="program-cancel-note">
          {tr('Lý do hủy', 'Reason')}
        </StepText>
        <FormEnd name="program-cancel" form={form} write={a} size="xs" color="red">
          {tr('Hủy dự thảo', 'Cancel the draft')}
        </FormEnd>
      </Stack>
    </form>
  );
}

/** The link to the program an item was carried over from, or to: "Chuyển từ kỳ trước (6 tháng đầu năm 2027)". */
function CarriedLink({
  to,
  testid,
  vi,
  en,
}: {
  to: { programId: string; periodLabel: string } | null | undefined;
  testid: string;
  vi: string;
  en: string;
}) {
  const [, tr] = useTr();
  if (!to) return null;
  return (
    <Anchor component={Link} to={`/programs/${to.programId}`} size="xs" data-testid={testid}>
      {tr(`${vi} (${to.periodLabel})`, `${en} ${to.periodLabel}`)}
    </Anchor>
  );
}
