import type { Db, Sql } from './db.types.js';

/** Tables in the order their foreign keys need on restore. Sessions and login throttling are not kept. */
export const BACKUP_TABLES = [
  'organization',
  'organization_parent',
  'organization_succession',
  'term',
  'body',
  'person',
  'membership',
  'party_membership',
  'portfolio_assignment',
  'app_user',
  'role_grant',
  'regulation',
  'regulation_version',
  'regulation_amendment',
  'document_counter',
  'issued_document',
  'meeting',
  'meeting_site',
  'meeting_attendance',
  'agenda_item',
  'vote',
  'meeting_document',
  'reserved_opinion',
  'written_response',
  'conclusion',
  'conclusion_item',
  'conference_baseline',
  'program',
  'program_item',
  'inspection',
  'recommendation',
  'task',
  'task_milestone',
  'task_report',
  'task_file',
  'task_extension',
  'consultation',
  'consultation_recipient',
  'consultation_comment',
  'regulation_impact',
  'job',
  'notification',
  'mail_sent',
  'audit_log',
  'audit_head',
] as const;

export interface Backup {
  format: 'quyche-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

/** A logical backup: the same file restores into PGlite or PostgreSQL. */
export async function createBackup(sql: Sql): Promise<Backup> {
  const migrations = (await sql.query<{ name: string }>('select name from schema_migration order by name')).rows.map((r) => r.name);
  const tables: Backup['tables'] = {};
  for (const t of BACKUP_TABLES) {
    const order = t === 'audit_log' ? 'seq' : t === 'document_counter' ? 'issuer_org_id, doc_type, term_id' : t === 'conference_baseline' ? 'org_id, year' : 'id';
    tables[t] = (await sql.query<Record<string, unknown>>(`select * from ${t} order by ${order}`)).rows.map((r) => {
      const out: Record<string, unknown> = {};
      // Files (bytea) travel as PostgreSQL's hex text, which both databases read back as bytea.
      for (const [k, v] of Object.entries(r)) out[k] = v instanceof Date ? v.toISOString() : v instanceof Uint8Array ? `\\x${Buffer.from(v).toString('hex')}` : v;
      return out;
    });
  }
  // Bodies refer to the bodies they are part of: parents first.
  tables['body'] = topoSort(tables['body']!, 'id', 'part_of');
  return { format: 'quyche-backup', version: 1, createdAt: new Date().toISOString(), migrations, tables };
}

function topoSort(rows: Record<string, unknown>[], idKey: string, refKey: string) {
  const byId = new Map(rows.map((r) => [r[idKey], r]));
  const out: Record<string, unknown>[] = [];
  const seen = new Set<unknown>();
  const visit = (r: Record<string, unknown>) => {
    if (seen.has(r[idKey])) return;
    seen.add(r[idKey]);
    const parent = r[refKey] ? byId.get(r[refKey]) : undefined;
    if (parent) visit(parent);
    out.push(r);
  };
  rows.forEach(visit);
  return out;
}

export class BackupFormatError extends Error {}

/** Replaces all data with the backup's, in one transaction: on any error nothing changes. */
export async function restoreBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  if (backup?.format !== 'quyche-backup' || backup.version !== 1) throw new BackupFormatError('Tệp không phải bản sao lưu Quychế (quyche-backup phiên bản 1)');
  const migrations = (await db.query<{ name: string }>('select name from schema_migration order by name')).rows.map((r) => r.name);
  if (migrations.join(',') !== backup.migrations.join(',')) {
    throw new BackupFormatError(`Bản sao lưu được tạo với lược đồ ${backup.migrations.at(-1) ?? '?'}, cơ sở dữ liệu hiện ở ${migrations.at(-1) ?? '?'}: hãy dùng cùng phiên bản phần mềm`);
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.query(`truncate ${[...BACKUP_TABLES, 'user_session', 'login_attempt'].join(', ')} cascade`);
    // Generated columns (task.due_effective) are computed again, never written.
    const generated = new Set(
      (await tx.query<{ k: string }>("select table_name || '.' || column_name as k from information_schema.columns where table_schema = current_schema() and is_generated = 'ALWAYS'")).rows.map((r) => r.k),
    );
    for (const t of BACKUP_TABLES) {
      const rows = (backup.tables[t] ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !generated.has(`${t}.${c}`))));
      counts[t] = rows.length;
      for (let i = 0; i < rows.length; i += 500) await insertRows(tx, t, rows.slice(i, i + 500));
    }
  });
  return counts;
}

async function insertRows(tx: Sql, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  if (!cols.every((c) => /^[a-z_][a-z0-9_]*$/.test(c))) throw new BackupFormatError(`Tên cột không hợp lệ trong bảng ${table}`);
  const params: unknown[] = [];
  const values = rows.map((r) => `(${cols.map((c) => {
    const v = r[c];
    params.push(v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
    return `$${params.length}`;
  }).join(',')})`);
  await tx.query(`insert into ${table} (${cols.join(',')}) values ${values.join(',')}`, params);
}
