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
import { todayInVietnam } from '@quyche/core';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { dueText, groupedLeads, PercentBar, StatusBadges, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { recSourceLabel, RecStateBadge } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import type { Recommendation } from './program.parts';
import { StepButton } from '../../app/ui/workflow-step';
import { useRecord } from '../../app/record';

function useRecommendation(id: string) {
  const { data: r, setData: setR, error } = useRecord<Recommendation>(`/recommendations/${encodeURIComponent(id)}`);
  return { r, setR, error };
}

const OPEN = ['received', 'assigned'];

/** A recommendation: its deadline and basis, the advisory task, the answer; assign, answer or withdraw it. */
export function RecommendationPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { r, setR, error } = useRecommendation(id);
  const noLead = tr('chưa có', 'none');
  const access = useTaskAccess();
  const [active, setActive] = useState<'assigned' | 'answered' | 'withdrawn' | null>(null);
  useTitle(r?.title);
  if (error && !r) return <ErrorView error={error} />;
  if (!r) return <Loading />;
  const open = OPEN.includes(r.state);
  // The sender's staff may withdraw what their unit sent; the receiving organization assigns and answers.
  const canWithdraw = open && (r.canAnswer || (!!r.fromOrgId && access.canAssign({ orgId: r.fromOrgId })));
  const steps = [
    ...(r.canAnswer && r.state === 'received' ? (['assigned'] as const) : []),
    ...(r.canAnswer && open ? (['answered'] as const) : []),
    ...(canWithdraw ? (['withdrawn'] as const) : []),
  ];
  const label = {
    assigned: tr('Giao tham mưu', 'Assign for advice'),
    answered: tr('Trả lời kiến nghị', 'Answer'),
    withdrawn: tr('Rút kiến nghị', 'Withdraw'),
  };
  const done = (x: Recommendation) => {
    setR(x);
    setActive(null);
  };
  return (
    <Stack
      data-testid="recommendation-page"
      data-state={r.state}
      data-version={r.version}
      data-overdue={String(r.status.overdue)}
    >
      <Anchor component={Link} to="/recommendations" size="sm">
        ‹ {tr('Kiến nghị, đề xuất', 'Recommendations')}
      </Anchor>
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <RecStateBadge state={r.state} overdue={r.status.overdue} size="lg" />
            <Badge variant="light">{recSourceLabel(r.source, l)}</Badge>
          </Group>
          <Title order={1} size="h2" data-testid="rec-title" style={{ overflowWrap: 'anywhere' }}>
            {r.title}
          </Title>
          <Text
            size="sm"
            data-testid="rec-status-line"
            c={r.status.overdue ? 'red.8' : undefined}
            fw={r.status.overdue ? 700 : undefined}
          >
            {r.status.label_vi}
          </Text>
          <Text size="sm" data-testid="rec-parties">
            {tr('Nơi gửi', 'From')}: <b>{r.fromLabel}</b> · {tr('Gửi đến', 'To')}: <b>{r.orgName}</b>
            {r.toBodyName ? ` (${r.toBodyName})` : ''} · {tr('nhận ngày', 'received on')} {fmt(r.receivedOn)}
          </Text>
          <Text size="sm" data-testid="rec-due-line">
            {tr('Hạn trả lời', 'Answer due')}:{' '}
            <b className={r.status.overdue ? 'qc-red' : undefined}>
              {r.dueOn ? fmt(r.dueOn) : tr('quy chế không quy định', 'none in the regulation')}
            </b>
            {r.dueBasis && (
              <Text span size="xs" c="dimmed" data-testid="rec-due-basis">
                {' '}
                — {r.dueBasis.reason_vi}
              </Text>
            )}
          </Text>
          {r.inspectionId && (
            <Anchor component={Link} to={`/inspections/${r.inspectionId}`} size="sm" data-testid="rec-inspection">
              {tr('Cuộc kiểm tra, giám sát đề xuất', 'The inspection it comes from')}
            </Anchor>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="rec-text">
            {r.text}
          </Text>
          {!r.canAnswer && !canWithdraw && (
            <Text size="xs" c="dimmed" data-testid="read-only">
              {tr('Tài khoản của bạn chỉ được xem kiến nghị này.', 'Your account may view this recommendation only.')}
            </Text>
          )}
        </Stack>
      </Card>
      {r.tasks.length > 0 && (
        <Card withBorder data-testid="rec-tasks">
          <Title order={2} size="h4" mb="xs">
            {tr('Nhiệm vụ tham mưu trả lời', 'Advisory task')}
          </Title>
          <Stack gap="xs">
            {r.tasks.map((t) => (
              <Stack key={t.id} gap={2} data-testid="rec-task" data-state={t.state}>
                <Anchor component={Link} to={`/tasks/${t.id}`} size="sm" fw={600} data-testid="rec-task-link">
                  {t.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {tr('Chủ trì', 'Lead')}: <span data-testid="rec-task-lead">{t.lead?.name ?? noLead}</span> ·{' '}
                  {tr('Hạn', 'Due')}: {dueText(t, l)}
                </Text>
                <Group gap="xs" wrap="wrap">
                  <StatusBadges t={t} size="xs" />
                  <div style={{ flex: '1 1 120px', minWidth: 100 }}>
                    <PercentBar percent={t.percent} overdue={t.status.overdue} />
                  </div>
                </Group>
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
      {r.state === 'answered' && (
        <Card withBorder data-testid="rec-answer">
          <Title order={2} size="h4" mb="xs">
            {tr('Trả lời', 'Answer')}
          </Title>
          <Text size="sm" fw={600}>
            {r.answerSymbol ? `${tr('Văn bản số', 'Document no.')} ${r.answerSymbol} ` : ''}
            {tr('ngày', 'on')} {fmt(r.answeredOn)}
            {r.status.late ? ` — ${tr('chậm so với hạn', 'late')}` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.answerText}
          </Text>
        </Card>
      )}
      {steps.length > 0 && (
        <Card withBorder data-testid="rec-steps">
          <Group gap="xs" wrap="wrap">
            {steps.map((s) => (
              <StepButton
                key={s}
                label={label[s]}
                open={active === s}
                tone={s === 'withdrawn' ? 'end' : s === 'answered' ? 'complete' : undefined}
                onClick={() => setActive(active === s ? null : s)}
                testid={`rec-step-${s}`}
              />
            ))}
          </Group>
          {active === 'assigned' && <AssignForm r={r} onDone={done} />}
          {active === 'answered' && <AnswerForm r={r} onDone={done} />}
          {active === 'withdrawn' && <WithdrawForm r={r} onDone={done} />}
        </Card>
      )}
    </Stack>
  );
}

/** "Giao tham mưu": a task for one lead to prepare the answer, due by the answer's deadline. */
function AssignForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [l, tr] = useTr();
  const { leads, members } = useTaskOrg(r.orgId);
  const [lead, setLead] = useState('');
  const [due, setDue] = useState(r.dueOn ?? '');
  const [supervisor, setSupervisor] = useState('');
  const a = useRun<Recommendation>(onDone);
  const submit = () =>
    void a.run(() =>
      api<Recommendation>('POST', `/recommendations/${r.id}/transition`, {
        version: r.version,
        to: 'assigned',
        lead: { kind: 'unit', id: lead, name: leads.find((x) => x.value === lead)?.label ?? '' },
        ...(due ? { dueDate: due } : {}),
        supervisorPersonId: supervisor || null,
      }),
    );
  return (
    <Card withBorder mt="sm" p="sm" bg="gray.0" data-testid="rec-assign-form">
      <Stack gap="xs">
        <NativeSelect
          label={tr('Đơn vị chủ trì tham mưu', 'Advising unit')}
          value={lead}
          onChange={(e) => setLead(e.currentTarget.value)}
          data={[{ value: '', label: tr('(chọn một đơn vị)', '(choose one)') }, ...groupedLeads(leads, l)]}
          data-testid="rec-assign-lead"
        />
        <Group gap="xs" align="end" wrap="wrap">
          <DateField label={tr('Hạn tham mưu', 'Due')} value={due} onChange={setDue} testid="rec-assign-due" />
          <NativeSelect
            label={tr('Ủy viên theo dõi', 'Supervisor')}
            value={supervisor}
            onChange={(e) => setSupervisor(e.currentTarget.value)}
            data={[{ value: '', label: tr('(chọn Ủy viên)', '(choose a member)') }, ...members]}
            data-testid="rec-assign-supervisor"
            style={{ flex: '1 1 200px', minWidth: 0 }}
          />
        </Group>
        <WriteError error={a.error} testid="rec-assign-error" />
        <Group>
          <Button loading={a.busy} disabled={!lead} onClick={submit} data-testid="rec-assign-submit">
            {tr('Giao tham mưu', 'Assign')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AnswerForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [, tr] = useTr();
  const [on, setOn] = useState(todayInVietnam());
  const [text, setText] = useState('');
  const [symbol, setSymbol] = useState('');
  const a = useRun<Recommendation>(onDone);
  const submit = () =>
    void a.run(() =>
      api<Recommendation>('POST', `/recommendations/${r.id}/transition`, {
        version: r.version,
        to: 'answered',
        answeredOn: on,
        answerText: text.trim(),
        answerSymbol: symbol.trim() || null,
      }),
    );
  return (
    <Card withBorder mt="sm" p="sm" bg="gray.0" data-testid="rec-answer-form">
      <Stack gap="xs">
        <Group gap="xs" align="end" wrap="wrap">
          <DateField
            label={tr('Ngày trả lời', 'Answered on')}
            value={on}
            onChange={setOn}
            testid="rec-answer-date"
            required
          />
          <TextInput
            label={tr('Số văn bản trả lời', 'Document no.')}
            value={symbol}
            onChange={(e) => setSymbol(e.currentTarget.value)}
            data-testid="rec-answer-symbol"
            w={200}
          />
        </Group>
        <Textarea
          label={tr('Nội dung trả lời', 'Answer')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          data-testid="rec-answer-text"
        />
        <WriteError error={a.error} testid="rec-answer-error" />
        <Group>
          <Button
            color="green"
            loading={a.busy}
            disabled={!on || !text.trim()}
            onClick={submit}
            data-testid="rec-answer-submit"
          >
            {tr('Trả lời', 'Answer')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function WithdrawForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [, tr] = useTr();
  const [note, setNote] = useState('');
  const a = useRun<Recommendation>(onDone);
  return (
    <Card withBorder mt="sm" p="sm" bg="gray.0" data-testid="rec-withdraw-form">
      <Stack gap="xs">
        <Textarea
          label={tr('Lý do rút', 'Reason')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          data-testid="rec-withdraw-note"
        />
        <WriteError error={a.error} testid="rec-withdraw-error" />
        <Group>
          <Button
            color="red"
            loading={a.busy}
            disabled={!note.trim()}
            onClick={() =>
              void a.run(() =>
                api<Recommendation>('POST', `/recommendations/${r.id}/transition`, {
                  version: r.version,
                  to: 'withdrawn',
                  note: note.trim(),
                }),
              )
            }
            data-testid="rec-withdraw-submit"
          >
            {tr('Rút kiến nghị', 'Withdraw')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
