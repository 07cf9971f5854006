import { memberMonthFigures, planFigures, shortcomingFigures, taskFigures } from '@quyche/core';
import type { Evidence, MemberMonthRecord } from '@quyche/core';
import {
  cellMeetingAttendance,
  cellsOfPersonInYear,
  duesOfMember,
  planOfMember,
  shortcomingsNamedFor,
  tasksLedInYear,
} from '@quyche/db';
import type { Sql } from '@quyche/db';

const MEETING = new Set(['present', 'absent_excused', 'absent']);

/**
 * The record's figures for a subject's year as on `asOf`, each with the records behind it: for a member, the tasks
 * they led, their cells' regular meetings, their dues and their personal plan; for an organization, the tasks it led
 * and the shortcomings named for it at the review before the year.
 */
export async function evidenceOf(
  db: Sql,
  a: { subject: 'member' | 'organization'; person_id: string | null; subject_org_id: string | null; year: number },
  asOf: string,
): Promise<Evidence> {
  const task = (t: { id: string; title: string; due: string | null; done_on: string | null; state: string }) => ({
    id: t.id,
    title: t.title,
    due: t.due,
    doneOn: t.done_on,
    state: t.state,
  });
  if (a.subject === 'organization') {
    const orgId = a.subject_org_id!;
    const [tasks, shortcomings] = await Promise.all([
      tasksLedInYear(db, 'org', orgId, a.year),
      shortcomingsNamedFor(db, orgId, a.year),
    ]);
    return {
      ...taskFigures(tasks.map(task), a.year, asOf),
      ...shortcomingFigures(
        shortcomings.map((s) => ({ id: s.id, text: s.text, fixedOn: s.fixed_on })),
        asOf,
      ),
    };
  }
  const personId = a.person_id!;
  const cells = await cellsOfPersonInYear(db, personId, a.year);
  const [tasks, attendance, dues, plan] = await Promise.all([
    tasksLedInYear(db, 'person', personId, a.year),
    cellMeetingAttendance(db, cells, a.year),
    duesOfMember(db, personId, a.year),
    planOfMember(db, personId, a.year),
  ]);
  const months = new Map<string, MemberMonthRecord>();
  const month = (m: string) => {
    const x = months.get(m) ?? { month: m, meeting: null, dues: null };
    months.set(m, x);
    return x;
  };
  for (const r of attendance)
    if (r.person_id === personId && MEETING.has(r.status) && r.month <= asOf.slice(0, 7))
      month(r.month).meeting = r.status as MemberMonthRecord['meeting'];
  for (const d of dues)
    if (d.status === 'paid' || d.status === 'unpaid' || d.status === 'exempt') month(d.month).dues = d.status;
  return {
    ...taskFigures(tasks.map(task), a.year, asOf),
    ...memberMonthFigures([...months.values()].sort((x, y) => x.month.localeCompare(y.month))),
    ...planFigures((plan?.items ?? []).map((i) => ({ id: i.id, text: i.text, progress: i.progress }))),
  };
}
