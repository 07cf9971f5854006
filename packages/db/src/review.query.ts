import { sql as q } from 'kysely';
import type { Sql } from './db.types.js';
import type { JsonValue } from './db.schema.js';
import { qb } from './kysely.driver.js';
import { taskOverdueOn } from './task.asof.js';

/**
 * The records a review counts over a period (`from`..`end`, end being the period's end or today), each read once
 * for the whole organization; the server counts the figures from them. Ordered as the evidence lists them.
 */
export interface ReviewSpan {
  orgId: string;
  from: string;
  end: string;
  clearance: number;
}

/** Agenda items decided by held meetings of the period under a matter (the rule may ask for a report back). */
export async function reviewDecisions(sql: Sql, s: ReviewSpan, heldStates: readonly string[]) {
  const { rows } = await q<{
    id: string;
    meeting_date: string;
    body_kind: string;
    matter: string;
    attributes: Record<string, unknown> | null;
  }>`select a.id, m.meeting_date::text, b.kind as body_kind, a.matter, a.attributes
       from agenda_item a join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
      where m.org_id = ${s.orgId} and m.state = any(${heldStates}::text[])
        and m.meeting_date between ${s.from} and ${s.end}
        and a.matter is not null and m.confidentiality <= ${s.clearance} and a.confidentiality <= ${s.clearance}
      order by m.meeting_date, a.position`.execute(qb(sql));
  return rows;
}

/** Regular and extraordinary sessions held in the period, and whether each heard a report back. */
export async function reviewSessions(sql: Sql, s: Omit<ReviewSpan, 'clearance'>, heldStates: readonly string[]) {
  const { rows } = await q<{ meeting_date: string; body_kind: string; reported: boolean }>`
    select m.meeting_date::text, b.kind as body_kind, exists (select 1 from agenda_item a where a.meeting_id = m.id
      and a.reports_back) as reported
      from meeting m join body b on b.id = m.body_id
     where m.org_id = ${s.orgId} and m.state = any(${heldStates}::text[]) and m.kind in ('regular', 'extraordinary')
       and m.meeting_date between ${s.from} and ${s.end} order by m.meeting_date`.execute(qb(sql));
  return rows;
}

/** Conclusions issued in the period. */
export async function reviewConclusions(sql: Sql, s: ReviewSpan) {
  const { rows } = await q<{ id: string }>`
    select c.id from conclusion c join meeting m on m.id = c.meeting_id
     where m.org_id = ${s.orgId} and c.issued_on between ${s.from} and ${s.end} and m.confidentiality <= ${s.clearance}
     order by c.issued_on, c.symbol`.execute(qb(sql));
  return rows;
}

/** The action items of those conclusions, and whether a task assigned by `end` follows each. */
export async function reviewConclusionActions(sql: Sql, conclusionIds: string[], end: string) {
  const { rows } = await q<{ id: string; followed: boolean }>`
    select i.id, exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id
                          and coalesce(t.assigned_on, t.created_at::date) <= ${end}) as followed
      from conclusion_item i where i.conclusion_id = any(${conclusionIds}::uuid[]) and i.kind = 'action'
     order by i.conclusion_id, i.position`.execute(qb(sql));
  return rows;
}

/** A task that matters to the period, flagged as the figures count it (assigned, done on time or late, …). */
export interface TaskFlags {
  id: string;
  lead_id: string | null;
  lead_name: string | null;
  supervisor_person_id: string | null;
  supervisor_name: string | null;
  assigned: boolean;
  on_time: boolean;
  late: boolean;
  overdue: boolean;
  extended: boolean;
}

/** The tasks that matter to the period, flagged as the figures count them. */
export async function reviewTaskFlags(sql: Sql, s: ReviewSpan) {
  const { rows } =
    await q<TaskFlags>`select t.id, t.lead_id, t.lead_name, t.supervisor_person_id, p.full_name as supervisor_name,
            (t.assigned_on >= ${s.from}) as assigned,
            (t.state = 'done' and t.done_on between ${s.from} and ${s.end} and (t.due_effective is null
              or t.done_on <= t.due_effective)) as on_time,
            (t.state = 'done' and t.done_on between ${s.from} and ${s.end} and t.done_on > t.due_effective) as late,
            ${taskOverdueOn(q`${s.end}::date`)} as overdue,
            exists (select 1 from task_extension e where e.task_id = t.id and e.state = 'approved'
              and e.decided_on between ${s.from} and ${s.end}) as extended
       from task t left join person p on p.id = t.supervisor_person_id
      where t.org_id = ${s.orgId} and t.state <> 'draft' and t.assigned_on <= ${s.end}
        and t.confidentiality <= ${s.clearance}
        and (t.assigned_on >= ${s.from} or t.done_on >= ${s.from} or t.done_on is null
          or t.extended_to is not null)`.execute(qb(sql));
  return rows;
}

/** Tasks assigned in the period by a deciding body for a matter (checked against its competence). */
export async function reviewDecidedTasks(sql: Sql, s: ReviewSpan) {
  const { rows } = await q<{
    id: string;
    deciding_body: string;
    matter: string;
    matter_attributes: Record<string, unknown> | null;
    assigned_on: string;
  }>`select id, deciding_body, matter, matter_attributes, assigned_on::text from task
      where org_id = ${s.orgId} and state <> 'draft' and assigned_on between ${s.from} and ${s.end}
        and matter is not null
        and deciding_body is not null and confidentiality <= ${s.clearance}
      order by assigned_on, id`.execute(qb(sql));
  return rows;
}

/**
 * Program items due in the period (`to` its own end) of programs adopted by `end`; done when every task under it is.
 */
export async function reviewProgramItems(sql: Sql, s: ReviewSpan, to: string) {
  const { rows } = await q<{ id: string; done: boolean }>`
    select i.id, (exists (select 1 from task t where t.source_kind = 'program_item' and t.source_id = i.id)
                  and not exists (select 1 from task t where t.source_kind = 'program_item' and t.source_id = i.id
                                   and t.state not in ('cancelled', 'transferred') and (t.done_on is null
                                     or t.done_on > ${s.end}))) as done
      from program_item i join program p on p.id = i.program_id
     where p.org_id = ${s.orgId} and p.state = 'adopted' and p.adopted_on <= ${s.end}
       and i.due_date between ${s.from} and ${to}
       and p.confidentiality <= ${s.clearance}
     order by i.due_date, i.position`.execute(qb(sql));
  return rows;
}

/** Inspections concluded or whose remedies were verified in the period. */
export async function reviewInspections(sql: Sql, s: ReviewSpan) {
  const { rows } = await q<{ id: string; concluded: boolean; verified: boolean }>`
    select id, (concluded_on between ${s.from} and ${s.end}) as concluded,
      (verified_on between ${s.from} and ${s.end}) as verified
      from inspection
     where org_id = ${s.orgId} and confidentiality <= ${s.clearance}
       and (concluded_on between ${s.from} and ${s.end} or verified_on between ${s.from} and ${s.end})
     order by concluded_on, id`.execute(qb(sql));
  return rows;
}

/** Recommendations received or still to answer in the period, flagged as the figures count them. */
export async function reviewRecommendations(sql: Sql, s: ReviewSpan) {
  const { rows } = await q<{ id: string; received: boolean; on_time: boolean; late: boolean; overdue: boolean }>`
    select id, (received_on >= ${s.from}) as received,
           (answered_on between ${s.from} and ${s.end} and (due_on is null or answered_on <= due_on)) as on_time,
           (answered_on between ${s.from} and ${s.end} and answered_on > due_on) as late,
           (state <> 'withdrawn' and due_on < ${s.end} and (answered_on is null or answered_on > ${s.end})) as overdue
      from recommendation
     where org_id = ${s.orgId} and received_on <= ${s.end} and confidentiality <= ${s.clearance}
       and (received_on >= ${s.from} or answered_on >= ${s.from} or answered_on is null)
     order by received_on, id`.execute(qb(sql));
  return rows;
}

/** Recipients of consultations whose deadline falls in the period (`to` its own end), answered by it or not. */
export async function reviewConsultationRecipients(sql: Sql, s: ReviewSpan, to: string) {
  const { rows } = await q<{ id: string; answered: boolean }>`
    select r.id, (r.answered_on is not null and r.answered_on <= c.deadline and r.answered_on <= ${s.end}) as answered
      from consultation_recipient r join consultation c on c.id = r.consultation_id
     where c.org_id = ${s.orgId} and c.state <> 'cancelled' and c.sent_on <= ${s.end}
       and c.deadline between ${s.from} and ${to}
       and c.confidentiality <= ${s.clearance}
     order by c.deadline, r.name`.execute(qb(sql));
  return rows;
}

/** Shortcomings standing in the period: named by its end and not fixed before it starts. */
export async function reviewShortcomings(sql: Sql, s: ReviewSpan) {
  const { rows } = await q<{
    id: string;
    identified_on: string;
    fixed_on: string | null;
    due_date: string;
    from_review: boolean;
  }>`select id, identified_on, fixed_on, due_date, review_report_id is not null as from_review from shortcoming
      where org_id = ${s.orgId} and confidentiality <= ${s.clearance} and identified_on <= ${s.end}
        and (fixed_on is null or fixed_on >= ${s.from})
      order by identified_on, id`.execute(qb(sql));
  return rows;
}

/** Subordinate regulations found affected in the period, and whether their revision task was done on time. */
export async function reviewRegulationImpacts(sql: Sql, s: Omit<ReviewSpan, 'clearance'>) {
  const { rows } = await q<{ id: string; on_time: boolean; findings: JsonValue }>`
    select i.id, i.findings,
           coalesce(t.state = 'done' and t.done_on <= ${s.end} and (t.due_effective is null
             or t.done_on <= t.due_effective), false) as on_time
      from regulation_impact i left join task t on t.id = i.task_id
     where i.org_id = ${s.orgId} and i.created_at::date between ${s.from} and ${s.end}
     order by i.created_at, i.id`.execute(qb(sql));
  return rows;
}
