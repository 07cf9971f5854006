/**
 * The An Lạc demo with evidence files and meeting documents, backed up and restored across databases: PGlite and
 * PostgreSQL, both ways. Equal fingerprints (row count and md5 of every row's text form) for every table, files
 * byte for byte, the audit chain verified on the restored copy; and every type of column the schema has is shown to
 * carry a real value in this data, so that a column type added later cannot slip through untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupTables, backupToFile, qb, restoreBackupFile, sql, TRANSIENT_TABLES, verifyAudit } from '@quyche/db';
import type { BackupSummary } from '@quyche/db';
import { createTestDb, fingerprints } from '../../db/src/test-db.js';
import type { Driver, TestDb } from '../../db/src/test-db.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { TestApp } from './test-app.js';

const drivers = await testDrivers();
const dir = mkdtempSync(join(tmpdir(), 'qc-anlac-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every byte value, the awkward ones (0x00, 0xFF, a lone 0x5C backslash, invalid UTF-8) at both ends. */
const FILE = Buffer.concat([
  Buffer.from([0x00, 0xff, 0x5c, 0x78, 0xc3]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)),
  Buffer.from('Báo cáo tiến độ\u0000'),
  Buffer.from([0xff, 0x00]),
]);
const DOC = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(300, 0x00),
  Buffer.alloc(300, 0xff),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);

async function withFiles(t: TestApp) {
  const admin = await t.login('admin');
  const api = async (method: 'POST', url: string, payload: object) => {
    const r = await t.as(admin, { method, url: `/api/v1${url}`, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const al = await t.orgId('ORG-AL');
  const task = await qb(t.db)
    .selectFrom('task')
    .select('id')
    .where('org_id', '=', al)
    .where('state', 'in', ['assigned', 'in_progress'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await api('POST', `/tasks/${task.id}/reports`, {
    reportedOn: '2026-06-15',
    percent: 40,
    text: 'Đã tổng hợp, kèm minh chứng.',
    files: [
      { fileName: 'minh-chung.bin', mediaType: 'application/octet-stream', contentBase64: FILE.toString('base64') },
    ],
  });
  const meeting = await qb(t.db)
    .selectFrom('meeting')
    .select('id')
    .where('org_id', '=', al)
    .orderBy('meeting_date', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await api('POST', `/meetings/${meeting.id}/documents`, {
    title: 'Tờ trình (bản quét)',
    docType: 'TTr',
    fileName: 'to-trinh.pdf',
    mediaType: 'application/pdf',
    contentBase64: DOC.toString('base64'),
  });
}

describe.each(drivers)('the An Lạc demo backed up from %s', (from) => {
  let source: TestApp;
  let file: string;
  let made: BackupSummary;
  let expected: Record<string, string>;
  beforeAll(async () => {
    source = await createTestApp(from);
    await withFiles(source);
    file = join(dir, `an-lac-${from}.jsonl.gz`);
    made = await backupToFile(source.db, file);
    expected = await fingerprints(source.db);
  });
  afterAll(async () => source?.close());

  it('holds every table of the schema but the transient ones, the files included', async () => {
    const schema = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(qb(source.db))
    ).rows.map((r) => r.name);
    expect(Object.keys(made.counts).sort()).toEqual(schema.filter((n) => !TRANSIENT_TABLES.includes(n)).sort());
    expect(made.counts['task_file']).toBeGreaterThan(0);
    expect(made.counts['meeting_document']).toBeGreaterThan(0);
    expect(made.counts['organization']).toBe(122);
    expect(made.rows).toBeGreaterThan(5000);
  });

  it('has test data for every type of column it backs up (a new type needs a value here)', async () => {
    const tables = await backupTables(source.db);
    const cols = (
      await sql<{ table_name: string; column_name: string; type: string }>`select table_name, column_name,
            case when data_type in ('ARRAY', 'USER-DEFINED') then udt_name else data_type end as type
           from information_schema.columns where table_schema = current_schema()
          order by table_name, ordinal_position`.execute(qb(source.db))
    ).rows.filter((c) => tables.some((t) => t.name === c.table_name));
    const types = [...new Set(cols.map((c) => c.type))].sort();
    const uncovered: string[] = [];
    for (const type of types) {
      let covered = false;
      for (const c of cols.filter((x) => x.type === type)) {
        const r = await source.db.query(`select 1 from "${c.table_name}" where "${c.column_name}" is not null limit 1`);
        if (r.rows.length) {
          covered = true;
          break;
        }
      }
      if (!covered) uncovered.push(type);
    }
    expect(uncovered, `types without a non-null value in the round-trip data: ${uncovered.join(', ')}`).toEqual([]);
    expect(types).toEqual(
      expect.arrayContaining([
        'bytea',
        'jsonb',
        'numeric',
        'bigint',
        'uuid',
        'timestamp with time zone',
        'date',
        'boolean',
        'smallint',
        'integer',
        'text',
      ]),
    );
  });

  describe.each(drivers)('restored into %s', (to: Driver) => {
    let target: TestDb;
    beforeAll(async () => {
      target = await createTestDb(to);
    });
    afterAll(async () => target?.drop());

    it('gives back every row of every table, the files byte for byte, with a verified audit chain', async () => {
      const r = await restoreBackupFile(target.db, file);
      expect(r.counts).toEqual(made.counts);
      expect(await fingerprints(target.db)).toEqual(expected);
      const f = await qb(target.db)
        .selectFrom('task_file')
        .select('content')
        .where('file_name', '=', 'minh-chung.bin')
        .executeTakeFirstOrThrow();
      expect(Buffer.from(f.content).equals(FILE)).toBe(true);
      const d = await qb(target.db)
        .selectFrom('meeting_document')
        .select('content')
        .where('file_name', '=', 'to-trinh.pdf')
        .executeTakeFirstOrThrow();
      expect(Buffer.from(d.content!).equals(DOC)).toBe(true);
      const audit = await verifyAudit(target.db);
      expect(audit.problems).toEqual([]);
      expect(audit.checked).toBe(made.counts['audit_log']);
    });
  });
});
