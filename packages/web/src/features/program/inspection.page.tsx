import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { UpdateInspectionSchema } from '@quyche/core';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { FormActions } from '../../app/ui/form-actions';
import { RecordHead } from '../../app/ui/record-head';
import { EditableCard, SectionCard, TitledCard } from '../../app/ui/shared-section-card';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { dueText, PercentBar, StatusBadges, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { windowText } from './inspection-list.page';
import { InspectionSteps } from './inspection.steps';
import { TargetsAndWindow, TeamInput } from './program.fields';
import type { Target, TeamRow } from './program.fields';
import {
  CompetenceLine,
  inspectionKindLabel,
  InspectionStateBadge,
  recStateLabel,
  teamRoleLabel,
  useTeamPeople,
} from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { FormProblem } from '../../app/ui/form-problem';
import { WriteError } from '../../app/ui/write-error';
import { useSchemaForm } from '../../app/ui/schema-form';
import type { Inspection } from './program.parts';
import { useOnChange } from '../../app/ui/use-on-change';
import { useRecord } from '../../app/record';
import { TypedText } from '../../app/ui/typed-text';

function useInspection(id: string) {
  const { data: i, setData: setI, error } = useRecord<Inspection>(`/inspections/${encodeURIComponent(id)}`);
  return { i, setI, error };
}

/**
 * An inspection or supervision: its team, targets and window, the findings per target, the conclusion with its
 * remedies (tasks) and the recommendations it gave rise to, and the steps possible now, each with its reasons.
 */
export function InspectionPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { i, setI, error } = useInspection(id);
  const access = useTaskAccess();
  useTitle(i?.title);
  if (error && !i) return <ErrorView error={error} />;
  if (!i) return <Loading />;
  const write = access.canAssign(i);
  return (
    <Stack data-testid="inspection-page" data-state={i.state} data-version={i.version} data-id={i.id}>
      <RecordHead
        back="/inspections"
        backLabel={tr('Kiểm tra, giám sát', 'Inspections')}
        badges={
          <>
            <InspectionStateBadge state={i.state} size="lg" />
            <Badge variant="light">{inspectionKindLabel(i.kind, l)}</Badge>
          </>
        }
        title={i.title}
        titleTestid="inspection-title"
      >
        <Text size="sm" data-testid="inspection-decided">
          {tr('Cơ quan quyết định', 'Decided by')}: <b>{i.decidingBodyName}</b>
          {i.decisionSymbol && ` · ${tr('Quyết định số', 'Decision no.')} ${i.decisionSymbol}`}
          {i.decidedOn && ` ${tr('ngày', 'of')} ${fmt(i.decidedOn)}`}
        </Text>
        {i.competence && <CompetenceLine check={i.competence} testid="inspection-competence" />}
        {i.programTitle && (
          <Text size="sm" data-testid="inspection-program">
            {tr('Theo chương trình', 'Under the program')}: {i.programSymbol ? `${i.programSymbol} — ` : ''}
            {i.programId ? (
              <Anchor component={Link} to={`/programs/${i.programId}`} size="sm">
                {i.programTitle}
              </Anchor>
            ) : (
              i.programTitle
            )}
          </Text>
        )}
        <Text size="sm" data-testid="inspection-window">
          {tr('Thời gian tiến hành', 'Window')}: {windowText(i, l)}
        </Text>
        {!write && (
          <Text size="xs" c="dimmed" data-testid="read-only">
            {tr(
              'Tài khoản của bạn chỉ được xem cuộc kiểm tra, giám sát này.',
              'Your account may view this inspection but not change it.',
            )}
          </Text>
        )}
      </RecordHead>
      {write && <InspectionSteps i={i} onInspection={setI} />}
      <TeamCard i={i} write={write} onInspection={setI} />
      <FindingsCard i={i} write={write} onInspection={setI} />
      <ConclusionCard i={i} />
    </Stack>
  );
}

/** The team, the targets and the window; editable until the team is decided. */
function TeamCard({
  i,
  write,
  onInspection,
}: {
  i: Inspection;
  write: boolean;
  onInspection: (i: Inspection) => void;
}) {
  const [l, tr] = useTr();
  const { org } = useTaskOrg(write && i.state === 'planned' ? i.orgId : null);
  const people = useTeamPeople(org);
  const [editing, setEditing] = useState(false);
  const form = useSchemaForm(
    UpdateInspectionSchema,
    { team: [] as TeamRow[], targets: [] as Target[], windowFrom: '', windowTo: '' },
    (v) => ({
      version: i.version,
      team: v.team.filter((m) => m.personId),
      targets: v.targets,
      windowFrom: v.windowFrom || null,
      windowTo: v.windowTo || null,
    }),
  );
  const a = useRun<Inspection>((x) => {
    onInspection(x);
    setEditing(false);
  });
  const start = () => {
    form.setValues({
      team: i.team.map((m) => ({ personId: m.personId, role: m.role })),
      targets: i.targets,
      windowFrom: i.windowFrom ?? '',
      windowTo: i.windowTo ?? '',
    });
    form.clearErrors();
    setEditing(true);
  };
  const save = form.submitBody((body) => void a.run(() => api<Inspection>('PATCH', `/inspections/${i.id}`, body)));
  const known = people.length ? people : i.team.map((m) => ({ value: m.personId, label: m.name }));
  return (
    <EditableCard
      title={tr('Đoàn, đối tượng', 'Team and targets')}
      testid="inspection-team-card"
      mb="xs"
      edit={{
        shown: write && i.state === 'planned' && !editing,
        label: tr('Sửa đoàn, đối tượng, thời gian', 'Edit team, targets, dates'),
        onClick: start,
        testid: 'inspection-team-edit',
      }}
    >
      {editing ? (
        <form onSubmit={save} noValidate data-testid="inspection-team-form">
          <Stack gap="xs">
            <TeamInput form={form} people={known} testid="inspection-team" errorTestid="inspection-team-rows-error" />
            <TargetsAndWindow form={form} org={org} testid="inspection" />
            <FormProblem errors={form.errors} testid="inspection-team-problem" />
            <WriteError error={a.error} testid="inspection-team-error" />
            <FormActions onCancel={() => setEditing(false)} size="xs">
              <Button size="xs" type="submit" loading={a.busy} data-testid="inspection-team-save">
                {tr('Lưu', 'Save')}
              </Button>
            </FormActions>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          {i.team.length === 0 ? (
            <Text size="sm" c="dimmed">
              {tr('Chưa có đoàn', 'No team yet')}
            </Text>
          ) : (
            <Stack gap={2} data-testid="inspection-team">
              {i.team.map((m) => (
                <Group key={m.personId} gap="xs" wrap="nowrap" data-testid="team-member" data-role={m.role}>
                  <Badge size="sm" variant={m.role === 'leader' ? 'filled' : 'light'} miw={120}>
                    {teamRoleLabel(m.role, l)}
                  </Badge>
                  <Anchor component={Link} to={`/person/${m.personId}`} size="sm">
                    {m.name}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          )}
          <Text size="sm" fw={600} mt={4}>
            {tr('Đối tượng', 'Targets')} ({i.targets.length})
          </Text>
          <Group gap={4} wrap="wrap" data-testid="inspection-targets">
            {i.targets.map((t) => (
              <Badge
                key={`${t.id}-${t.name}`}
                variant="outline"
                color="gray"
                style={{ textTransform: 'none', maxWidth: '100%' }}
                data-testid="inspection-target"
              >
                {t.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </EditableCard>
  );
}

/** The findings, one per target; recorded while the inspection is in progress. */
function FindingsCard({
  i,
  write,
  onInspection,
}: {
  i: Inspection;
  write: boolean;
  onInspection: (i: Inspection) => void;
}) {
  const [, tr] = useTr();
  const editable = write && i.state === 'in_progress';
  const init = () =>
    Object.fromEntries(
      i.targets.map((t) => [
        t.name,
        {
          text: i.findings.find((f) => f.target === t.name)?.text ?? '',
          violation: i.findings.find((f) => f.target === t.name)?.violation ?? false,
        },
      ]),
    );
  const [draft, setDraft] = useState<Record<string, { text: string; violation: boolean }>>(init);
  const [saved, setSaved] = useState(false);
  useOnChange(i.version, () => setDraft(init()));
  const a = useRun<Inspection>((x) => {
    onInspection(x);
    setSaved(true);
  });
  if (!editable && i.findings.length === 0 && !['in_progress', 'concluded', 'verified'].includes(i.state)) return null;
  const save = () =>
    void a.run(() =>
      api<Inspection>('PATCH', `/inspections/${i.id}`, {
        version: i.version,
        findings: i.targets
          .filter((t) => draft[t.name]?.text.trim())
          .map((t) => ({ target: t.name, text: draft[t.name]!.text.trim(), violation: draft[t.name]!.violation })),
      }),
    );
  return (
    <TitledCard title={tr('Kết quả kiểm tra, giám sát', 'Findings')} testid="inspection-findings">
      <Stack gap="xs">
        {i.targets.map((t) => {
          const f = i.findings.find((x) => x.target === t.name);
          return (
            <Card
              key={t.name}
              withBorder
              p="xs"
              data-testid="finding"
              data-target={t.name}
              data-done={String(!!f)}
              data-violation={String(!!f?.violation)}
            >
              <Group gap="xs" mb={4} wrap="wrap">
                <Text fw={600} size="sm">
                  {t.name}
                </Text>
                {f?.violation && (
                  <Badge color="red" size="xs">
                    {tr('Có vi phạm', 'Violation')}
                  </Badge>
                )}
                {!f && !editable && (
                  <Text size="xs" c="dimmed">
                    {tr('Chưa có kết quả', 'No finding yet')}
                  </Text>
                )}
              </Group>
              {editable ? (
                <Stack gap={4}>
                  <Textarea
                    aria-label={tr(`Kết quả đối với ${t.name}`, `Finding for ${t.name}`)}
                    value={draft[t.name]?.text ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setSaved(false);
                      setDraft((d) => ({ ...d, [t.name]: { text: v, violation: d[t.name]?.violation ?? false } }));
                    }}
                    autosize
                    minRows={2}
                    data-testid="finding-text"
                  />
                  <Checkbox
                    label={tr('Có dấu hiệu vi phạm', 'Signs of violation')}
                    checked={draft[t.name]?.violation ?? false}
                    onChange={(e) => {
                      const v = e.currentTarget.checked;
                      setSaved(false);
                      setDraft((d) => ({ ...d, [t.name]: { text: d[t.name]?.text ?? '', violation: v } }));
                    }}
                    data-testid="finding-violation"
                  />
                </Stack>
              ) : (
                f && <TypedText testid="finding-view">{f.text}</TypedText>
              )}
            </Card>
          );
        })}
        {editable && (
          <>
            <WriteError error={a.error} testid="findings-error" />
            <Group gap="xs">
              <Button size="xs" loading={a.busy} onClick={save} data-testid="findings-save">
                {tr('Lưu kết quả', 'Save the findings')}
              </Button>
              {saved && !a.error && (
                <Text size="xs" c="green.8" data-testid="findings-saved">
                  {tr('Đã lưu', 'Saved')}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </TitledCard>
  );
}

/** The conclusion, the remedies (tasks) with their state, the recommendations, the verification. */
function ConclusionCard({ i }: { i: Inspection }) {
  const [l, tr] = useTr();
  if (!i.concludedOn && i.remedies.length === 0 && i.recommendations.length === 0) return null;
  return (
    <SectionCard title={tr('Kết luận, khắc phục', 'Conclusion and remedies')} testid="inspection-conclusion" gap="xs">
      {i.concludedOn && (
        <Text size="sm" fw={600} data-testid="inspection-conclusion-line">
          {i.conclusionSymbol
            ? `${tr('Thông báo kết luận số', 'Conclusion no.')} ${i.conclusionSymbol} `
            : tr('Kết luận ', 'Concluded ')}
          {tr('ngày', 'on')} {fmt(i.concludedOn)}
        </Text>
      )}
      {i.conclusionText && <TypedText testid="inspection-conclusion-text">{i.conclusionText}</TypedText>}
      {i.remedies.length > 0 && (
        <Stack gap={4} data-testid="remedies">
          <Text size="sm" fw={600}>
            {tr('Nhiệm vụ khắc phục', 'Remedies')}
          </Text>
          {i.remedies.map((t) => (
            <Card
              key={t.id}
              withBorder
              p="xs"
              data-testid="remedy-task"
              data-state={t.state}
              data-overdue={String(t.status.overdue)}
            >
              <Anchor component={Link} to={`/tasks/${t.id}`} size="sm" fw={600} data-testid="remedy-link">
                {t.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {tr('Chủ trì', 'Lead')}: {t.lead?.name ?? tr('chưa có', 'none')} · {tr('Hạn', 'Due')}: {dueText(t, l)}
              </Text>
              <Group gap="xs" wrap="wrap" mt={2}>
                <StatusBadges t={t} size="xs" />
                <div style={{ flex: '1 1 120px', minWidth: 100 }}>
                  <PercentBar percent={t.percent} overdue={t.status.overdue} />
                </div>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {i.recommendations.length > 0 && (
        <Stack gap={2} data-testid="inspection-recommendations">
          <Text size="sm" fw={600}>
            {tr('Kiến nghị, đề xuất', 'Recommendations')}
          </Text>
          {i.recommendations.map((r) => (
            <Text key={r.id} size="sm">
              <Anchor
                component={Link}
                to={`/recommendations/${r.id}`}
                size="sm"
                data-testid="inspection-recommendation"
              >
                {r.title}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({recStateLabel(r.state, l)})
              </Text>
            </Text>
          ))}
        </Stack>
      )}
      {i.verifiedOn && (
        <Text size="sm" data-testid="inspection-verified">
          <b>
            {tr('Đã kiểm tra việc khắc phục ngày', 'Remedies verified on')} {fmt(i.verifiedOn)}:
          </b>{' '}
          {i.verificationText}
        </Text>
      )}
    </SectionCard>
  );
}
