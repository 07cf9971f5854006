import { createHash } from 'node:crypto';
import { ProblemError } from '@quyche/core';

/** Largest attachment a meeting document or a progress report's evidence may be. */
const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/**
 * An attachment sent in a JSON body as base64 (line breaks allowed): its bytes, their size and SHA-256 as stored
 * beside them; past 8 MB it is refused at `field` with `detail`. Meeting documents and task evidence upload alike.
 */
export function decodeAttachment(base64: string, field: string, detail: string) {
  const content = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) throw new ProblemError('PAYLOAD_TOO_LARGE', { field, detail });
  return { content, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
