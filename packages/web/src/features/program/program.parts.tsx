import { Badge, Button, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_STATE_LABELS,
  PROGRAM_KIND_LABELS,
  PROGRAM_SPAN_LABELS,
  PROGRAM_STATE_LABELS,
  RECOMMENDATION_SOURCE_LABELS,
  RECOMMENDATION_STATE_LABELS,
  TEAM_ROLE_LABELS,
  todayInVietnam,
} from '@quyche/core';
import type { Program } from '../../app/types';
import { useApi } from '../../app/api';
import type { Lang } from '../../app/ui/i18n';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import type { BodyDetail } from '../task/task.parts';
import './program.css';
import type { Labels } from '../../app/ui/labels';
import { StateBadge } from '../../app/ui/state-badge';
import type { StateBadgeProps } from '../../app/ui/state-badge';

export type { Inspection, Program, ProgramListItem, Recommendation } from '../../app/types';
export type ProgramItem = Program['itemsDetail'][number];

export const programKindLabel = (k: string, l: Lang) => labelOf(PROGRAM_KIND_LABELS as Labels, k, l);
export const programSpanLabel = (k: string, l: Lang) => labelOf(PROGRAM_SPAN_LABELS as Labels, k, l);
export const programStateLabel = (k: string, l: Lang) => labelOf(PROGRAM_STATE_LABELS as Labels, k, l);
export const inspectionKindLabel = (k: string | null | undefined, l: Lang) =>
  labelOf(INSPECTION_KIND_LABELS as Labels, k, l);
export const inspectionStateLabel = (k: string, l: Lang) => labelOf(INSPECTION_STATE_LABELS as Labels, k, l);
export const recStateLabel = (k: string, l: Lang) => labelOf(RECOMMENDATION_STATE_LABELS as Labels, k, l);
export const recSourceLabel = (k: string, l: Lang) => labelOf(RECOMMENDATION_SOURCE_LABELS as Labels, k, l);
const TEAM_ROLE_EN: Record<string, string> = {
  leader: 'Team leader',
  deputy: 'Deputy leader',
  member: 'Member',
  secretary: 'Secretary',
};
export const teamRoleLabel = (k: string, l: Lang) =>
  l === 'vi' ? ((TEAM_ROLE_LABELS as Record<string, string>)[k] ?? k) : (TEAM_ROLE_EN[k] ?? k);

/** The name of an item's place in a program ("Tháng 5/2026", "Quý II/2026", a meeting), in English too. */
export function periodText(p: ProgramItem['period'], l: Lang): string {
  if (l === 'vi' || !p.value || p.kind === 'meeting' || p.kind === 'date') return p.label;
  const y = p.value.slice(0, 4);
  const n = Number(p.value.slice(p.kind === 'month' ? 5 : 6));
  if (p.kind === 'month')
    return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][n - 1]} ${y}`;
  if (p.kind === 'quarter') return `Q${n} ${y}`;
  return `${n === 1 ? 'First' : 'Second'} half of ${y}`;
}

export const PROGRAM_STATE_COLORS: Record<string, string> = { draft: 'gray', adopted: 'green', cancelled: 'dark' };
export const INSPECTION_STATE_COLORS: Record<string, string> = {
  planned: 'gray',
  decided: 'blue',
  in_progress: 'cyan',
  concluded: 'orange',
  verified: 'green',
  cancelled: 'dark',
};
export const REC_STATE_COLORS: Record<string, string> = {
  received: 'blue',
  assigned: 'cyan',
  answered: 'green',
  withdrawn: 'dark',
};
/** An item's progress against the program: late red, done green. */
export const ITEM_STATUS_COLORS: Record<string, string> = {
  late: 'red',
  done: 'green',
  on_track: 'blue',
  upcoming: 'gray',
  no_task: 'gray',
};

export const ProgramStateBadge = (p: StateBadgeProps) => (
  <StateBadge {...p} colors={PROGRAM_STATE_COLORS} label={programStateLabel} testid="program-state" />
);
export const InspectionStateBadge = (p: StateBadgeProps) => (
  <StateBadge {...p} colors={INSPECTION_STATE_COLORS} label={inspectionStateLabel} testid="inspection-state" />
);
export function RecStateBadge({
  state,
  overdue,
  size = 'sm',
}: {
  state: string;
  overdue?: boolean;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const [, tr] = useTr();
  return (
    <Group gap={4} wrap="wrap">
      <StateBadge
        state={state}
        size={size}
        colors={REC_STATE_COLORS}
        label={recStateLabel}
        testid="rec-state"
        variant="light"
      />
      {overdue && (
        <Badge color="red" size={size} variant="filled" data-testid="rec-overdue-badge">
          {tr('Quá hạn', 'Overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The year a list shows (`?year=`), this year (in Vietnam) when the address names none or one out of range. */
export function yearOf(query: URLSearchParams) {
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const y = Number(query.get('year'));
  return { year: Number.isInteger(y) && y >= 1930 && y <= 2200 ? y : thisYear, thisYear };
}

/** Year buttons: the year before, this year and the next, around the chosen one. */
export function YearButtons({
  year,
  around,
  onChange,
  testid = 'year',
}: {
  year: number;
  around: number;
  onChange: (y: number) => void;
  testid?: string;
}) {
  const years = [...new Set([around - 1, around, around + 1, year])].sort((a, b) => a - b);
  return (
    <Group gap={4} wrap="wrap" data-testid={`${testid}-buttons`}>
      {years.map((y) => (
        <Button
          key={y}
          size="xs"
          variant={y === year ? 'filled' : 'light'}
          onClick={() => onChange(y)}
          data-testid={`${testid}-${y}`}
          aria-pressed={y === year}
        >
          {y}
        </Button>
      ))}
    </Group>
  );
}

/**
 * People for inspection teams: the members of the executive committee, its standing committee and the inspection
 * commission.
 */
export function useTeamPeople(org: { bodies: { id: string; kind: string }[] } | undefined) {
  const id = (k: string) => org?.bodies.find((b) => b.kind === k)?.id;
  const { data: bch } = useApi<BodyDetail>(id('BCH') ? `/bodies/${id('BCH')}` : null);
  const { data: ubkt } = useApi<BodyDetail>(id('UBKT') ? `/bodies/${id('UBKT')}` : null);
  return useMemo(() => {
    const seen = new Set<string>();
    const collator = new Intl.Collator('vi');
    return [...(ubkt?.members ?? []), ...(bch?.members ?? [])]
      .filter((m) => !seen.has(m.person.id) && seen.add(m.person.id))
      .map((m) => ({ value: m.person.id, label: m.person.fullName }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [bch, ubkt]);
}

/** Splits "A, B; C" into names. */
export const names = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * What the regulation says of the deciding body's competence, green when it may decide and red with the clause when
 * not; a program's check also names the body that is competent (`data-competent`).
 */
export function CompetenceLine({
  check,
  testid,
  lead,
}: {
  check: { ok: boolean; reason_vi: string; competent?: string | null };
  testid: string;
  lead?: ReactNode;
}) {
  return (
    <Text
      size="sm"
      c={check.ok ? 'green.9' : 'red.8'}
      data-testid={testid}
      data-ok={String(check.ok)}
      data-competent={'competent' in check ? (check.competent ?? '') : undefined}
      style={{ overflowWrap: 'anywhere' }}
    >
      {lead}
      {check.reason_vi}
    </Text>
  );
}
