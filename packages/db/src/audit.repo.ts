import { createHash } from 'node:crypto';
import { canonicalJson } from '@quyche/core';
import type { Db, Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

export interface AuditInput {
  actorUserId: string | null;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  seq: number;
  at: Date | string;
  actor_user_id: string | null;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Every column of audit_log, named: the chain is hashed over all of them but the hashes. */
const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actor_user_id',
  'actor',
  'action',
  'entity',
  'entity_id',
  'org_id',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const;

function hashOf(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const at = row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
  const body = canonicalJson({ ...row, at, seq: Number(row.seq) });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry to the hash chain; call inside the write's transaction. */
export async function appendAudit(tx: Sql, e: AuditInput): Promise<void> {
  const head = await qb(tx)
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq) + 1,
    at: new Date(),
    actor_user_id: e.actorUserId,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    org_id: e.orgId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
  // jsonb drops nothing we hash but normalizes; hash what will be read back.
  const normalized = {
    ...row,
    before: JSON.parse(JSON.stringify(row.before)),
    after: JSON.parse(JSON.stringify(row.after)),
  };
  const hash = hashOf(head.hash, normalized);
  await qb(tx)
    .insertInto('audit_log')
    .values({
      seq: row.seq,
      at: row.at.toISOString(),
      actor_user_id: row.actor_user_id,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entity_id: row.entity_id,
      org_id: row.org_id,
      before: JSON.stringify(row.before),
      after: JSON.stringify(row.after),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await qb(tx).updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
}

export interface AuditProblem {
  seq: number;
  kind: 'changed' | 'missing' | 'broken_link' | 'head_mismatch';
  message_vi: string;
}

/** Recomputes the chain: a changed row fails its hash, a deleted row leaves a gap or a broken link. */
export async function verifyAudit(db: Sql): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let prevHash = 'GENESIS';
  let expectSeq = 1;
  let checked = 0;
  const batch = 5000;
  for (let from = 0; ; ) {
    const rows: AuditRow[] = await qb(db)
      .selectFrom('audit_log')
      .select(AUDIT_COLUMNS)
      .where('seq', '>', from)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq) {
        problems.push({
          seq: expectSeq,
          kind: 'missing',
          message_vi: `Thiếu bản ghi nhật ký số ${expectSeq}${seq - expectSeq > 1 ? `–${seq - 1}` : ''} (đã bị xóa)`,
        });
      }
      if (r.prev_hash !== prevHash) {
        problems.push({
          seq,
          kind: 'broken_link',
          message_vi: `Bản ghi nhật ký số ${seq} không nối với bản ghi liền trước`,
        });
      }
      const { hash, prev_hash, ...rest } = r;
      const expected = hashOf(r.prev_hash, { ...rest, seq });
      if (expected !== hash) {
        problems.push({
          seq,
          kind: 'changed',
          message_vi: `Bản ghi nhật ký số ${seq} đã bị sửa ngoài ứng dụng (mã băm không khớp)`,
        });
      }
      prevHash = hash;
      expectSeq = seq + 1;
      checked++;
      from = seq;
    }
  }
  const head = await qb(db).selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== expectSeq - 1 || head.hash !== prevHash) {
    problems.push({
      seq: head ? Number(head.seq) : 0,
      kind: 'head_mismatch',
      message_vi:
        `Đầu chuỗi nhật ký ghi số ${head?.seq ?? '?'} nhưng bản ghi cuối là số ${expectSeq - 1}: ` +
        'các bản ghi cuối đã bị xóa hoặc sửa',
    });
  }
  return { ok: problems.length === 0, checked, problems };
}

/** Entries about the organizations in `visible`, plus the viewer's own actions. */
export async function listAudit(db: Sql, page: number, pageSize: number, visible: string[], userId: string) {
  const mine = qb(db)
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('org_id', '=', eb.fn.any(eb.val(visible))), eb('actor_user_id', '=', userId)]));
  const { n } = await mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const rows: AuditRow[] = await mine
    .select(AUDIT_COLUMNS)
    .orderBy('seq', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
}
export type { AuditRow };

export type { Db };
