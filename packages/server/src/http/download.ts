import type { FastifyReply } from 'fastify';
import { IdParamsSchema } from '@quyche/core';
import type { RequestContext } from './context.js';
import type { taggedRoutesOf } from './route.js';
import { childParams } from './record.routes.js';

/**
 * Downloads: the DOCX media type and a Content-Disposition that keeps a Vietnamese file name (with an ASCII fallback).
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const attachment = (name: string) =>
  `attachment; filename="${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a made file (its name and content) as a download of this media type. */
export function sendFile(reply: FastifyReply, mediaType: string, f: { fileName: string; content: unknown }) {
  reply.header('content-type', mediaType).header('content-disposition', attachment(f.fileName)).send(f.content);
}

/** A GET route giving the DOCX made of the record its address names (`…/:id/….docx`). */
export const docxRoute = (
  r: ReturnType<typeof taggedRoutesOf>,
  url: string,
  summary: string,
  make: (ctx: RequestContext, id: string) => Promise<{ fileName: string; content: unknown }>,
) =>
  r({
    method: 'GET',
    url,
    summary,
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => sendFile(reply, DOCX, await make(ctx, params.id)),
  });

/** A stored file as served: its name, its media type, its bytes. */
type StoredFile = { mediaType: string; fileName: string; content: unknown };

/**
 * A GET route serving a file stored with a record (`…/:id/…/:<fileId>`: a meeting's document, a task's evidence),
 * under its own name and media type.
 */
export function storedFileRoute(
  r: ReturnType<typeof taggedRoutesOf>,
  url: string,
  summary: string,
  file: (ctx: RequestContext, id: string, fileId: string) => Promise<StoredFile>,
) {
  const { child, params } = childParams(url);
  r({
    method: 'GET',
    url,
    summary,
    params,
    handler: async ({ ctx, params, reply }) => {
      const f = await file(ctx, params['id']!, params[child]!);
      sendFile(reply, f.mediaType, f);
    },
  });
}
