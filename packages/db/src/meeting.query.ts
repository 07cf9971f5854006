import { sql } from 'kysely';
import type { JsonValue } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, validOn } from './query.helpers.js';

/** Read models of a meeting's page: its agenda with votes and opinions, documents, chair and the work it takes back. */

/** What a vote's outcome keeps: the regulation's verdict and the clauses it cites. */
export interface VoteOutcomeJson {
  reason_vi: string;
  ruleIds?: string[];
  eIds?: string[];
}

/** The agenda items of a meeting the user is cleared for, in their order. */
export async function listMeetingAgendaItems(s: Sql, meetingId: string, clearance: number) {
  return qb(s)
    .selectFrom('agenda_item')
    .select([
      'id',
      'position',
      'title',
      'matter',
      sql<Record<string, JsonValue>>`attributes`.as('attributes'),
      'topic',
      'presenting_unit',
      'reports_back',
      'confidentiality',
    ])
    .where('meeting_id', '=', meetingId)
    .where('confidentiality', '<=', clearance)
    .orderBy('position')
    .execute();
}

/** The votes on a meeting's items, in the order they were cast. */
export async function listMeetingVotes(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('vote as v')
    .innerJoin('agenda_item as i', 'i.id', 'v.agenda_item_id')
    .select([
      'v.id',
      'v.agenda_item_id',
      'v.method',
      'v.yes',
      'v.no',
      'v.abstain',
      'v.total_members',
      'v.present',
      'v.passed',
      sql<VoteOutcomeJson>`v.outcome`.as('outcome'),
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

/** The reserved opinions (R12) of a meeting, with who holds them, oldest first. */
export async function listMeetingReservedOpinions(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('reserved_opinion as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.agenda_item_id', 'r.person_id', 'p.full_name', 'r.text', 'r.created_at'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('r.created_at')
    .execute();
}

/** The replies to a written consultation counted by item and choice. */
export async function writtenResponseTally(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('written_response')
    .select((eb) => ['agenda_item_id', 'choice', eb.fn.countAll<number>().as('n')])
    .where('meeting_id', '=', meetingId)
    .groupBy(['agenda_item_id', 'choice'])
    .execute();
}

/** The documents of a meeting the user is cleared for (without their content), in the order they were added. */
export async function listMeetingDocuments(s: Sql, meetingId: string, clearance: number) {
  return qb(s)
    .selectFrom('meeting_document')
    .select(['id', 'title', 'doc_type', 'agenda_item_id', 'confidentiality', 'file_name', 'size', 'created_at'])
    .where('meeting_id', '=', meetingId)
    .where('confidentiality', '<=', clearance)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A person with the seat he held in a body on a date (the latest one begun by then), if any. */
export async function meetingChairSeat(s: Sql, personId: string, bodyId: string, on: string) {
  const r = await sql<{ full_name: string; role: string | null; title: string | null }>`
    select p.full_name, s.role, s.title from person p
      left join lateral (select role, title from membership where body_id = ${bodyId} and person_id = p.id
                           and ${validOn('membership', dateParam(on))}
                         order by valid_from desc limit 1) s on true
     where p.id = ${personId}`.execute(qb(s));
  return r.rows[0];
}

/**
 * Open tasks that come back to a meeting: those due at it and, when it is the body's next regular meeting, those
 * overdue from the body's own decisions.
 */
export async function meetingReturningTasks(
  s: Sql,
  m: { id: string; bodyId: string; isNextRegular: boolean; clearance: number; today: string },
) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'title', 'lead_name', 'due_effective', 'due_label', 'source_label', 'due_meeting_id'])
    .where('confidentiality', '<=', m.clearance)
    .where('state', 'in', ['assigned', 'in_progress', 'reported'])
    .where((eb) =>
      m.isNextRegular
        ? eb.or([
            eb('due_meeting_id', '=', m.id),
            eb.and([
              eb('source_body_id', '=', m.bodyId),
              eb('state', '<>', 'reported'),
              eb('due_effective', '<', m.today),
            ]),
          ])
        : eb('due_meeting_id', '=', m.id),
    )
    .orderBy('due_effective', (o) => o.asc().nullsLast())
    .orderBy('id')
    .limit(200)
    .execute();
}
