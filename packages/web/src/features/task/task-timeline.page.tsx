import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { LegendEntries } from '../../app/ui/legend';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import type { MeetingListItem } from '../../app/types';
import { TaskNav } from './task.nav';
import { dueText, monthShort, qs, sourceKindLabel, taskStateLabel, useAsOf } from './task.parts';
import { apiError } from '../../app/ui/use-run';
import type { TaskListItem, TaskPage } from './task.parts';

/** At most this many open tasks are drawn, those due first. */
const MAX_TASKS = 200;

const dayNo = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

interface Bar {
  t: TaskListItem;
  start: string;
  due: string | null;
  /** The due date of the extension in force, drawn lighter after the original due date. */
  ext: string | null;
  atMeeting: boolean;
}

/**
 * A Gantt-like timeline of the open tasks, grouped by their source (programs, conclusions): a bar from the
 * assignment to the due date, the extension lighter, overdue bars red, the line of today; months of one year.
 */
export function TaskTimelinePage() {
  const [l, tr] = useTr();
  const { query } = useLocation();
  const asOf = useAsOf(query);
  const y = Number(query.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(asOf.slice(0, 4));
  useTitle(tr('Tiến độ nhiệm vụ theo thời gian', 'Task timeline'));
  const { data: list, error: listError } = useApi<TaskPage>(
    `/tasks${qs({ state: 'open', asOf, sort: 'due', pageSize: MAX_TASKS })}`,
  );
  const [tasks, setTasks] = useState<TaskListItem[] | null>(null);
  const [meetingDates, setMeetingDates] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!list) return;
    let live = true;
    (async () => {
      try {
        // The list items carry the assignment date and the due meeting: a task due at a meeting ends on its date.
        const orgs = [...new Set(list.items.filter((t) => t.dueMeetingId && !t.dueDate).map((t) => t.orgId))];
        const dates = new Map<string, string>();
        for (const o of orgs) {
          const ms = await api<MeetingListItem[]>(
            'GET',
            `/meetings?orgId=${o}&from=${year - 1}-01-01&to=${year + 1}-12-31`,
          );
          for (const m of ms) dates.set(m.id, m.meetingDate);
        }
        if (live) {
          setTasks(list.items);
          setMeetingDates(dates);
        }
      } catch (e) {
        if (live) setError(apiError(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [list, year]);

  const groups = useMemo(() => {
    const collator = new Intl.Collator('vi');
    const bars: Bar[] = (tasks ?? []).map((t) => {
      const meetingDue = t.dueMeetingId && !t.dueDate ? (meetingDates.get(t.dueMeetingId) ?? null) : null;
      const due = t.dueDate ?? meetingDue;
      return { t, start: t.assignedOn ?? due ?? asOf, due, ext: t.extendedTo, atMeeting: !!meetingDue };
    });
    const by = new Map<string, Bar[]>();
    for (const b of bars) {
      const k = b.t.sourceLabel ?? '';
      by.set(k, [...(by.get(k) ?? []), b]);
    }
    return [...by.entries()].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : collator.compare(a[0], b[0])));
  }, [tasks, meetingDates, asOf]);

  const y0 = dayNo(`${year}-01-01`);
  const span = dayNo(`${year + 1}-01-01`) - y0;
  const pos = (iso: string) => Math.max(0, Math.min(1, (dayNo(iso) - y0) / span)) * 100;
  const todayIn = asOf.slice(0, 4) === String(year);
  const months = Array.from({ length: 12 }, (_, i) => {
    const from = `${year}-${String(i + 1).padStart(2, '0')}-01`;
    const to = i === 11 ? `${year + 1}-01-01` : `${year}-${String(i + 2).padStart(2, '0')}-01`;
    return { m: i + 1, left: pos(from), width: pos(to) - pos(from) };
  });
  const go = (yy: number) => navigate(`/tasks/timeline${qs({ year: yy, asOf: query.get('asOf') })}`, true);

  return (
    <Stack>
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={1} size="h2">
          {tr('Tiến độ nhiệm vụ theo thời gian', 'Task timeline')} {year}
        </Title>
        <Group gap={4}>
          <Button
            size="xs"
            variant="light"
            onClick={() => go(year - 1)}
            aria-label={tr('Năm trước', 'Previous year')}
            data-testid="tl-prev"
          >
            ‹ {year - 1}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => go(year + 1)}
            aria-label={tr('Năm sau', 'Next year')}
            data-testid="tl-next"
          >
            {year + 1} ›
          </Button>
        </Group>
      </Group>
      <TaskNav />
      <Group gap="md" wrap="wrap" className="qc-tl-legend">
        <LegendEntries
          entries={[
            ['qc-tl-swatch qc-tl-bar', tr('Từ ngày giao đến hạn', 'Assigned to due')],
            ['qc-tl-swatch qc-tl-done', tr('Phần đậm: tiến độ đã đạt', 'Darker: progress made')],
            ['qc-tl-swatch qc-tl-ext', tr('Thời gian gia hạn', 'Extension')],
            ['qc-tl-swatch qc-tl-bar qc-overdue', tr('Quá hạn', 'Overdue')],
            [
              'qc-tl-swatch qc-tl-today-swatch',
              <>
                {tr('Hôm nay', 'Today')} {fmt(asOf)}
              </>,
            ],
          ]}
        />
      </Group>
      {(listError || error) && <ErrorView error={(listError ?? error)!} />}
      {!tasks && !listError && !error && <Loading />}
      {tasks && tasks.length === 0 && <Text c="dimmed">{tr('Không có nhiệm vụ đang mở', 'No open tasks')}</Text>}
      {tasks && tasks.length > 0 && (
        <Card withBorder p="xs" data-testid="timeline" data-year={year}>
          <div className="qc-tl">
            <div className="qc-tl-row qc-tl-scale">
              <div className="qc-tl-label" />
              <div className="qc-tl-track">
                {months.map((m) => (
                  <span key={m.m} className="qc-tl-month" style={{ left: `${m.left}%`, width: `${m.width}%` }}>
                    {monthShort(m.m, l)}
                  </span>
                ))}
              </div>
            </div>
            {groups.map(([label, bars]) => (
              <div key={label} className="qc-tl-group" data-testid="tl-group" data-label={label}>
                <div className="qc-tl-group-title">
                  {label || tr('Không ghi nguồn', 'No source')}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    · {sourceKindLabel(bars[0]!.t.sourceKind, l)} ·{' '}
                    {l === 'vi' ? `${bars.length} nhiệm vụ` : `${bars.length} task${bars.length === 1 ? '' : 's'}`}
                  </Text>
                </div>
                {bars.map((b) => {
                  const overdue = b.t.status.overdue;
                  const end = b.due ?? b.start;
                  const visible = b.start <= `${year}-12-31` && end >= `${year}-01-01`;
                  const left = pos(b.start);
                  const right = pos(end);
                  return (
                    <div
                      key={b.t.id}
                      className="qc-tl-row"
                      data-testid="tl-row"
                      data-id={b.t.id}
                      data-overdue={String(overdue)}
                      data-start={b.start}
                      data-end={b.due ?? ''}
                      data-extended-to={b.ext ?? ''}
                    >
                      <div className="qc-tl-label">
                        <Anchor component={Link} to={`/tasks/${b.t.id}`} size="xs" fw={600} className="qc-tl-title">
                          {b.t.title}
                        </Anchor>
                        <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} className="qc-tl-sub">
                          {b.t.lead?.name ?? ''} · {taskStateLabel(b.t.state, l)} ·{' '}
                          {b.atMeeting
                            ? `${fmt(b.due)} (${b.t.dueLabel ?? tr('tại kỳ họp', 'at a meeting')})`
                            : dueText(b.t, l)}
                        </Text>
                      </div>
                      <div className="qc-tl-track">
                        {months.map((m) => (
                          <span key={m.m} className="qc-tl-grid" style={{ left: `${m.left}%` }} />
                        ))}
                        {b.due && visible && (
                          <span
                            className={
                              `qc-tl-bar${overdue ? ' qc-overdue' : ''}` +
                              `${b.t.state === 'reported' ? ' qc-reported' : ''}`
                            }
                            style={{ left: `${left}%`, width: `${Math.max(0.6, right - left)}%` }}
                            title={`${b.t.title}: ${fmt(b.start)} – ${fmt(b.due)}`}
                            data-testid="tl-bar"
                          >
                            <span className="qc-tl-fill" style={{ width: `${Math.min(100, b.t.percent)}%` }} />
                          </span>
                        )}
                        {b.due && b.ext && b.ext > b.due && (
                          <span
                            className="qc-tl-ext"
                            style={{ left: `${pos(b.due)}%`, width: `${Math.max(0.4, pos(b.ext) - pos(b.due))}%` }}
                            title={`${tr('Gia hạn đến', 'Extended to')} ${fmt(b.ext)}`}
                            data-testid="tl-ext"
                          />
                        )}
                        {overdue && todayIn && (b.ext ?? b.due) && (
                          <span
                            className="qc-tl-late"
                            style={{
                              left: `${pos((b.ext ?? b.due)!)}%`,
                              width: `${Math.max(0, pos(asOf) - pos((b.ext ?? b.due)!))}%`,
                            }}
                            title={tr('Quá hạn', 'Overdue')}
                            data-testid="tl-late"
                          />
                        )}
                        {!b.due && (
                          <span className="qc-tl-nodue" style={{ left: `${pos(b.start)}%` }}>
                            {tr('chưa có hạn', 'no deadline')}
                          </span>
                        )}
                        {todayIn && (
                          <span className="qc-tl-today" style={{ left: `${pos(asOf)}%` }} data-testid="tl-today" />
                        )}
                      </div>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {list && list.total > list.items.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {tr(
                `Hiển thị ${list.items.length}/${list.total} nhiệm vụ đang mở có hạn sớm nhất.`,
                `Showing the ${list.items.length} of ${list.total} open tasks due first.`,
              )}
            </Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
