import { sql } from 'kysely';
import type { ConsultationState } from './consultation.repo.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, rowsUnder, validOn } from './query.helpers.js';

export interface ConsultationListFilter {
  clearance: number;
  orgId: string | null;
  regulationId: string | null;
  /** Organizations the user reads: their consultations are listed with every comment counted. */
  readOrgs: string[];
  /** Organizations the user writes for: consultations sent to them are listed with their own comments counted. */
  writeOrgs: string[];
  personId: string | null;
  today: string;
  /** Only the open ones still awaiting an answer of the user's. */
  awaiting: boolean;
}

/**
 * The consultations of the user's organizations and those sent to the user's own organizations or to the user, with
 * their counts, newest first — one query (a recipient sees only its own comments counted).
 */
export async function listConsultationSummaries(s: Sql, f: ConsultationListFilter) {
  const { rows } = await sql<{
    id: string;
    org_id: string;
    org_name: string;
    regulation_id: string | null;
    regulation_title: string;
    is_document: boolean;
    title: string;
    sent_on: string;
    deadline: string;
    state: ConsultationState;
    recipients: number;
    answered: number;
    late: number;
    pending: number;
    not_answering: number;
    comments: number;
    disposed: number;
    open: number;
  }>`with mine as (
       select r.id from consultation_recipient r left join body b on b.id = r.recipient_body_id
        where r.recipient_org_id = any(${f.writeOrgs}::uuid[]) or b.org_id = any(${f.writeOrgs}::uuid[])
          or r.person_id = ${f.personId})
     select c.id, c.org_id, o.name as org_name, c.regulation_id,
            coalesce(g.title, c.document_title) as regulation_title, c.document_text is not null as is_document,
            c.title, c.sent_on, c.deadline, c.state,
            count(distinct r.id)::int as recipients,
            count(distinct r.id) filter (where r.answered_on is not null)::int as answered,
            count(distinct r.id) filter (where r.answered_on is null and not r.not_answering
              and c.deadline < ${f.today}::date)::int as late,
            count(distinct r.id) filter (where r.answered_on is null and not r.not_answering
              and c.deadline >= ${f.today}::date)::int as pending,
            count(distinct r.id) filter (where r.answered_on is null and r.not_answering)::int as not_answering,
            (select count(*) from consultation_comment k where k.consultation_id = c.id
              and (c.org_id = any(${f.readOrgs}::uuid[]) or k.recipient_id in (select id from mine)))::int as comments,
            (select count(*) from consultation_comment k where k.consultation_id = c.id
              and c.org_id = any(${f.readOrgs}::uuid[]) and k.disposition is not null)::int as disposed,
            (select count(*) from consultation_comment k where k.consultation_id = c.id
              and c.org_id = any(${f.readOrgs}::uuid[]) and k.disposition is null
                and k.kind <> 'no_comment')::int as open
       from consultation c join organization o on o.id = c.org_id left join regulation g on g.id = c.regulation_id
       left join consultation_recipient r on r.consultation_id = c.id
      where c.confidentiality <= ${f.clearance} and (${f.orgId}::uuid is null or c.org_id = ${f.orgId}::uuid)
        and (${f.regulationId}::uuid is null or c.regulation_id = ${f.regulationId}::uuid)
        and (c.org_id = any(${f.readOrgs}::uuid[]) or exists (select 1 from consultation_recipient x
          where x.consultation_id = c.id and x.id in (select id from mine)))
        and (not ${f.awaiting}::boolean or (c.state = 'open' and exists (select 1 from consultation_recipient x
          where x.consultation_id = c.id and x.id in (select id from mine) and x.answered_on is null
            and not x.not_answering)))
      group by c.id, o.name, g.title
      order by c.sent_on desc, c.id`.execute(qb(s));
  return rows;
}

/** The organization each body belongs to (a body consulted answers through its organization's users). */
export async function consultationBodyOrgs(s: Sql, bodyIds: string[]) {
  return qb(s).selectFrom('body').select(['id', 'org_id']).where('id', 'in', bodyIds).execute();
}

export async function consultationBodyName(s: Sql, bodyId: string) {
  return (await qb(s).selectFrom('body').select('name').where('id', '=', bodyId).executeTakeFirst())?.name;
}

export async function consultationPersonName(s: Sql, personId: string) {
  return (await qb(s).selectFrom('person').select('full_name').where('id', '=', personId).executeTakeFirst())
    ?.full_name;
}

export async function consultationMeetingTitle(s: Sql, meetingId: string) {
  return qb(s).selectFrom('meeting').select('title').where('id', '=', meetingId).executeTakeFirst();
}

/** The latest vote on the agenda item the draft was submitted as. */
export async function consultationVote(s: Sql, agendaItemId: string) {
  return qb(s)
    .selectFrom('vote')
    .select(['passed', 'yes', 'total_members', 'outcome'])
    .where('agenda_item_id', '=', agendaItemId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .$narrowType<{ outcome: { reason_vi?: string; eIds?: string[]; ruleIds?: string[] } }>()
    .executeTakeFirst();
}

/** Whether a connection point belongs to a meeting of the organization (comments made at a conference name it). */
export async function consultationSiteOfOrg(s: Sql, siteId: string, orgId: string) {
  const row = await qb(s)
    .selectFrom('meeting_site as s')
    .innerJoin('meeting as m', 'm.id', 's.meeting_id')
    .select('s.id')
    .where('s.id', '=', siteId)
    .where('m.org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The display names of the users who disposed of the consultation's comments. */
export async function consultationDisposers(s: Sql, consultationId: string) {
  return qb(s)
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .where('u.id', 'in', (eb) =>
      eb
        .selectFrom('consultation_comment')
        .select('disposed_by')
        .where('consultation_id', '=', consultationId)
        .$narrowType<{ disposed_by: string }>(),
    )
    .execute();
}

/** What a live page needs of a consultation: its state, its recipients' answers, the counts of its comments. */
export async function consultationLiveState(s: Sql, id: string) {
  return qb(s)
    .selectFrom('consultation')
    .select(['id', 'state', 'deadline', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export const consultationRecipientAnswers = (s: Sql, consultationId: string) =>
  rowsUnder(s, 'consultation_recipient', { consultation_id: consultationId }, ['answered_on', 'not_answering'], []);

export async function consultationCommentCounts(s: Sql, consultationId: string) {
  return qb(s)
    .selectFrom('consultation_comment')
    .select([
      sql<number>`count(*)::int`.as('comments'),
      sql<number>`count(*) filter (where disposition is not null)::int`.as('disposed'),
      sql<number>`count(*) filter (where disposition is null and kind <> 'no_comment')::int`.as('open'),
      sql<number>`coalesce(max(position), 0)::int`.as('last'),
    ])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
}

/** The comments counted by connection point, by the point's name. */
export async function consultationCommentsBySite(s: Sql, consultationId: string) {
  return qb(s)
    .selectFrom('consultation_comment as k')
    .innerJoin('meeting_site as s', 's.id', 'k.site_id')
    .select(['s.id as site_id', 's.name', 's.meeting_id', sql<number>`count(*)::int`.as('comments')])
    .where('k.consultation_id', '=', consultationId)
    .groupBy(['s.id', 's.name', 's.meeting_id'])
    .orderBy('s.name')
    .execute();
}

export async function consultationBodyOrg(s: Sql, bodyId: string) {
  return (await qb(s).selectFrom('body').select('org_id').where('id', '=', bodyId).executeTakeFirst())?.org_id;
}

/**
 * Who is reminded for a recipient on a date: the Bí thư and Phó Bí thư of its organization's executive committee, or
 * the head of the body consulted.
 */
export async function consultationReminderPeople(s: Sql, orgId: string | null, bodyId: string | null, on: string) {
  const { rows } = await sql<{ person_id: string }>`select m.person_id from membership m join body b on b.id = m.body_id
      where ((b.org_id = ${orgId} and b.kind = 'BCH' and m.role in ('BI_THU', 'PHO_BI_THU')) or (b.id = ${bodyId}
        and m.role in ('TRUONG_BAN', 'CHU_NHIEM')))
        and ${validOn('m', dateParam(on))}`.execute(qb(s));
  return rows.map((r) => r.person_id);
}

/** The organization's enabled accounts that are none of `people` (a clerk without a person is told too). */
export async function consultationReminderClerks(s: Sql, orgId: string, people: string[]) {
  const { rows } = await sql<{ id: string }>`select distinct u.id from app_user u join role_grant g on g.user_id = u.id
      where g.org_id = ${orgId} and not u.disabled and (u.person_id is null
        or not (u.person_id = any(${people}::uuid[])))`.execute(qb(s));
  return rows.map((r) => r.id);
}
