import { sql as q } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { rowsByIds } from './query.helpers.js';

/**
 * The records behind one figure of a review (the drill-down), by kind, for the ids the figure counted: what each is
 * shown with and where it is opened. `= any(ids)` rather than `in (…)`: the list may be empty.
 */
const run = async <T>(sql: Sql, query: RawBuilder<T>) => (await query.execute(qb(sql))).rows;

export const reviewEvidenceAgendaItems = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; title: string; meeting_id: string; meeting_title: string; meeting_date: string }>`
      select a.id, a.title, m.id as meeting_id, m.title as meeting_title, m.meeting_date::text
        from agenda_item a join meeting m on m.id = a.meeting_id
       where a.id = any(${ids}::uuid[]) order by m.meeting_date, a.position`,
  );

export const reviewEvidenceMeetings = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; title: string; meeting_date: string; body_name: string }>`
      select m.id, m.title, m.meeting_date, b.name as body_name from meeting m join body b on b.id = m.body_id
       where m.id = any(${ids}::uuid[]) order by m.meeting_date, m.id`,
  );

export const reviewEvidenceConclusions = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; symbol: string; issued_on: string; meeting_id: string; title: string }>`
      select c.id, c.symbol, c.issued_on, m.id as meeting_id, m.title from conclusion c join meeting m
        on m.id = c.meeting_id
       where c.id = any(${ids}::uuid[]) order by c.issued_on, c.symbol`,
  );

/** Action items, with the task following each if any. */
export const reviewEvidenceConclusionItems = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; text: string; symbol: string; issued_on: string; meeting_id: string; task_id: string | null }>`
      select i.id, i.text, c.symbol, c.issued_on, c.meeting_id,
             (select t.id from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id limit 1) as task_id
        from conclusion_item i join conclusion c on c.id = i.conclusion_id
       where i.id = any(${ids}::uuid[]) order by c.issued_on, i.position`,
  );

export const reviewEvidenceTasks = (sql: Sql, ids: string[]) =>
  rowsByIds(
    sql,
    'task',
    ids,
    ['id', 'title', 'lead_name', 'due_effective', 'done_on', 'state'],
    q`due_effective nulls last`,
  );

export const reviewEvidenceProgramItems = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; title: string; due_date: string; program_id: string; program_title: string }>`
      select i.id, i.title, i.due_date, p.id as program_id, p.title as program_title
        from program_item i join program p on p.id = i.program_id
       where i.id = any(${ids}::uuid[]) order by i.due_date, i.position`,
  );

export const reviewEvidenceInspections = (sql: Sql, ids: string[]) =>
  rowsByIds(sql, 'inspection', ids, ['id', 'title', 'concluded_on', 'verified_on'], q`concluded_on`);

export const reviewEvidenceRecommendations = (sql: Sql, ids: string[]) =>
  rowsByIds(
    sql,
    'recommendation',
    ids,
    ['id', 'title', 'from_label', 'received_on', 'due_on', 'answered_on'],
    q`received_on`,
  );

export const reviewEvidenceConsultationRecipients = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{
      id: string;
      name: string;
      answered_on: string | null;
      deadline: string;
      consultation_id: string;
      title: string;
    }>`
      select r.id, r.name, r.answered_on, c.deadline, c.id as consultation_id, c.title
        from consultation_recipient r join consultation c on c.id = r.consultation_id
       where r.id = any(${ids}::uuid[]) order by c.deadline, r.name`,
  );

export const reviewEvidenceShortcomings = (sql: Sql, ids: string[]) =>
  rowsByIds(
    sql,
    'shortcoming',
    ids,
    ['id', 'text', 'identified_on', 'fixed_on', 'due_date', 'lead_name', 'review_report_id'],
    q`identified_on`,
  );

/** Impacts, named by the subordinate regulation, dated by the day they were found. */
export const reviewEvidenceRegulationImpacts = (sql: Sql, ids: string[]) =>
  run(
    sql,
    q<{ id: string; name: string; created_at: string; task_id: string | null }>`
      select i.id, r.title as name, i.created_at::date::text as created_at, i.task_id
        from regulation_impact i join regulation r on r.id = i.subordinate_regulation_id
       where i.id = any(${ids}::uuid[]) order by i.created_at`,
  );
