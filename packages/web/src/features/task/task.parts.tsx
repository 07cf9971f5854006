import { Badge, Group, Progress, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { describeDue, TASK_SOURCE_LABELS, TASK_STATE_LABELS, todayInVietnam, isIsoDate } from '@quyche/core';
import { useApi } from '../../app/api';
import { useRun } from '../../app/ui/use-run';
import { fmt } from '../../app/ui/dates';
import type { Lang } from '../../app/ui/i18n';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import type { BodyDetail, Me, OrgDetail, Task, TaskListItem } from '../../app/types';
import './task.css';
import { useSubtrees } from '../../app/subtrees';
import type { Labels } from '../../app/ui/labels';
import { StateBadge } from '../../app/ui/state-badge';
import type { StateBadgeProps } from '../../app/ui/state-badge';

export type { BodyDetail, Coverage, PendingActionItem, Task, TaskDashboard, TaskListItem } from '../../app/types';
export interface TaskPage {
  items: TaskListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export const taskStateLabel = (s: string, l: Lang) => labelOf(TASK_STATE_LABELS as Labels, s, l);
export const sourceKindLabel = (s: string, l: Lang) => labelOf(TASK_SOURCE_LABELS as Labels, s, l);

/** One colour per state, the same in the list, the board and the task's page. */
export const TASK_STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  assigned: 'blue',
  in_progress: 'cyan',
  reported: 'grape',
  done: 'green',
  cancelled: 'dark',
  transferred: 'yellow',
};

/** The states a list can be filtered by, with the two derived ones ("open", "overdue") first. */
export const STATE_FILTERS: { value: string; vi: string; en: string }[] = [
  { value: 'all', vi: 'Tất cả trạng thái', en: 'All states' },
  { value: 'open', vi: 'Tất cả đang mở', en: 'All open' },
  { value: 'overdue', vi: 'Quá hạn', en: 'Overdue' },
  { value: 'draft', vi: 'Dự thảo', en: 'Draft' },
  { value: 'assigned', vi: 'Đã giao', en: 'Assigned' },
  { value: 'in_progress', vi: 'Đang thực hiện', en: 'In progress' },
  { value: 'reported', vi: 'Đã báo cáo, chờ nhận kết quả', en: 'Reported, awaiting acceptance' },
  { value: 'done', vi: 'Hoàn thành', en: 'Done' },
  { value: 'cancelled', vi: 'Đã hủy', en: 'Cancelled' },
  { value: 'transferred', vi: 'Đã chuyển giao', en: 'Transferred' },
];

/** A step of the life cycle as a button names what it does, from where the task stands. */
export function stepLabel(from: string, to: string, l: Lang): string {
  const vi = l === 'vi';
  if (to === 'assigned') return vi ? 'Giao nhiệm vụ' : 'Assign';
  if (to === 'in_progress')
    return from === 'reported' ? (vi ? 'Trả lại' : 'Send back') : vi ? 'Bắt đầu thực hiện' : 'Start';
  if (to === 'reported') return vi ? 'Báo cáo hoàn thành' : 'Report finished';
  if (to === 'done') return vi ? 'Nhận kết quả' : 'Accept';
  if (to === 'cancelled') return vi ? 'Hủy nhiệm vụ' : 'Cancel task';
  if (to === 'transferred') return vi ? 'Chuyển giao' : 'Transfer';
  return to;
}
/** Cancelling or transferring needs a reason (the server refuses it without). */
export const needsNote = (to: string) => to === 'cancelled' || to === 'transferred';

/**
 * "Hôm nay" of the follow-up: `?asOf=` in the address (the demo's data stands on 01/12/2026), else today in Vietnam.
 */
export function useAsOf(query: URLSearchParams): string {
  const a = query.get('asOf');
  return a && isIsoDate(a) ? a : todayInVietnam();
}

export const TaskStateBadge = (p: StateBadgeProps) => (
  <StateBadge {...p} colors={TASK_STATE_COLORS} label={taskStateLabel} testid="task-state" filledOn="done" />
);

/** The state, and whether the task is overdue (red) or runs on an extension. */
export function StatusBadges({
  t,
  size = 'sm',
}: {
  t: Pick<TaskListItem, 'state' | 'status'>;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const [, tr] = useTr();
  return (
    <Group gap={4} wrap="wrap">
      <TaskStateBadge state={t.state} size={size} />
      {t.status.overdue && (
        <Badge color="red" size={size} variant="filled" data-testid="overdue-badge">
          {tr('Quá hạn', 'Overdue')}
        </Badge>
      )}
      {t.status.extended && (
        <Badge color="orange" size={size} variant="outline" data-testid="extended-badge">
          {tr('Được gia hạn', 'Extended')}
        </Badge>
      )}
    </Group>
  );
}

/** The due date in force: "31/05/2026 (gia hạn từ 30/04/2026)", or the meeting it is due at. */
export function dueText(t: Pick<TaskListItem, 'dueDate' | 'dueLabel' | 'extendedTo'>, l: Lang): string {
  if (t.extendedTo)
    return l === 'vi'
      ? `${fmt(t.extendedTo)} (gia hạn từ ${fmt(t.dueDate)})`
      : `${fmt(t.extendedTo)} (extended from ${fmt(t.dueDate)})`;
  if (t.dueDate) return fmt(t.dueDate);
  if (t.dueLabel) return describeDue({ date: null, label: t.dueLabel });
  // A task due at a meeting with no wording of it: the list does not say which meeting.
  return l === 'vi' ? 'Không có ngày hạn' : 'No due date';
}

export function PercentBar({
  percent,
  overdue,
  testid = 'task-percent',
}: {
  percent: number;
  overdue?: boolean;
  testid?: string;
}) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <Group gap={6} wrap="nowrap" data-testid={testid} data-percent={p} style={{ minWidth: 0 }}>
      <Progress
        value={p}
        color={overdue ? 'red' : p >= 100 ? 'green' : 'blue'}
        size="md"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={`${p}%`}
      />
      <Text size="xs" fw={600} w={40} ta="right">
        {Number.isInteger(p) ? p : p.toFixed(1).replace('.', ',')}%
      </Text>
    </Group>
  );
}

/** Runs one write of a form: its own error and busy flag; a version conflict (409) reloads the task. */
export const useTaskAction = (onDone: (t: Task) => void, reload: () => void) => useRun<Task>(onDone, reload);

/**
 * What the user may do with tasks, from the grants of GET /auth/me: an administrator or a clerk writes on the
 * organizations of their grant's subtree. The assigning organization moves and decides a task; its lead's
 * organization reports and asks for extensions. The server decides each write anyway (403 with its reason).
 */
export function useTaskAccess() {
  const { data: me } = useApi<Me>('/auth/me');
  const writers = useMemo(
    () => (me?.grants ?? []).filter((g) => g.role === 'admin' || g.role === 'clerk').map((g) => g.orgId),
    [me],
  );
  const subtrees = useSubtrees(writers);
  const writable = useMemo(() => subtrees ?? new Set<string>(), [subtrees]);
  /** The organization the user works for: where new tasks are assigned, whose dashboard is shown. */
  const home = writers[0] ?? me?.grants[0]?.orgId ?? null;
  const canAssign = useCallback((t: { orgId: string }) => writable.has(t.orgId), [writable]);
  const canLead = useCallback(
    (t: { orgId: string; lead: TaskListItem['lead'] }) =>
      writable.has(t.orgId) || (!!t.lead && writable.has(t.lead.id)),
    [writable],
  );
  return { me, home, canCreate: !!home && writable.has(home), canAssign, canLead };
}

/** An organization with its bodies: the units that may lead a task, the deciding levels, its BTV's members. */
export function useTaskOrg(orgId: string | null, asOf?: string) {
  const { data: org, error } = useApi<OrgDetail>(
    orgId ? `/organizations/${encodeURIComponent(orgId)}${asOf ? `?asOf=${asOf}` : ''}` : null,
  );
  const btv = org?.bodies.find((b) => b.kind === 'BTV');
  const { data: btvDetail } = useApi<BodyDetail>(btv ? `/bodies/${btv.id}${asOf ? `?asOf=${asOf}` : ''}` : null);
  const members = useMemo(() => {
    const seen = new Set<string>();
    return (btvDetail?.members ?? [])
      .filter((m) => !seen.has(m.person.id) && seen.add(m.person.id))
      .map((m) => ({ value: m.person.id, label: m.person.fullName }));
  }, [btvDetail]);
  return { org, error, members, leads: leadOptions(org), deciding: decidingOptions(org) };
}

export interface LeadOption {
  value: string;
  label: string;
  group: 'body' | 'org' | 'commune';
}
/** Units that lead tasks: the advisory bodies and the UBKT, then the party committees below (by their short name). */
export function leadOptions(org: OrgDetail | undefined): LeadOption[] {
  if (!org) return [];
  const collator = new Intl.Collator('vi');
  const bodies = org.bodies
    .filter((b) => b.kind === 'ADVISORY' || b.kind === 'UBKT')
    .map((b) => ({ value: b.id, label: b.name, group: 'body' as const }));
  const kids = org.children.map((c) => ({
    value: c.id,
    label: c.shortName ?? c.name,
    group: c.kind === 'COMMUNE_PARTY_ORG' ? ('commune' as const) : ('org' as const),
  }));
  kids.sort((a, b) => (a.group === b.group ? collator.compare(a.label, b.label) : a.group === 'org' ? -1 : 1));
  return [...bodies.sort((a, b) => collator.compare(a.label, b.label)), ...kids];
}
/** The same options grouped for a native select. */
export function groupedLeads(leads: LeadOption[], l: Lang) {
  const names = {
    body: l === 'vi' ? 'Cơ quan tham mưu, Ủy ban Kiểm tra' : 'Advisory bodies, inspection committee',
    org: l === 'vi' ? 'Đảng ủy trực thuộc' : 'Subordinate committees',
    commune: l === 'vi' ? 'Đảng ủy xã, phường' : 'Communes and wards',
  };
  return (['body', 'org', 'commune'] as const)
    .map((g) => ({
      group: names[g],
      items: leads.filter((x) => x.group === g).map(({ value, label }) => ({ value, label })),
    }))
    .filter((g) => g.items.length > 0);
}

/** The levels that decide (rõ thẩm quyền), by their code in the regulation: BCH, BTV, TT, UBKT. */
export function decidingOptions(org: OrgDetail | undefined) {
  return ['BCH', 'BTV', 'TT', 'UBKT'].flatMap((k) => {
    const b = org?.bodies.find((x) => x.kind === k);
    return b ? [{ value: k, label: b.name }] : [];
  });
}
export const decidingName = (code: string | null | undefined, org: OrgDetail | undefined) =>
  code ? (org?.bodies.find((b) => b.kind === code)?.name ?? code) : '';

/** Query string from the entries that have a value. */
export function qs(p: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Months of a year, as the axis of the timeline and of the completion chart. */
export const monthShort = (m: number, l: Lang) =>
  l === 'vi' ? `T${m}` : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]!;
export const monthLabel = (ym: string, l: Lang) => {
  const m = Number(ym.slice(5, 7));
  return l === 'vi' ? `Tháng ${m}/${ym.slice(0, 4)}` : `${monthShort(m, l)} ${ym.slice(0, 4)}`;
};
