import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { describeDue, TASK_SOURCE_KINDS } from '@quyche/core';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import type { Me } from '../../app/session';
import { ErrorView } from '../../app/ui/error-view';
import { Dialog } from '../../app/ui/dialog';
import { TitledCard } from '../../app/ui/shared-section-card';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { TaskForm } from './task-form';
import { TaskImportModal } from './task-import';
import { TaskNav } from './task.nav';
import {
  dueText,
  groupedLeads,
  PercentBar,
  qs,
  sourceKindLabel,
  STATE_FILTERS,
  StatusBadges,
  useAsOf,
  useTaskAccess,
  useTaskOrg,
} from './task.parts';
import { apiError } from '../../app/ui/use-run';
import type { PendingActionItem, Task, TaskListItem, TaskPage } from './task.parts';
import { useSearchText } from '../../app/ui/search-text';
import { RowKey, RowMain, RowTable, StateRow } from '../../app/ui/row-table';
import { LoadState } from '../../app/ui/load-state';
import { ToggleButton } from '../../app/ui/toggle-button';
import { WriteError } from '../../app/ui/write-error';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['state', 'source', 'lead', 'supervisor', 'from', 'to', 'q', 'sort', 'mine'] as const;

/** The tasks: filters kept in the address, a search with or without diacritics, pages; writers assign new ones. */
export function TaskListPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = useAsOf(query);
  const access = useTaskAccess();
  const me = useApi<Me>('/auth/me').data;
  const { leads, members } = useTaskOrg(access.home);
  const f = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? ''])) as Record<
    (typeof FILTER_KEYS)[number],
    string
  >;
  const page = Math.max(1, Number(query.get('page')) || 1);
  useTitle(tr('Nhiệm vụ', 'Tasks'));

  const go = (patch: Partial<Record<(typeof FILTER_KEYS)[number] | 'page' | 'create' | 'pick', string>>) => {
    // The address as it is now (a delayed search must not undo a filter chosen meanwhile).
    const next: Record<string, string> = Object.fromEntries(new URLSearchParams(location.search));
    // Any change of a filter goes back to the first page.
    if (!('page' in patch)) delete next['page'];
    Object.assign(next, patch);
    if (next['page'] === '1') delete next['page'];
    navigate(`/tasks${qs(next)}`, true);
  };
  // The list opens on what is still to do (open, overdue first by due date); a search looks through every state.
  const state = f.state || (f.q ? 'all' : 'open');
  const filters = {
    state: state === 'all' ? '' : state,
    mine: f.mine === '1' ? '1' : '',
    sourceKind: f.source,
    leadId: f.lead,
    supervisorPersonId: f.supervisor,
    dueFrom: f.from,
    dueTo: f.to,
    q: f.q,
    sort: f.sort || 'due',
    asOf,
  };
  const url = `/tasks${qs({ ...filters, page, pageSize: PAGE_SIZE })}`;
  const { data, error, loading, reload } = useApi<TaskPage>(url);
  const [importing, setImporting] = useState(false);
  // The search runs while typing, once the typing pauses.
  const [text, setText] = useSearchText(f.q, (x) => go({ q: x }));
  const creating = query.get('create') === '1';
  const picking = query.get('pick') === 'conclusions';
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && f[k]);

  return (
    <Stack data-testid="task-list-page">
      <Group justify="space-between" wrap="wrap" align="end">
        <Title order={1} size="h2">
          {tr('Nhiệm vụ', 'Tasks')}
        </Title>
        {access.canCreate && (
          <Group gap="xs" wrap="wrap">
            <ToggleButton
              open={creating}
              onToggle={(open) => go({ create: open ? '1' : '', page: String(page) })}
              testid="task-create-open"
            >
              {tr('Giao nhiệm vụ', 'Assign a task')}
            </ToggleButton>
            <Button
              variant="light"
              onClick={() => go({ pick: 'conclusions', page: String(page) })}
              data-testid="from-conclusion-open"
            >
              {tr('Từ kết luận', 'From a conclusion')}
            </Button>
            <Button variant="light" onClick={() => setImporting(true)} data-testid="task-import-open">
              {tr('Nhập từ Excel', 'Import from Excel')}
            </Button>
          </Group>
        )}
      </Group>
      <TaskNav />
      {access.canCreate && creating && access.home && (
        <TitledCard title={tr('Giao nhiệm vụ "6 rõ"', 'Assign a task with the 6 clear points')} testid="task-create">
          <Text size="sm" c="dimmed" mb="sm">
            {tr(
              'Mỗi nhiệm vụ phải rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ thẩm quyền, rõ sản phẩm (Kết ' +
                'luận 226-KL/TW); chỉ một đơn vị chủ trì, các đơn vị khác là phối hợp.',
              'Each task states who, what, when, who is accountable, the deciding level and the product (Conclusion ' +
                '226-KL/TW); exactly one lead unit.',
            )}
          </Text>
          <TaskForm orgId={access.home} onCancel={() => go({ create: '', page: String(page) })} />
        </TitledCard>
      )}
      {access.canCreate && access.home && (
        <TaskImportModal
          opened={importing}
          orgId={access.home}
          onClose={() => setImporting(false)}
          onImported={reload}
        />
      )}
      {access.canCreate && access.home && (
        <FromConclusionModal
          opened={picking}
          orgId={access.home}
          meetingId={query.get('meeting')}
          onClose={() => go({ pick: '', page: String(page) })}
        />
      )}
      <Card withBorder p="sm" data-testid="task-filters">
        <Stack gap="xs">
          <TextInput
            label={tr('Tìm nhiệm vụ', 'Search tasks')}
            placeholder={tr(
              'Tên nhiệm vụ, đơn vị chủ trì, văn bản — có dấu hoặc không dấu',
              'Title, lead, source — with or without diacritics',
            )}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && go({ q: text.trim() })}
            data-testid="task-search"
            type="search"
          />
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <NativeSelect
              label={tr('Trạng thái', 'State')}
              value={state}
              onChange={(e) => go({ state: e.currentTarget.value })}
              data={STATE_FILTERS.map((s) => ({ value: s.value, label: s[l] }))}
              data-testid="filter-state"
            />
            <NativeSelect
              label={tr('Nguồn nhiệm vụ', 'Source')}
              value={f.source}
              onChange={(e) => go({ source: e.currentTarget.value })}
              data={[
                { value: '', label: tr('Mọi nguồn', 'Any source') },
                ...TASK_SOURCE_KINDS.map((k) => ({ value: k, label: sourceKindLabel(k, l) })),
              ]}
              data-testid="filter-source"
            />
            <NativeSelect
              label={tr('Đơn vị chủ trì', 'Lead unit')}
              value={f.lead}
              onChange={(e) => go({ lead: e.currentTarget.value })}
              data={[{ value: '', label: tr('Mọi đơn vị', 'Any unit') }, ...groupedLeads(leads, l)]}
              data-testid="filter-lead"
            />
            <NativeSelect
              label={tr('Ủy viên BTV theo dõi', 'Supervising member')}
              value={f.supervisor}
              onChange={(e) => go({ supervisor: e.currentTarget.value })}
              data={[{ value: '', label: tr('Mọi Ủy viên', 'Any member') }, ...members]}
              data-testid="filter-supervisor"
            />
          </SimpleGrid>
          <Group gap="xs" align="end" wrap="wrap">
            {/* The two ends of the due dates' window, the same field for each. */}
            {(
              [
                ['from', tr('Hạn từ ngày', 'Due from')],
                ['to', tr('đến ngày', 'to')],
              ] as const
            ).map(([end, label]) => (
              <DateField
                key={end}
                label={label}
                value={f[end]}
                onChange={(v) => go({ [end]: v })}
                testid={`filter-${end}`}
                w={112}
              />
            ))}
            <NativeSelect
              label={tr('Sắp xếp', 'Sort')}
              value={f.sort || 'due'}
              onChange={(e) => go({ sort: e.currentTarget.value === 'due' ? '' : e.currentTarget.value })}
              data={[
                { value: 'due', label: tr('Theo hạn', 'By due date') },
                { value: 'updated', label: tr('Mới cập nhật', 'Recently updated') },
                { value: 'title', label: tr('Theo tên', 'By title') },
              ]}
              data-testid="filter-sort"
              w={150}
            />
            {(me?.user.personId || f.mine) && (
              <Checkbox
                label={tr('Chỉ việc của tôi (chủ trì, phối hợp, theo dõi)', 'Only mine (lead, support, supervise)')}
                checked={f.mine === '1'}
                onChange={(e) => go({ mine: e.currentTarget.checked ? '1' : '' })}
                data-testid="filter-mine"
                mb={8}
              />
            )}
            {filtered && (
              <Button
                variant="subtle"
                size="sm"
                onClick={() => navigate(`/tasks${qs({ asOf: query.get('asOf') })}`, true)}
                data-testid="filter-clear"
              >
                {tr('Bỏ lọc', 'Clear filters')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <Stack gap="xs">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed" data-testid="task-total" data-total={data.total}>
              {l === 'vi' ? `${data.total} nhiệm vụ` : `${data.total} task${data.total === 1 ? '' : 's'}`}
              {` · ${tr('tình trạng tại ngày', 'status as of')} ${fmt(asOf)}`}
            </Text>
            {data.total > 0 && (
              <Text size="sm" c="dimmed">
                {tr('Tải danh sách đã lọc', 'Download the filtered list')}:{' '}
                <Anchor href={`/api/v1/tasks/export.xlsx${qs(filters)}`} size="sm" data-testid="task-export-xlsx">
                  Excel
                </Anchor>
                {' · '}
                <Anchor href={`/api/v1/tasks/export.csv${qs(filters)}`} size="sm" data-testid="task-export-csv">
                  CSV
                </Anchor>
              </Text>
            )}
          </Group>
          {data.items.length === 0 ? (
            <Text c="dimmed" data-testid="task-none">
              {tr('Không có nhiệm vụ nào phù hợp', 'No matching tasks')}
            </Text>
          ) : (
            <RowTable
              columns="minmax(0, 3.2fr) minmax(0, 1.5fr) minmax(0, 1.2fr) minmax(0, 1.2fr) minmax(0, 1fr)"
              className="qc-task-table"
              testid="task-rows"
              head={[
                tr('Nhiệm vụ', 'Task'),
                tr('Chủ trì', 'Lead'),
                tr('Hạn', 'Due'),
                tr('Tình trạng', 'Status'),
                tr('Tiến độ', 'Progress'),
              ]}
            >
              {data.items.map((t) => (
                <TaskRow key={t.id} t={t} />
              ))}
            </RowTable>
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => go({ page: String(p) })}
              size="sm"
              siblings={1}
              data-testid="task-pages"
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}

function TaskRow({ t }: { t: TaskListItem }) {
  const [l, tr] = useTr();
  return (
    <StateRow testid="task-row" id={t.id} state={t.state} overdue={t.status.overdue}>
      <RowMain
        title={t.title}
        to={`/tasks/${t.id}`}
        testid="task-link"
        sub={
          <>
            {t.sourceLabel ? `${t.sourceLabel} · ` : ''}
            {sourceKindLabel(t.sourceKind, l)}
          </>
        }
        subTestid="task-source"
      />
      <div>
        <RowKey>{tr('Chủ trì', 'Lead')}: </RowKey>
        <span data-testid="task-lead">{t.lead?.name ?? <i>{tr('chưa có', 'none')}</i>}</span>
      </div>
      <div className={t.status.overdue ? 'qc-red' : undefined}>
        <RowKey>{tr('Hạn', 'Due')}: </RowKey>
        <span data-testid="task-due">{dueText(t, l)}</span>
      </div>
      <div>
        <StatusBadges t={t} size="xs" />
      </div>
      <div>
        <PercentBar percent={t.percent} overdue={t.status.overdue} />
      </div>
    </StateRow>
  );
}

/**
 * "Từ kết luận": the action items of the organization's conclusions that no task follows yet
 * (GET /conclusion-items), each made a task in one click; the task keeps the conclusion's 6 rõ.
 */
function FromConclusionModal({
  opened,
  orgId,
  meetingId,
  onClose,
}: {
  opened: boolean;
  orgId: string;
  meetingId: string | null;
  onClose: () => void;
}) {
  const [, tr] = useTr();
  const { data, error, loading, reload } = useApi<PendingActionItem[]>(
    opened ? `/conclusion-items?orgId=${encodeURIComponent(orgId)}` : null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: string; error: ApiError } | null>(null);
  const items = (data ?? []).filter((x) => !meetingId || x.meetingId === meetingId);
  const make = async (id: string) => {
    setBusy(id);
    setFailed(null);
    try {
      const t = await api<Task>('POST', `/conclusion-items/${id}/task`, {});
      navigate(`/tasks/${t.id}`);
    } catch (e) {
      setFailed({ id, error: apiError(e) });
      reload();
    } finally {
      setBusy(null);
    }
  };
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={tr('Tạo nhiệm vụ từ kết luận', 'Make a task from a conclusion')}
      size="lg"
    >
      <Stack gap="xs" data-testid="from-conclusion">
        <Text size="sm" c="dimmed">
          {tr(
            'Các nhiệm vụ giao trong thông báo kết luận, kết luận chưa được theo dõi thành nhiệm vụ. Nhiệm vụ tạo ra ' +
              'giữ nguyên "6 rõ" của kết luận.',
            'Action items of conclusions not followed as tasks yet. The task keeps the 6 clear points of the ' +
              'conclusion.',
          )}
        </Text>
        {loading && !data && <Loading />}
        {error && <ErrorView error={error} />}
        {data && items.length === 0 && (
          <Text size="sm" data-testid="from-conclusion-none">
            {tr(
              'Mọi nhiệm vụ giao trong các kết luận đã được theo dõi.',
              'Every action item of the conclusions is followed already.',
            )}
          </Text>
        )}
        {items.map((it) => (
          <Card key={it.id} withBorder p="sm" data-testid="pending-item" data-id={it.id}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light">{it.conclusionSymbol}</Badge>
                <Text size="xs" c="dimmed">
                  {tr('ngày', 'of')} {fmt(it.issuedOn)} ·{' '}
                  <Anchor component={Link} to={`/meetings/${it.meetingId}`} size="xs">
                    {it.meetingTitle}
                  </Anchor>
                </Text>
              </Group>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="pending-text">
                {it.text}
              </Text>
              <Text size="xs" c="dimmed">
                {tr('Chủ trì', 'Lead')}: {it.leads.map((x) => x.name).join(', ') || tr('chưa có', 'none')}
                {(it.dueDate || it.dueLabel) &&
                  ` · ${tr('Hạn', 'Due')}: ${describeDue({ date: it.dueDate, label: it.dueLabel })}`}
              </Text>
              {failed?.id === it.id && <WriteError error={failed.error} testid="from-conclusion-error" />}
              <Group>
                <Button
                  size="xs"
                  onClick={() => void make(it.id)}
                  loading={busy === it.id}
                  disabled={busy !== null && busy !== it.id}
                  data-testid="pending-make"
                >
                  {tr('Tạo nhiệm vụ', 'Make a task')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Dialog>
  );
}
