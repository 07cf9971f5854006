import { Badge, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CreateInspectionSchema, INSPECTION_KINDS, INSPECTION_STATES } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { StepText } from '../task/step-form';
import { useTitle } from '../../app/ui/use-title';
import { navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { qs, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { TargetsAndWindow, TeamInput } from './program.fields';
import type { Target, TeamRow } from './program.fields';
import {
  inspectionKindLabel,
  InspectionStateBadge,
  inspectionStateLabel,
  useTeamPeople,
  YearButtons,
  yearOf,
} from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { useSchemaForm } from '../../app/ui/schema-form';
import type { Inspection, Program, ProgramListItem } from './program.parts';
import { Row, RowKey, RowMain, RowTable } from '../../app/ui/row-table';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { ToggleButton } from '../../app/ui/toggle-button';
import { FormEnd } from '../../app/ui/shared-form-end';
import { FormCard } from '../../app/ui/shared-section-card';

export const windowText = (i: Pick<Inspection, 'windowFrom' | 'windowTo'>, l: 'vi' | 'en') =>
  i.windowFrom || i.windowTo
    ? `${fmt(i.windowFrom) || '…'} – ${fmt(i.windowTo) || '…'}`
    : l === 'vi'
      ? 'Chưa có thời gian'
      : 'No dates yet';

/** The inspections and supervisions of the user's organization in a year; writers set up new ones. */
export function InspectionListPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const { year, thisYear } = yearOf(query);
  const state = query.get('state') ?? '';
  const access = useTaskAccess();
  const orgId = access.home;
  const { data, error, loading } = useApi<Inspection[]>(orgId ? `/inspections${qs({ orgId, year, state })}` : null);
  const [creating, setCreating] = useState(false);
  useTitle(tr('Kiểm tra, giám sát', 'Inspections'));
  const go = (p: { year?: number; state?: string }) =>
    navigate(`/inspections${qs({ year: p.year ?? year, state: p.state ?? state })}`, true);
  return (
    <Stack data-testid="inspection-list-page">
      <PageHeader title={`${tr('Kiểm tra, giám sát', 'Inspections and supervisions')} ${year}`}>
        <YearButtons year={year} around={thisYear} onChange={(v) => go({ year: v })} />
      </PageHeader>
      <Group gap="xs" align="end" wrap="wrap">
        <NativeSelect
          label={tr('Trạng thái', 'State')}
          value={state}
          onChange={(e) => go({ state: e.currentTarget.value })}
          data={[
            { value: '', label: tr('Tất cả trạng thái', 'All states') },
            ...INSPECTION_STATES.map((s) => ({ value: s, label: inspectionStateLabel(s, l) })),
          ]}
          data-testid="inspection-filter-state"
          w={260}
          maw="100%"
        />
        {access.canCreate && (
          <ToggleButton open={creating} onToggle={setCreating} testid="inspection-create-open">
            {tr('Lập cuộc kiểm tra, giám sát', 'Set up an inspection')}
          </ToggleButton>
        )}
      </Group>
      {access.canCreate && creating && orgId && (
        <CreateInspectionForm orgId={orgId} year={year} onCancel={() => setCreating(false)} />
      )}
      <LoadState
        error={error}
        loading={loading && !data}
        empty={!!data && data.length === 0}
        emptyTestid="inspection-none"
      >
        {tr('Không có cuộc kiểm tra, giám sát nào.', 'No inspections.')}
      </LoadState>
      {data && data.length > 0 && (
        <RowTable
          columns="minmax(0, 3fr) minmax(0, 1.3fr) minmax(0, 1.2fr) minmax(0, 1.4fr)"
          testid="inspection-rows"
          head={[
            tr('Cuộc kiểm tra, giám sát', 'Inspection'),
            tr('Cơ quan quyết định, số quyết định', 'Decided by, decision'),
            tr('Thời gian tiến hành', 'Window'),
            tr('Tình trạng', 'State'),
          ]}
        >
          {data.map((i) => (
            <Row key={i.id} data-testid="inspection-row" data-id={i.id} data-state={i.state}>
              <RowMain
                title={i.title}
                to={`/inspections/${i.id}`}
                testid="inspection-link"
                sub={
                  <>
                    {inspectionKindLabel(i.kind, l)} ·{' '}
                    <span data-testid="inspection-targets-count">
                      {l === 'vi'
                        ? `${i.targets.length} đối tượng`
                        : `${i.targets.length} target${i.targets.length === 1 ? '' : 's'}`}
                    </span>
                  </>
                }
              />
              <div>
                <RowKey>{tr('Quyết định', 'Decided by')}: </RowKey>
                {i.decidingBodyName}
                {i.decisionSymbol && (
                  <Badge size="xs" variant="outline" ml={4} data-testid="inspection-decision">
                    {i.decisionSymbol}
                  </Badge>
                )}
              </div>
              <div>
                <RowKey>{tr('Thời gian', 'Window')}: </RowKey>
                {windowText(i, l)}
              </div>
              <div>
                <InspectionStateBadge state={i.state} size="xs" />
              </div>
            </Row>
          ))}
        </RowTable>
      )}
    </Stack>
  );
}

interface ItemChoice {
  id: string;
  label: string;
  title: string;
  kind: string | null;
  targets: Target[];
}

/** The items of the organization's inspection programs of the year: an inspection may carry one out. */
function useInspectionItems(orgId: string, year: number): ItemChoice[] {
  const { data } = useApi<ProgramListItem[]>(
    `/programs?orgId=${encodeURIComponent(orgId)}&year=${year}&kind=inspection`,
  );
  const [items, setItems] = useState<ItemChoice[]>([]);
  useEffect(() => {
    if (!data) return;
    let live = true;
    Promise.all(data.filter((p) => p.state !== 'cancelled').map((p) => api<Program>('GET', `/programs/${p.id}`))).then(
      (ps) =>
        live &&
        setItems(
          ps.flatMap((p) =>
            p.itemsDetail.map((it) => ({
              id: it.id,
              label: `${p.symbol ?? p.title} — ${it.position}. ${it.title}`,
              title: it.title,
              kind: it.inspectionKind,
              targets: it.targets,
            })),
          ),
        ),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [data]);
  return items;
}

function CreateInspectionForm({ orgId, year, onCancel }: { orgId: string; year: number; onCancel: () => void }) {
  const [l, tr] = useTr();
  const { org, deciding } = useTaskOrg(orgId);
  const people = useTeamPeople(org);
  const items = useInspectionItems(orgId, year);
  const form = useSchemaForm(
    CreateInspectionSchema,
    {
      programItemId: '',
      title: '',
      kind: 'thematic_inspection' as (typeof INSPECTION_KINDS)[number],
      decidingBody: 'BTV',
      targets: [] as Target[],
      windowFrom: '',
      windowTo: '',
      team: [
        { personId: '', role: 'leader' },
        { personId: '', role: 'member' },
      ] as TeamRow[],
    },
    (v) => ({
      orgId,
      programItemId: v.programItemId || null,
      kind: v.kind,
      title: v.title.trim(),
      decidingBody: v.decidingBody,
      targets: v.targets,
      windowFrom: v.windowFrom || null,
      windowTo: v.windowTo || null,
      team: v.team.filter((m) => m.personId),
    }),
  );
  const a = useRun<Inspection>((i) => navigate(`/inspections/${i.id}`));
  const pickItem = (id: string) => {
    const it = items.find((x) => x.id === id);
    form.setValues((v) => ({
      programItemId: id,
      ...(it && !v.title?.trim() ? { title: it.title } : {}),
      ...(it?.kind ? { kind: it.kind as (typeof INSPECTION_KINDS)[number] } : {}),
      ...(it && v.targets?.length === 0 ? { targets: it.targets } : {}),
    }));
  };
  const submit = form.submitBody((body) => void a.run(() => api<Inspection>('POST', '/inspections', body)));
  return (
    <FormCard
      title={tr('Lập cuộc kiểm tra, giám sát', 'Set up an inspection')}
      onSubmit={submit}
      formTestid="inspection-create"
    >
      {items.length > 0 && (
        <NativeSelect
          label={tr('Theo mục của chương trình kiểm tra, giám sát', 'Under an item of an inspection program')}
          value={form.values.programItemId}
          onChange={(e) => pickItem(e.currentTarget.value)}
          error={form.errors['programItemId']}
          data={[
            { value: '', label: tr('(đột xuất, ngoài chương trình)', '(unscheduled)') },
            ...items.map((x) => ({ value: x.id, label: x.label })),
          ]}
          data-testid="inspection-create-item"
        />
      )}
      <StepText form={form} path="title" testid="inspection-create-title">
        {tr('Tên cuộc kiểm tra, giám sát', 'Title')}
      </StepText>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={tr('Loại', 'Kind')}
          {...form.getInputProps('kind')}
          data={INSPECTION_KINDS.map((k) => ({ value: k, label: inspectionKindLabel(k, l) }))}
          data-testid="inspection-create-kind"
        />
        <NativeSelect
          label={tr('Cơ quan quyết định', 'Decided by')}
          {...form.getInputProps('decidingBody')}
          data={deciding.length ? deciding : [{ value: 'BTV', label: 'BTV' }]}
          data-testid="inspection-create-deciding"
        />
      </SimpleGrid>
      <TargetsAndWindow form={form} org={org} testid="inspection-create" />
      <TeamInput
        form={form}
        people={people}
        testid="inspection-create-team"
        errorTestid="inspection-create-team-error"
      />
      <Text size="xs" c="dimmed">
        {tr(
          'Đoàn cần một Trưởng đoàn và ít nhất một thành viên; có đủ đoàn, đối tượng và thời gian thì mới ra ' +
            'quyết định được.',
          'The team needs one leader and at least one member; the decision needs the team, the targets and the ' +
            'dates.',
        )}
      </Text>
      <FormEnd name="inspection-create" form={form} write={a} closable onCancel={onCancel}>
        {tr('Lập cuộc kiểm tra, giám sát', 'Set it up')}
      </FormEnd>
    </FormCard>
  );
}
