import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAudit } from './audit.repo.js';
import { sql } from 'kysely';
import { backupTables } from './backup.catalog.js';
import { BackupFormatError, openBackupFile } from './backup.file.js';
import type { BackupHeader } from './backup.file.js';
import { restoreBackupFile } from './backup.restore.js';
import type { Db } from './db.types.js';
import { qb } from './kysely.driver.js';
import { migrate } from './migrate.js';
import { openDb } from './open-db.js';

export interface BackupCheck {
  ok: boolean;
  file: string;
  header: BackupHeader | null;
  tables: { name: string; expected: number; restored: number }[];
  rows: number;
  audit: { ok: boolean; checked: number } | null;
  /** What is wrong, one Vietnamese sentence each. */
  problems: string[];
  ms: number;
}

/**
 * Proves a backup restores: into a fresh PGlite database in a temporary folder (never the live one), migrated to the
 * schema the backup names, then the audit chain is verified and every table's row count compared with the count
 * the backup recorded. Never throws for a bad file: the answer says what is wrong.
 */
export async function checkBackup(file: string, opts: { tmpDir?: string } = {}): Promise<BackupCheck> {
  const t0 = performance.now();
  const c: BackupCheck = { ok: false, file, header: null, tables: [], rows: 0, audit: null, problems: [], ms: 0 };
  let dir: string | null = null;
  let db: Db | null = null;
  try {
    const opened = await openBackupFile(file);
    await opened.close();
    c.header = opened.header;
    dir = await mkdtemp(join(opts.tmpDir ?? tmpdir(), 'quyche-kiem-tra-'));
    db = await openDb({ dataDir: dir, lock: false });
    await migrate(db, c.header.migrations);
    const restored = await restoreBackupFile(db, file);
    for (const t of await backupTables(db)) {
      const expected = restored.counts[t.name];
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t.name)}`.execute(qb(db));
      const n = Number(rows[0]!.n);
      if (expected === undefined) {
        c.problems.push(`Bảng ${t.name} không có trong bản sao lưu`);
        continue;
      }
      c.tables.push({ name: t.name, expected, restored: n });
      if (n !== expected) c.problems.push(`Bảng ${t.name}: bản sao lưu ghi ${expected} bản ghi, phục hồi được ${n}`);
    }
    c.rows = c.tables.reduce((s, t) => s + t.restored, 0);
    const audit = await verifyAudit(db);
    c.audit = { ok: audit.ok, checked: audit.checked };
    for (const p of audit.problems) c.problems.push(`Nhật ký thao tác: ${p.message_vi}`);
  } catch (e) {
    c.problems.push(e instanceof BackupFormatError ? e.message : `Phục hồi thử thất bại: ${(e as Error).message}`);
  } finally {
    await db?.close().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  c.ok = c.problems.length === 0;
  c.ms = Math.round(performance.now() - t0);
  return c;
}

const num = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** The result in a few Vietnamese lines, for the command line and the server's log. */
export function describeCheck(c: BackupCheck): string[] {
  const lines = [`Kiểm tra bản sao lưu ${c.file}`];
  if (c.header) {
    const at = new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(c.header.createdAt));
    const from =
      c.header.driver === 'postgres' ? 'PostgreSQL' : c.header.driver === 'pglite' ? 'PGlite' : 'không rõ CSDL';
    lines.push(
      `  Tạo lúc ${at} (giờ Việt Nam) từ ${from}, định dạng phiên bản ${c.header.version}, ` +
        `lược đồ ${c.header.migrations.at(-1) ?? '?'}`,
    );
  }
  if (c.tables.length) {
    const same = c.tables.every((t) => t.expected === t.restored);
    lines.push(
      `  Phục hồi thử vào CSDL tạm: ${c.tables.length} bảng, ${num(c.rows)} bản ghi; ` +
        `số bản ghi từng bảng ${same ? 'khớp' : 'KHÔNG khớp'} với bản sao lưu`,
    );
  }
  if (c.audit)
    lines.push(
      `  Nhật ký thao tác: ${
        c.audit.ok ? `chuỗi băm toàn vẹn (${num(c.audit.checked)} bản ghi)` : 'chuỗi băm KHÔNG toàn vẹn'
      }`,
    );
  for (const p of c.problems) lines.push(`  - ${p}`);
  const secs = (c.ms / 1000).toFixed(1).replace('.', ',');
  lines.push(
    c.ok
      ? `KẾT QUẢ: TỐT — bản sao lưu phục hồi được (kiểm tra trong ${secs} giây).`
      : `KẾT QUẢ: KHÔNG DÙNG ĐƯỢC — bản sao lưu không phục hồi được như đã ghi.`,
  );
  return lines;
}
