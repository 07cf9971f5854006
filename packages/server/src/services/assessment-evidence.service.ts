import { memberMonthFigures, planFigures, shortcomingFigures, taskFigures } from '@quyche/core';
import type { Evidence, MemberMonthRecord } from '@quyche/core';
import {
  cellMeetingAttendance,
  cellsOfPeopleInYear,
  duesOf,
  planItemsOf,
  shortcomingsNamedFor,
  tasksLedInYear,
} from '@quyche/db';
import type { Sql } from '@quyche/db';

const MEETING = new Set(['present', 'absent_excused', 'absent']);

/** Who a sheet assesses, and for which year. */
export interface AssessedSubject {
  id: string;
  subject: 'member' | 'organization';
  person_id: string | null;
  subject_org_id: string | null;
  year: number;
}

const groupBy = <T, K>(xs: readonly T[], key: (x: T) => K) => {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};
const task = (t: {
  id: string;
  title: string;
  due: string | null;
  done_on: string | null;
  state: string;
  exceeded: boolean;
}) => ({ id: t.id, title: t.title, due: t.due, doneOn: t.done_on, state: t.state, exceeded: t.exceeded });

/**
 * The record's figures for each sheet's year as on `asOf`, each with the records behind it: for a member, the tasks
 * they led, their cells' regular meetings, their dues and their personal plan; for an organization, the tasks it led
 * and the shortcomings named for it at the review before the year. Read in a few statements whatever the number of
 * sheets. `classified` reads only what the classification reads (tasks, shortcomings): a unit's list of levels.
 */
export async function evidenceOfMany(
  db: Sql,
  sheets: readonly AssessedSubject[],
  asOf: string,
  parts: 'all' | 'classified' = 'all',
): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>();
  for (const [year, ofYear] of groupBy(sheets, (a) => a.year)) {
    const orgs = ofYear.filter((a) => a.subject === 'organization').map((a) => a.subject_org_id!);
    const people = ofYear.filter((a) => a.subject === 'member').map((a) => a.person_id!);
    const lives = parts === 'all' ? people : [];
    const [orgTasks, shortcomings, personTasks, memberships, dues, items] = await Promise.all([
      tasksLedInYear(db, 'org', orgs, year),
      shortcomingsNamedFor(db, orgs, year),
      tasksLedInYear(db, 'person', people, year),
      cellsOfPeopleInYear(db, lives, year),
      duesOf(db, lives, year),
      planItemsOf(db, lives, year),
    ]);
    const attendance = await cellMeetingAttendance(db, [...new Set(memberships.map((m) => m.org_id))], year);
    const tasksOf = groupBy([...orgTasks, ...personTasks], (t) => t.lead_id);
    const shortcomingsOf = groupBy(shortcomings, (s) => s.lead_id);
    const cellsOf = groupBy(memberships, (m) => m.person_id);
    const attendanceOf = groupBy(attendance, (r) => r.person_id);
    const duesOfPerson = groupBy(dues, (d) => d.person_id);
    const itemsOf = groupBy(items, (i) => i.person_id);
    for (const a of ofYear) {
      const id = a.subject === 'organization' ? a.subject_org_id! : a.person_id!;
      const led = (tasksOf.get(id) ?? []).sort(
        (x, y) => (x.due ?? '').localeCompare(y.due ?? '') || (x.id < y.id ? -1 : 1),
      );
      const tasks = taskFigures(led.map(task), year, asOf);
      if (a.subject === 'organization') {
        const named = (shortcomingsOf.get(id) ?? []).map((s) => ({ id: s.id, text: s.text, fixedOn: s.fixed_on }));
        out.set(a.id, { ...tasks, ...shortcomingFigures(named, asOf) });
        continue;
      }
      const cells = new Set((cellsOf.get(id) ?? []).map((m) => m.org_id));
      const months = new Map<string, MemberMonthRecord>();
      const month = (m: string) => {
        const x = months.get(m) ?? { month: m, meeting: null, dues: null };
        months.set(m, x);
        return x;
      };
      for (const r of attendanceOf.get(id) ?? [])
        if (cells.has(r.org_id) && MEETING.has(r.status) && r.month <= asOf.slice(0, 7))
          month(r.month).meeting = r.status as MemberMonthRecord['meeting'];
      for (const d of duesOfPerson.get(id) ?? [])
        if (d.status === 'paid' || d.status === 'unpaid' || d.status === 'exempt') month(d.month).dues = d.status;
      if (parts === 'classified') {
        out.set(a.id, tasks);
        continue;
      }
      out.set(a.id, {
        ...tasks,
        ...memberMonthFigures([...months.values()].sort((x, y) => x.month.localeCompare(y.month))),
        ...planFigures((itemsOf.get(id) ?? []).map((i) => ({ id: i.id, text: i.text, progress: i.progress }))),
      });
    }
  }
  return out;
}

/** One sheet's figures: the same read as a unit's, for a list of one. */
export async function evidenceOf(db: Sql, a: AssessedSubject, asOf: string): Promise<Evidence> {
  return (await evidenceOfMany(db, [a], asOf)).get(a.id)!;
}
