import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  BRIEFING_TASK_STATE_LABELS,
  defaultBriefingPeriod,
  parseReviewPeriod,
  periodsOfYear,
  todayInVietnam,
} from '@quyche/core';
import type { BriefingSchema, BriefingTaskState } from '@quyche/core';
import type { z } from 'zod';
import { useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import type { Lang } from '../../app/ui/i18n';
import { useTaskAccess } from '../task/task.parts';
import { fmtNum, ReviewLink } from './review.parts';
import { PageHeader } from '../../app/ui/page-header';
import { LoadState } from '../../app/ui/load-state';

type Briefing = z.infer<typeof BriefingSchema>;
type Unit = Briefing['units'][number];
type Counts = Unit['tasksLed']['counts'];

/**
 * Giao ban các ban tham mưu, giúp việc: a card per advisory unit for a quarter or half-year — what is overdue at the
 * period's end first, the tasks it led and supported with where each stood, what it presented to the BTV and the TT,
 * and its work with the other units. Each task opens its page, each presented item its meeting.
 */
export function BriefingPage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const { home } = useTaskAccess();
  const orgId = query.get('org') ?? home;
  const period = spanOf(query.get('period')) ? query.get('period')! : defaultBriefingPeriod(todayInVietnam());
  const span = spanOf(period)!;
  const url = orgId ? `/organizations/${encodeURIComponent(orgId)}/briefing?from=${span.from}&to=${span.to}` : null;
  const { data: b, error, loading } = useApi<Briefing>(url);
  const heading = tr('Giao ban các ban tham mưu', 'Briefing of the advisory units');
  const label = l === 'vi' ? span.label_vi : span.label_en;
  useTitle(`${heading} — ${label}`);
  const go = (p: string) =>
    navigate(
      `/reviews/briefing?${new URLSearchParams({ ...(orgId ? { org: orgId } : {}), period: p }).toString()}`,
      true,
    );
  return (
    <Stack>
      <PageHeader
        title={`${heading} — ${label}`}
        sub={
          b && (
            <>
              {b.orgName} · {tr('từ', 'from')} {fmt(b.from)} {tr('đến', 'to')} {fmt(b.to)}
              {b.asOf < b.to ? ` · ${tr('tình trạng đến ngày', 'standing as of')} ${fmt(b.asOf)}` : ''}
            </>
          )
        }
        subTestid="briefing-heading"
      >
        <Select
          label={tr('Kỳ giao ban', 'Period')}
          data={briefingPeriodOptions(l)}
          value={period}
          onChange={(v) => v && go(v)}
          allowDeselect={false}
          w={220}
          data-testid="briefing-period"
          comboboxProps={{ withinPortal: true }}
        />
        {orgId && (
          <ReviewLink orgId={orgId} period={period}>
            {tr('Sơ kết, tổng kết', 'Reviews')}
          </ReviewLink>
        )}
      </PageHeader>
      <LoadState error={error} loading={loading && !b} empty={!!b && b.units.length === 0}>
        {tr(
          'Tổ chức không có cơ quan tham mưu, giúp việc nào trong kỳ này.',
          'The organization has no advisory unit in this period.',
        )}
      </LoadState>
      {b && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {b.units.map((u) => (
            <UnitCard
              key={u.bodyId}
              u={u}
              l={l}
              overdueTitle={
                b.asOf < b.to
                  ? `${tr('Quá hạn đến ngày', 'Overdue as of')} ${fmt(b.asOf)}`
                  : tr('Quá hạn cuối kỳ', 'Overdue at the end of the period')
              }
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The quarter or half-year a code names (null when it names neither). */
function spanOf(code: string | null) {
  if (!code || !/^\d{4}-[QH]\d$/.test(code)) return null;
  try {
    return parseReviewPeriod(code, { today: '9999-12-31' });
  } catch {
    return null;
  }
}

/** Quarters and half-years of this year and the two before, those begun. */
function briefingPeriodOptions(l: Lang, today = todayInVietnam()) {
  const year = Number(today.slice(0, 4));
  return [year, year - 1, year - 2].map((y) => ({
    group: String(y),
    items: periodsOfYear(y, today)
      .filter((p) => p.kind === 'quarter' || p.kind === 'half')
      .reverse()
      .map((p) => ({ value: p.code, label: l === 'vi' ? p.label_vi : p.label_en })),
  }));
}

const stateColor: Record<BriefingTaskState, string> = {
  overdue: 'red',
  open: 'blue',
  reported: 'grape',
  done_late: 'orange',
  done_on_time: 'green',
  closed: 'gray',
};

function StateBadge({ state, l }: { state: BriefingTaskState; l: Lang }) {
  return (
    <Badge
      color={stateColor[state]}
      variant="light"
      tt="none"
      size="sm"
      style={{ whiteSpace: 'normal', height: 'auto' }}
    >
      {BRIEFING_TASK_STATE_LABELS[state][l]}
    </Badge>
  );
}

const COUNT_PARTS: { key: keyof Omit<Counts, 'total'>; vi: string; en: string }[] = [
  { key: 'overdue', vi: 'quá hạn', en: 'overdue' },
  { key: 'open', vi: 'đang thực hiện, còn hạn', en: 'open' },
  { key: 'reported', vi: 'chờ nghiệm thu', en: 'awaiting acceptance' },
  { key: 'doneLate', vi: 'hoàn thành chậm', en: 'done late' },
  { key: 'doneOnTime', vi: 'hoàn thành đúng hạn', en: 'done on time' },
  { key: 'closed', vi: 'đã hủy, chuyển giao', en: 'cancelled or transferred' },
];

/** "Chủ trì 6 nhiệm vụ: 1 quá hạn · 2 đang thực hiện, còn hạn · 3 hoàn thành đúng hạn". */
function CountsLine({ label, counts, l, testid }: { label: string; counts: Counts; l: Lang; testid: string }) {
  const parts = COUNT_PARTS.filter((p) => counts[p.key] > 0);
  return (
    <Text
      size="sm"
      data-testid={testid}
      data-total={counts.total}
      data-overdue={counts.overdue}
      data-open={counts.open}
      data-done-on-time={counts.doneOnTime}
      data-done-late={counts.doneLate}
    >
      <b>{label}</b> {fmtNum(counts.total, l)} {l === 'vi' ? 'nhiệm vụ' : 'tasks'}
      {parts.length > 0 ? ': ' : ''}
      {parts.map((p, i) => (
        <span
          key={p.key}
          style={p.key === 'overdue' ? { color: 'var(--mantine-color-red-8)', fontWeight: 700 } : undefined}
        >
          {i > 0 ? ' · ' : ''}
          {fmtNum(counts[p.key], l)} {l === 'vi' ? p.vi : p.en}
        </span>
      ))}
    </Text>
  );
}

/**
 * A titled list that shows its first rows and the rest on demand; an empty one is left out unless it has an `empty`
 * line.
 */
function Section<T>({
  title,
  rows,
  render,
  empty,
  testid,
  first = 5,
}: {
  title: string;
  rows: T[];
  render: (row: T) => ReactNode;
  empty?: string;
  testid: string;
  first?: number;
}) {
  const [, tr] = useTr();
  const [all, setAll] = useState(false);
  if (rows.length === 0 && !empty) return null;
  const shown = all ? rows : rows.slice(0, first);
  return (
    <section data-testid={testid}>
      <Text fw={700} size="sm" mt="xs">
        {title} ({rows.length})
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      <Stack gap={6} mt={4}>
        {shown.map(render)}
      </Stack>
      {rows.length > first && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAll((x) => !x)}>
          {all ? tr('Thu gọn', 'Show fewer') : `${tr('Xem thêm', 'Show')} ${rows.length - first}`}
        </Button>
      )}
    </section>
  );
}

const wrap = { overflowWrap: 'anywhere' as const };

function TaskLink({ id, title }: { id: string; title: string }) {
  return (
    <Anchor component={Link} to={`/tasks/${id}`} size="sm" fw={600} style={wrap}>
      {title}
    </Anchor>
  );
}

function dueText(
  t: { dueDate: string | null; dueLabel: string | null; dueMeetingDate: string | null },
  tr: (vi: string, en: string) => string,
) {
  if (t.dueDate) return `${tr('hạn', 'due')} ${fmt(t.dueDate)}`;
  if (t.dueLabel) return t.dueLabel;
  return t.dueMeetingDate
    ? `${tr('hạn: trình kỳ họp ngày', 'due at the meeting of')} ${fmt(t.dueMeetingDate)}`
    : tr('chưa có hạn', 'no deadline');
}

function UnitCard({ u, l, overdueTitle }: { u: Unit; l: Lang; overdueTitle: string }) {
  const [, tr] = useTr();
  const presented = fmtNum(u.presented.length, l);
  const task = (role: 'lead' | 'support') => (t: Unit['tasksLed']['items'][number]) => (
    <div key={t.taskId} data-testid="briefing-task" data-state={t.state}>
      <TaskLink id={t.taskId} title={t.title} />
      <Group gap={6} wrap="wrap" mt={2}>
        <StateBadge state={t.state} l={l} />
        <Text size="xs" c="dimmed" style={wrap}>
          {role === 'support' && t.leadName ? `${t.leadName} ${tr('chủ trì', 'leads')} · ` : ''}
          {dueText(t, tr)}
          {t.doneOn ? ` · ${tr('hoàn thành', 'done')} ${fmt(t.doneOn)}` : ''}
        </Text>
      </Group>
    </div>
  );
  return (
    <Card withBorder p="sm" data-testid="briefing-unit" data-unit={u.name} style={{ minWidth: 0 }}>
      <Title order={2} size="h4" style={wrap}>
        {u.name}
      </Title>
      <Stack gap={2} mt={4}>
        <CountsLine label={tr('Chủ trì', 'Leads')} counts={u.tasksLed.counts} l={l} testid="led-counts" />
        <CountsLine
          label={tr('Phối hợp', 'Supports')}
          counts={u.tasksSupported.counts}
          l={l}
          testid="supported-counts"
        />
        <Text size="sm">
          <b>{tr('Trình Ban Thường vụ, Thường trực', 'Presented to the BTV and TT')}</b> {presented}{' '}
          {tr('nội dung', 'items')}
        </Text>
      </Stack>
      <Section
        title={overdueTitle}
        rows={u.overdue}
        empty={tr('Không có nhiệm vụ quá hạn.', 'Nothing overdue.')}
        testid="briefing-overdue"
        first={10}
        render={(t) => (
          <div key={`${t.taskId}-${t.role}`} data-testid="overdue-task">
            <TaskLink id={t.taskId} title={t.title} />
            <Text size="xs" c="red.8" style={wrap}>
              {t.role === 'lead'
                ? tr('Chủ trì', 'Leads')
                : `${tr('Phối hợp', 'Supports')}${t.leadName ? ` (${t.leadName} ${tr('chủ trì', 'leads')})` : ''}`}{' '}
              · {dueText(t, tr)}
              {t.daysOverdue !== null
                ? ` · ${tr('quá hạn', 'overdue by')} ${fmtNum(t.daysOverdue, l)} ${tr('ngày', 'days')}`
                : ''}
            </Text>
          </div>
        )}
      />
      <Section
        title={tr('Nhiệm vụ chủ trì', 'Tasks led')}
        rows={u.tasksLed.items}
        testid="briefing-led"
        render={task('lead')}
      />
      <Section
        title={tr('Nhiệm vụ phối hợp', 'Tasks supported')}
        rows={u.tasksSupported.items}
        testid="briefing-supported"
        render={task('support')}
      />
      <Section
        title={tr('Nội dung trình Ban Thường vụ, Thường trực', 'Presented to the BTV and TT')}
        rows={u.presented}
        testid="briefing-presented"
        render={(p) => (
          <div key={p.agendaItemId} data-testid="presented-item">
            <Anchor component={Link} to={`/meetings/${p.meetingId}`} size="sm" fw={600} style={wrap}>
              {p.agendaItemTitle}
            </Anchor>
            <Text size="xs" c="dimmed" style={wrap}>
              {p.bodyName} · {fmt(p.meetingDate)}
            </Text>
          </div>
        )}
      />
      <Section
        title={tr('Phối hợp với các ban', 'Work with the other units')}
        rows={u.coordination}
        testid="briefing-coordination"
        render={(c) => (
          <div key={`${c.taskId}-${c.otherUnitId}`} data-testid="coordination-task">
            <TaskLink id={c.taskId} title={c.title} />
            <Group gap={6} wrap="wrap" mt={2}>
              <StateBadge state={c.state} l={l} />
              <Text size="xs" c="dimmed" style={wrap}>
                {c.role === 'lead'
                  ? `${tr('Chủ trì', 'Leads')}; ${c.otherUnit} ${tr('phối hợp', 'supports')}`
                  : `${tr('Phối hợp', 'Supports')}; ${c.otherUnit} ${tr('chủ trì', 'leads')}`}
              </Text>
            </Group>
          </div>
        )}
      />
    </Card>
  );
}
