import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { ProblemError } from '@quyche/core';
import { appendAudit, orgsCovered, rootOrganizations, writeBackup } from '@quyche/db';
import type { BackupSummary, Db } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * A backup holds every organization's data, password hashes included: only an administrator whose grants cover
 * every root organization may take one through the API (the command line on the server's machine uses its token).
 */
export async function assertMayBackUp(ctx: RequestContext) {
  const adminRoots = ctx.user.grants.filter((g) => g.role === 'admin').map((g) => g.orgId);
  const covered = new Set(adminRoots.length ? await orgsCovered(ctx.db, adminRoots) : []);
  const missing = (await rootOrganizations(ctx.db)).filter((id) => !covered.has(id));
  if (adminRoots.length === 0 || missing.length) {
    throw new ProblemError('FORBIDDEN', {
      field: 'user',
      detail: 'Chỉ quản trị viên có quyền trên mọi tổ chức gốc mới được sao lưu toàn bộ dữ liệu',
    });
  }
}

/**
 * Audits who takes the backup (before it starts: the entry is in the snapshot), then streams it. A failure midway
 * ends the stream with an error, so the receiver holds an incomplete file, which the reader refuses.
 */
export async function streamBackup(
  db: Db,
  who: { userId: string | null; actor: string; via: 'session' | 'local_token'; ip: string },
  done: (s: BackupSummary | Error) => void,
): Promise<Readable> {
  await db.transaction((tx) =>
    appendAudit(tx, {
      actorUserId: who.userId,
      actor: who.actor,
      action: 'backup',
      entity: 'database',
      entityId: null,
      orgId: null,
      before: null,
      after: { via: who.via, ip: who.ip },
    }),
  );
  const out = new PassThrough();
  writeBackup(db, out).then(done, (e: Error) => {
    out.destroy(e);
    done(e);
  });
  return out;
}
