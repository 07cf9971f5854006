import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { todayInVietnam } from '@quyche/core';
import { fmt, laterIso } from '../../app/ui/dates';
import { LegendEntries } from '../../app/ui/legend';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { monthShort, taskStateLabel } from '../task/task.parts';
import type { TaskListItem } from '../task/task.parts';
import { inspectionStateLabel, ITEM_STATUS_COLORS, periodText } from './program.parts';
import type { Program, ProgramItem } from './program.parts';

const dayNo = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The span the timeline draws: the program's range; an open-ended term (no end date yet) is drawn over five years
 * from its start, or up to its last item.
 */
export function ganttRange(p: Pick<Program, 'range' | 'itemsDetail'>): { from: string; to: string } {
  const from = p.range.from;
  let to = p.range.to;
  if (to > '2999-12-31') {
    const last = p.itemsDetail.reduce((m, i) => laterIso(m, i.dueDate), from);
    const five = `${Number(from.slice(0, 4)) + 5}-12-31`;
    to = last > five ? last : five;
  }
  return { from, to };
}

interface Tick {
  key: string;
  label: string;
  left: number;
  width: number;
}

/** Months over a year's program, years over a term's. */
function ticks(
  from: string,
  to: string,
  years: boolean,
  pos: (iso: string) => number,
  endPos: (iso: string) => number,
  l: 'vi' | 'en',
): Tick[] {
  const out: Tick[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let guard = 0; guard < 400; guard++) {
    const start = years ? `${y}-01-01` : `${y}-${pad(m)}-01`;
    if (start > to) break;
    const nextY = years ? y + 1 : m === 12 ? y + 1 : y;
    const nextM = years ? 1 : m === 12 ? 1 : m + 1;
    const next = `${nextY}-${pad(nextM)}-01`;
    const s = start < from ? from : start;
    const left = pos(s);
    const right = next > to ? endPos(to) : pos(next);
    out.push({ key: start, label: years ? String(y) : monthShort(m, l), left, width: right - left });
    y = nextY;
    m = nextM;
  }
  return out;
}

export interface GanttProps {
  p: Program;
  /** Buttons of an item (edit, delete, more tasks), shown under its title. */
  actions?: (it: ProgramItem) => ReactNode;
  /** A form opened under an item. */
  below?: (it: ProgramItem) => ReactNode;
  /** Notes on an item (e.g. its missing 6 rõ in a draft). */
  notes?: (it: ProgramItem) => ReactNode;
}

/**
 * The program as a Gantt chart in plain HTML and CSS: one row per item, a bar from its start to its due date (a
 * diamond for an item set at a meeting or on a date), its progress as the darker fill, red when late and green when
 * done; the line of today; under each item its tasks and its inspections, each a link.
 */
export function ProgramGantt({ p, actions, below, notes }: GanttProps) {
  const [l, tr] = useTr();
  const today = todayInVietnam();
  const { from, to } = ganttRange(p);
  const years = p.span === 'term' || dayNo(to) - dayNo(from) > 400;
  const d0 = dayNo(from);
  const d1 = dayNo(to) + 1;
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  const pos = (iso: string) => clamp(((dayNo(iso) - d0) / (d1 - d0)) * 100);
  const endPos = (iso: string) => clamp(((dayNo(iso) + 1 - d0) / (d1 - d0)) * 100);
  const scale = ticks(from, to, years, pos, endPos, l);
  const todayIn = today >= from && today <= to;
  const items = [...p.itemsDetail].sort((a, b) => a.position - b.position);

  const grid = (
    <>
      {scale.map((t) => (
        <span key={t.key} className="qc-g-grid" style={{ left: `${t.left}%` }} />
      ))}
      {todayIn && (
        <span className="qc-g-today" style={{ left: `${pos(today)}%` }} data-testid="gantt-today" data-date={today} />
      )}
    </>
  );

  const taskBar = (t: TaskListItem, it: ProgramItem) => {
    let start = t.assignedOn ?? it.startsOn;
    const end = t.extendedTo ?? t.dueDate ?? it.dueDate;
    if (start > end) start = end;
    const cls = t.status.overdue
      ? ' qc-g-late'
      : t.state === 'done'
        ? ' qc-g-done'
        : t.state === 'cancelled'
          ? ' qc-g-cancelled'
          : '';
    const left = pos(start);
    return (
      <span
        className={`qc-g-taskbar${cls}`}
        style={{ left: `${left}%`, width: `${Math.max(0.8, endPos(end) - left)}%` }}
        title={`${t.title}: ${fmt(start)} – ${fmt(end)}`}
        data-testid="gantt-taskbar"
      >
        <span className="qc-g-fill" style={{ width: `${Math.min(100, Math.max(0, t.percent))}%` }} />
      </span>
    );
  };

  return (
    <div className="qc-gantt" data-testid="gantt" data-from={from} data-to={to} data-scale={years ? 'year' : 'month'}>
      <div className="qc-g-legend">
        <LegendEntries
          entries={[
            ['qc-g-swatch', tr('Thời gian thực hiện', 'Scheduled')],
            ['qc-g-swatch qc-g-swatch-diamond', tr('Tại kỳ họp, ngày', 'At a meeting, on a date')],
            ['qc-g-swatch qc-g-done', tr('Hoàn thành', 'Done')],
            ['qc-g-swatch qc-g-late', tr('Chậm so với chương trình', 'Late')],
            todayIn && [
              'qc-g-swatch qc-g-swatch-today',
              <>
                {tr('Hôm nay', 'Today')} {fmt(today)}
              </>,
            ],
          ]}
        />
      </div>
      <div className="qc-g-row qc-g-scale" aria-hidden="true">
        <div className="qc-g-label qc-g-scale-label">
          {years ? tr('Năm', 'Year') : `${tr('Năm', 'Year')} ${from.slice(0, 4)}`}
        </div>
        <div className="qc-g-track" data-testid="gantt-scale">
          {scale.map((t) => (
            <span
              key={t.key}
              className="qc-g-tick"
              style={{ left: `${t.left}%`, width: `${t.width}%` }}
              data-testid="gantt-tick"
            >
              {t.label}
            </span>
          ))}
          {todayIn && <span className="qc-g-today" style={{ left: `${pos(today)}%` }} />}
        </div>
      </div>
      {items.length === 0 && (
        <Text size="sm" c="dimmed" p="xs" data-testid="gantt-empty">
          {tr('Chương trình chưa có mục nào.', 'The program has no items yet.')}
        </Text>
      )}
      {items.map((it) => {
        const diamond = it.startsOn === it.dueDate;
        const status = it.status.code;
        const left = pos(it.startsOn);
        const right = endPos(it.dueDate);
        const cls = status === 'late' ? ' qc-g-late' : status === 'done' ? ' qc-g-done' : '';
        const span = diamond ? fmt(it.dueDate) : `${fmt(it.startsOn)} – ${fmt(it.dueDate)}`;
        const label = `${it.title}: ${span} · ${it.percent}%`;
        return (
          <Fragment key={it.id}>
            <div
              className={`qc-g-row qc-g-item${status === 'late' ? ' qc-g-row-late' : ''}`}
              data-testid="gantt-row"
              data-id={it.id}
              data-title={it.title}
              data-status={status}
              data-shape={diamond ? 'diamond' : 'bar'}
              data-start={it.startsOn}
              data-end={it.dueDate}
              data-percent={it.percent}
            >
              <div className="qc-g-label">
                <Text size="sm" fw={600} className="qc-g-title" data-testid="gantt-item-title">
                  {it.position}. {it.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {periodText(it.period, l)}
                  {it.lead ? ` · ${it.lead.name}` : ''} · {String(it.percent).replace('.', l === 'vi' ? ',' : '.')}%
                </Text>
                <Group gap={4} wrap="wrap" mt={2}>
                  <Badge
                    size="xs"
                    color={ITEM_STATUS_COLORS[status] ?? 'gray'}
                    variant={status === 'late' || status === 'done' ? 'filled' : 'light'}
                    data-testid="gantt-status"
                    data-status={status}
                  >
                    {l === 'vi'
                      ? it.status.label_vi
                      : ({
                          no_task: 'No task yet',
                          done: 'Done',
                          late: `Late (due ${fmt(it.dueDate)})`,
                          on_track: `In progress (${it.percent}%)`,
                          upcoming: 'Not due yet',
                        }[status] ?? status)}
                  </Badge>
                  {notes?.(it)}
                </Group>
                {actions && <div className="qc-g-actions">{actions(it)}</div>}
              </div>
              <div className="qc-g-track">
                {grid}
                {diamond ? (
                  <span
                    className={`qc-g-diamond${cls}`}
                    style={{ left: `${(left + right) / 2}%` }}
                    title={label}
                    aria-label={label}
                    role="img"
                    data-testid="gantt-diamond"
                  >
                    <span className="qc-g-diamond-fill" style={{ height: `${Math.min(100, it.percent)}%` }} />
                  </span>
                ) : (
                  <span
                    className={`qc-g-bar${cls}`}
                    style={{ left: `${left}%`, width: `${Math.max(0.8, right - left)}%` }}
                    title={label}
                    aria-label={label}
                    role="img"
                    data-testid="gantt-bar"
                  >
                    <span
                      className="qc-g-fill"
                      style={{ width: `${Math.min(100, Math.max(0, it.percent))}%` }}
                      data-testid="gantt-fill"
                    />
                  </span>
                )}
              </div>
            </div>
            {it.tasks.map((t) => (
              <SubRow
                key={t.id}
                rowProps={{ 'data-testid': 'gantt-task-row', 'data-overdue': String(t.status.overdue) }}
                item={it.id}
                state={t.state}
                to={`/tasks/${t.id}`}
                testid="gantt-task"
                id={t.id}
                title={`${tr('Nhiệm vụ', 'Task')}: ${t.title}`}
                c={t.status.overdue ? 'red.8' : 'dimmed'}
                note={
                  <>
                    {t.lead?.name ?? tr('chưa có đơn vị chủ trì', 'no lead yet')} · {taskStateLabel(t.state, l)}
                    {t.status.overdue ? ` · ${tr('quá hạn', 'overdue')}` : ''} · {t.percent}%
                  </>
                }
              >
                {grid}
                {taskBar(t, it)}
              </SubRow>
            ))}
            {it.inspections.map((x) => (
              <SubRow
                key={x.id}
                rowProps={{ 'data-testid': 'gantt-inspection-row' }}
                item={it.id}
                state={x.state}
                to={`/inspections/${x.id}`}
                testid="gantt-inspection"
                id={x.id}
                title={`${tr('Kiểm tra, giám sát', 'Inspection')}: ${x.title}`}
                c="dimmed"
                note={inspectionStateLabel(x.state, l)}
              >
                {grid}
              </SubRow>
            ))}
            {below?.(it)}
          </Fragment>
        );
      })}
    </div>
  );
}

/** A row under a program item: a task or an inspection done for it, a link to its page, and its track. */
function SubRow({
  rowProps,
  item,
  state,
  to,
  testid,
  id,
  title,
  c,
  note,
  children,
}: {
  rowProps: Record<`data-${string}`, string>;
  item: string;
  state: string;
  to: string;
  testid: string;
  id: string;
  title: string;
  c: string;
  note: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="qc-g-row qc-g-sub" {...rowProps} data-item={item} data-state={state}>
      <div className="qc-g-label qc-g-sublabel">
        <Anchor component={Link} to={to} size="xs" data-testid={testid} data-id={id} className="qc-g-title">
          {title}
        </Anchor>
        <Text size="xs" c={c}>
          {note}
        </Text>
      </div>
      <div className="qc-g-track">{children}</div>
    </div>
  );
}
