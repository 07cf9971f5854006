import type { Insertable } from 'kysely';
import type { MeetingDocumentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow } from './query.helpers.js';

/** A meeting's documents (tài liệu hội nghị), their file kept in the row. */

export const insertMeetingDocument = (tx: Sql, row: Insertable<MeetingDocumentTable>) =>
  insertRow(tx, 'meeting_document', row);

/** A document of a meeting with its file, to serve it. */
export async function meetingDocumentContent(s: Sql, documentId: string, meetingId: string) {
  return qb(s)
    .selectFrom('meeting_document')
    .select(['title', 'file_name', 'media_type', 'content', 'confidentiality'])
    .where('id', '=', documentId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}
