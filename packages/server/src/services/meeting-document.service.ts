import { ProblemError } from '@quyche/core';
import type { CreateMeetingDocumentSchema } from '@quyche/core';
import { insertMeetingDocument, meetingDocumentContent } from '@quyche/db';
import type { Sql } from '@quyche/db';
import { decodeAttachment } from '../files/attachment.js';
import type { In, RequestContext } from '../http/context.js';
import { getMeetingDetail } from './meeting.service.js';
import { loadAgendaItem, loadMeeting } from './meeting.load.js';
import { addToMeeting } from './meeting.add.js';

/** A meeting document with its confidentiality: listed and served only to those cleared for it. */
export async function addMeetingDocument(
  ctx: RequestContext,
  meetingId: string,
  input: In<typeof CreateMeetingDocumentSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const confidentiality = Math.max(m.confidentiality, input.confidentiality ?? 0);
  ctx.assertClearance(confidentiality);
  if (input.agendaItemId) await loadAgendaItem(ctx, m, input.agendaItemId);
  const file = input.contentBase64
    ? decodeAttachment(input.contentBase64, 'body.contentBase64', 'Tệp vượt quá 8 MB')
    : null;
  const document = (tx: Sql, id: string) =>
    insertMeetingDocument(tx, {
      id,
      org_id: m.org_id,
      meeting_id: meetingId,
      agenda_item_id: input.agendaItemId ?? null,
      title: input.title,
      doc_type: input.docType ?? null,
      confidentiality,
      file_name: input.fileName ?? null,
      media_type: input.mediaType ?? null,
      size: file?.size ?? null,
      sha256: file?.sha256 ?? null,
      content: file?.content ?? null,
      created_by: ctx.user.id,
    });
  await addToMeeting(ctx, m, 'meeting_document', document, {
    title: input.title,
    confidentiality,
    fileName: input.fileName ?? null,
    size: file?.size ?? null,
  });
  return getMeetingDetail(ctx, meetingId);
}

const SERVED_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'image/png',
  'image/jpeg',
]);

export async function meetingDocumentFile(ctx: RequestContext, meetingId: string, documentId: string) {
  const m = await loadMeeting(ctx, meetingId);
  const d = await meetingDocumentContent(ctx.db, documentId, m.id);
  if (!d) throw new ProblemError('NOT_FOUND', { detail: 'Không có tài liệu này' });
  ctx.assertClearance(d.confidentiality);
  return documentDownload(d);
}

/**
 * A meeting document's file as a download (the meeting's page and the member's phone alike): only document and
 * image types are served as themselves; anything else (HTML, scripts) as bytes to save.
 */
export function documentDownload(
  d: { title: string; file_name: string | null; media_type: string | null; content: Uint8Array | null } | undefined,
) {
  if (!d?.content) throw new ProblemError('NOT_FOUND', { detail: 'Tài liệu chưa có tệp đính kèm' });
  const mediaType =
    d.media_type && SERVED_TYPES.has(d.media_type.toLowerCase()) ? d.media_type : 'application/octet-stream';
  return { fileName: d.file_name ?? `${d.title}.bin`, mediaType, content: Buffer.from(d.content) };
}
