import type { CommentKind, Disposition } from '@quyche/core';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { ConsultationCommentTable, ConsultationRecipientTable, ConsultationTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { lastPosition, rowsUnder, insertRow, rowExists } from './query.helpers.js';

/** The states a consultation goes through (the column is free text; the services write only these). */
export type ConsultationState = 'open' | 'revised' | 'submitted' | 'adopted' | 'rejected' | 'cancelled';
/** Which body the regulation says decides the draft, as checked on submission (stored as jsonb). */
export type ConsultationCompetence = {
  ok: boolean;
  reason_vi: string;
  ruleIds: string[];
  eIds: string[];
  competent: string | null;
};

export async function consultationById(s: Sql, id: string) {
  return qb(s)
    .selectFrom('consultation')
    .select([
      'id',
      'org_id',
      'regulation_id',
      'version_id',
      'document_title',
      'document_text',
      'next_document_text',
      'matter',
      'title',
      'sent_on',
      'deadline',
      'state',
      'next_version_id',
      'memo',
      'meeting_id',
      'agenda_item_id',
      'competence',
      'adopted_on',
      'confidentiality',
      'version',
    ])
    .where('id', '=', id)
    .$narrowType<{ state: ConsultationState; competence: ConsultationCompetence | null }>()
    .executeTakeFirst();
}
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof consultationById>>>;

/** The open consultations past their deadline (the daily scan reminds their late recipients). */
export async function listOverdueConsultations(s: Sql, today: string) {
  return qb(s)
    .selectFrom('consultation')
    .select(['id', 'deadline', 'state'])
    .where('state', '=', 'open')
    .where('deadline', '<', today)
    .$narrowType<{ state: ConsultationState }>()
    .execute();
}

export const insertConsultation = (s: Sql, row: Insertable<ConsultationTable>) => insertRow(s, 'consultation', row);

const recipientColumns = [
  'id',
  'consultation_id',
  'recipient_org_id',
  'recipient_body_id',
  'person_id',
  'name',
  'answered_on',
  'not_answering',
  'note',
  'last_reminded_on',
  'version',
] as const;

/** The recipients by name (the order of the list and of the synthesis). */
export const listConsultationRecipients = (s: Sql, consultationId: string) =>
  rowsUnder(s, 'consultation_recipient', { consultation_id: consultationId }, recipientColumns, ['name', 'id']);
export type ConsultationRecipientRow = Awaited<ReturnType<typeof listConsultationRecipients>>[number];

export async function consultationRecipientById(s: Sql, id: string) {
  return qb(s).selectFrom('consultation_recipient').select(recipientColumns).where('id', '=', id).executeTakeFirst();
}

/** Recipients neither answered nor excused, not reminded within `minDaysApart` days of `today`. */
export async function listLateConsultationRecipients(
  s: Sql,
  consultationId: string,
  today: string,
  minDaysApart: number,
) {
  return qb(s)
    .selectFrom('consultation_recipient')
    .select(recipientColumns)
    .where('consultation_id', '=', consultationId)
    .where('answered_on', 'is', null)
    .where('not_answering', '=', false)
    .where((eb) =>
      eb.or([
        eb('last_reminded_on', 'is', null),
        eb('last_reminded_on', '<=', sql<string>`${today}::date - ${minDaysApart}::int`),
      ]),
    )
    .orderBy('name')
    .execute();
}

export const insertConsultationRecipient = (s: Sql, row: Insertable<ConsultationRecipientTable>) =>
  insertRow(s, 'consultation_recipient', row);

/** The first answer dates the recipient's reply; later ones keep it. */
export async function markConsultationRecipientAnswered(s: Sql, id: string, answeredOn: string) {
  await qb(s)
    .updateTable('consultation_recipient')
    .set((eb) => ({
      answered_on: eb.fn.coalesce('answered_on', eb.val(answeredOn)),
      not_answering: false,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setConsultationRecipientReminded(s: Sql, id: string, on: string) {
  await qb(s).updateTable('consultation_recipient').set({ last_reminded_on: on }).where('id', '=', id).execute();
}

const commentColumns = [
  'id',
  'recipient_id',
  'position',
  'kind',
  'anchor_wid',
  'anchor_eid',
  'quote',
  'text',
  'proposed_text',
  'site_id',
  'disposition',
  'explanation',
  'adopted_text',
  'disposed_by',
  'disposed_at',
  'created_at',
  'version',
] as const;

/** The comments in the order they arrived. */
export async function listConsultationComments(s: Sql, consultationId: string) {
  return qb(s)
    .selectFrom('consultation_comment')
    .select(commentColumns)
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .$narrowType<{ kind: CommentKind; disposition: Disposition | null }>()
    .execute();
}
export type ConsultationCommentRow = Awaited<ReturnType<typeof listConsultationComments>>[number];

export async function consultationCommentById(s: Sql, consultationId: string, id: string) {
  return qb(s)
    .selectFrom('consultation_comment')
    .select(commentColumns)
    .where('id', '=', id)
    .where('consultation_id', '=', consultationId)
    .$narrowType<{ kind: CommentKind; disposition: Disposition | null }>()
    .executeTakeFirst();
}

/** Whether the recipient has answered "no comment" (its later comments replace that answer). */
export const consultationRecipientSaidNoComment = (s: Sql, recipientId: string) =>
  rowExists(s, 'consultation_comment', { recipient_id: recipientId, kind: 'no_comment' });

export async function deleteConsultationNoComment(s: Sql, recipientId: string) {
  await qb(s)
    .deleteFrom('consultation_comment')
    .where('recipient_id', '=', recipientId)
    .where('kind', '=', 'no_comment')
    .execute();
}

/** The position of the newest comment (0 when none): new comments number on from it. */
export const lastConsultationCommentPosition = (s: Sql, consultationId: string) =>
  lastPosition(s, 'consultation_comment', 'consultation_id', consultationId);

export const insertConsultationComment = (s: Sql, row: Insertable<ConsultationCommentTable>) =>
  insertRow(s, 'consultation_comment', row);

/** Tells the consultation's live channel (delivered at commit, to every server on the database). */
export async function notifyConsultationChanged(s: Sql, consultationId: string) {
  await sql`select pg_notify('consultation_changed', ${consultationId})`.execute(qb(s));
}
