import { Anchor, Badge, Button, Card, Group, Menu, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { TASK_TRANSITIONS, TaskTransitionSchema } from '@quyche/core';
import type { TaskState } from '@quyche/core';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { StepText } from './step-form';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { TaskNav } from './task.nav';
import {
  dueText,
  needsNote,
  PercentBar,
  qs,
  stepLabel,
  TASK_STATE_COLORS,
  taskStateLabel,
  useAsOf,
  useTaskAccess,
} from './task.parts';
import { apiError } from '../../app/ui/use-run';
import type { TaskListItem, TaskPage } from './task.parts';
import { WriteError } from '../../app/ui/write-error';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';

const COLUMNS = ['draft', 'assigned', 'in_progress', 'reported', 'done'] as const;
const COLUMN_SIZE = 50;
/** The done column shows the latest ones; the list has them all. */
const DONE_SIZE = 10;

/** The board by state: each card moved along the life cycle through its menu (a transition of the API). */
export function TaskBoardPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = useAsOf(query);
  const access = useTaskAccess();
  const [n, setN] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<{ t: TaskListItem; to: string } | null>(null);
  const noteLabel =
    asking?.to === 'cancelled' ? tr('Lý do hủy', 'Reason') : tr('Lý do, nơi chuyển giao', 'Reason, transferred to');
  const form = useSchemaForm(TaskTransitionSchema, { note: '' }, (v) => ({
    version: asking?.t.version ?? 0,
    to: (asking?.to ?? '') as (typeof TaskTransitionSchema)['shape']['to']['options'][number],
    note: blankAs(v.note, null),
  }));
  const [busy, setBusy] = useState(false);
  useTitle(tr('Bảng nhiệm vụ theo trạng thái', 'Task board'));
  const move = async (t: TaskListItem, to: string, why?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/tasks/${t.id}/transition`, { version: t.version, to, note: why?.trim() || null });
      setAsking(null);
      form.setValues({ note: '' });
    } catch (e) {
      setError(apiError(e));
      setAsking(null);
    } finally {
      setBusy(false);
      setN((x) => x + 1);
    }
  };
  const pick = (t: TaskListItem, to: string) => {
    if (needsNote(to)) {
      form.setValues({ note: '' });
      form.clearErrors();
      setAsking({ t, to });
    } else void move(t, to);
  };
  // Cancelling and transferring need a reason (the rule; the schema takes a step without one), named like the schema's.
  const submitNote = form.submitBody((body) => {
    if (!body.note) form.setFieldError('note', `${noteLabel} không được để trống`);
    else if (asking) void move(asking.t, asking.to, body.note);
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {tr('Bảng nhiệm vụ theo trạng thái', 'Task board')}
      </Title>
      <TaskNav />
      <Text size="sm" c="dimmed">
        {tr(
          'Chuyển nhiệm vụ sang trạng thái khác bằng nút "Chuyển" trên mỗi thẻ. Nhiệm vụ quá hạn có viền đỏ.',
          'Move a task with the "Move" button of its card. Overdue tasks have a red border.',
        )}{' '}
        {tr('Tình trạng tại ngày', 'Status as of')} {fmt(asOf)}.
      </Text>
      <WriteError error={error} testid="board-error" onClose={() => setError(null)} />
      <div className="qc-board" data-testid="board">
        {COLUMNS.map((s) => (
          <Column key={`${s}-${n}`} state={s} asOf={asOf} canMove={access.canAssign} onMove={pick} busy={busy} />
        ))}
      </div>
      <Modal
        opened={!!asking}
        onClose={() => setAsking(null)}
        title={<b>{asking ? stepLabel(asking.t.state, asking.to, l) : ''}</b>}
      >
        {asking && (
          <form onSubmit={submitNote} noValidate data-testid="board-note-form">
            <Stack gap="xs">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {asking.t.title}
              </Text>
              <StepText form={form} path="note" testid="board-note">
                {noteLabel}
              </StepText>
              <Group>
                <Button
                  color={asking.to === 'cancelled' ? 'red' : undefined}
                  type="submit"
                  loading={busy}
                  data-testid="board-note-submit"
                >
                  {stepLabel(asking.t.state, asking.to, l)}
                </Button>
                <Button variant="subtle" onClick={() => setAsking(null)}>
                  {tr('Thôi', 'Cancel')}
                </Button>
              </Group>
              <FormProblem errors={form.errors} testid="board-note-problem" />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

function Column({
  state,
  asOf,
  canMove,
  onMove,
  busy,
}: {
  state: (typeof COLUMNS)[number];
  asOf: string;
  canMove: (t: TaskListItem) => boolean;
  onMove: (t: TaskListItem, to: string) => void;
  busy: boolean;
}) {
  const [l, tr] = useTr();
  const { data, error, loading } = useApi<TaskPage>(
    `/tasks${qs({
      state,
      asOf,
      sort: state === 'done' ? 'updated' : 'due',
      pageSize: state === 'done' ? DONE_SIZE : COLUMN_SIZE,
    })}`,
  );
  const overdue = data?.items.filter((t) => t.status.overdue).length ?? 0;
  return (
    <section className="qc-board-col" data-testid="board-column" data-state={state} data-total={data?.total ?? ''}>
      <div className={`qc-board-head qc-b-${TASK_STATE_COLORS[state]}`}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Title order={2} size="h5">
            {taskStateLabel(state, l)}
          </Title>
          <Badge color="gray" variant="light" size="sm" style={{ flex: 'none' }} data-testid="board-count">
            {data?.total ?? '…'}
          </Badge>
        </Group>
        {overdue > 0 && (
          <Text size="xs" c="red.8" fw={700} data-testid="board-overdue-count">
            {l === 'vi' ? `${overdue} nhiệm vụ quá hạn` : `${overdue} overdue`}
          </Text>
        )}
      </div>
      {loading && !data && <Loading />}
      {error && <ErrorView error={error} />}
      <Stack gap={6}>
        {data?.items.map((t) => (
          <BoardCard key={t.id} t={t} canMove={canMove(t)} onMove={onMove} busy={busy} />
        ))}
        {data && data.items.length === 0 && (
          <Text size="xs" c="dimmed">
            {tr('Không có nhiệm vụ', 'No tasks')}
          </Text>
        )}
        {data && data.total > data.items.length && (
          <Anchor component={Link} to={`/tasks${qs({ state, asOf })}`} size="xs">
            {tr(`Xem tất cả ${data.total} nhiệm vụ`, `See all ${data.total} tasks`)}
          </Anchor>
        )}
      </Stack>
    </section>
  );
}

function BoardCard({
  t,
  canMove,
  onMove,
  busy,
}: {
  t: TaskListItem;
  canMove: boolean;
  onMove: (t: TaskListItem, to: string) => void;
  busy: boolean;
}) {
  const [l, tr] = useTr();
  const targets = TASK_TRANSITIONS[t.state as TaskState] ?? [];
  return (
    <Card
      withBorder
      p="xs"
      className={t.status.overdue ? 'qc-card-overdue' : undefined}
      data-testid="board-card"
      data-id={t.id}
      data-state={t.state}
      data-overdue={String(t.status.overdue)}
    >
      <Stack gap={4}>
        <Anchor
          component={Link}
          to={`/tasks/${t.id}`}
          size="sm"
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="board-card-title"
        >
          {t.title}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t.lead?.name ?? tr('Chưa có đơn vị chủ trì', 'No lead')}
        </Text>
        <Group gap={4} wrap="wrap">
          {t.status.overdue && (
            <Badge color="red" size="xs" variant="filled" data-testid="board-overdue">
              {tr('Quá hạn', 'Overdue')}
            </Badge>
          )}
          {t.status.extended && (
            <Badge color="orange" size="xs" variant="outline">
              {tr('Được gia hạn', 'Extended')}
            </Badge>
          )}
          <Text size="xs" c={t.status.overdue ? 'red.8' : undefined}>
            {tr('Hạn', 'Due')}: {dueText(t, l)}
          </Text>
        </Group>
        <PercentBar percent={t.percent} overdue={t.status.overdue} testid="board-percent" />
        {canMove && targets.length > 0 && (
          <Menu position="bottom-start" withinPortal shadow="md">
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="light"
                disabled={busy}
                data-testid="board-move"
                style={{ alignSelf: 'flex-start' }}
              >
                {tr('Chuyển', 'Move')} ▾
              </Button>
            </Menu.Target>
            <Menu.Dropdown data-testid="board-move-menu">
              {targets.map((to) => (
                <Menu.Item
                  key={to}
                  onClick={() => onMove(t, to)}
                  color={to === 'cancelled' ? 'red' : undefined}
                  data-testid={`board-move-${to}`}
                >
                  {stepLabel(t.state, to, l)} → {taskStateLabel(to, l)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Stack>
    </Card>
  );
}
