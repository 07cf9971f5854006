import type { Insertable } from 'kysely';
import type { MeetingDocumentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { insertRow, rowUnder } from './query.helpers.js';

/** A meeting's documents (tài liệu hội nghị), their file kept in the row. */

export const insertMeetingDocument = (tx: Sql, row: Insertable<MeetingDocumentTable>) =>
  insertRow(tx, 'meeting_document', row);

/** A document of a meeting with its file, to serve it. */
export const meetingDocumentContent = (s: Sql, documentId: string, meetingId: string) =>
  rowUnder(s, 'meeting_document', documentId, { meeting_id: meetingId }, [
    'title',
    'file_name',
    'media_type',
    'content',
    'confidentiality',
  ]);
