import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { appendAudit, verifyAudit } from './audit.repo.js';
import { backupTables, foreignKeyOrder, quoteIdent, TRANSIENT_TABLES } from './backup.catalog.js';
import { BackupFormatError } from './backup.file.js';
import { restoreBackupFile } from './backup.restore.js';
import { backupToFile } from './backup.write.js';
import { checkBackup } from './backup.check.js';
import type { Db } from './db.types.js';
import { qb } from './kysely.driver.js';
import { createTestDb, fingerprints, testDrivers } from './test-db.js';
import type { Driver, TestDb } from './test-db.js';
import { uuidv7 } from './uuid.js';

const drivers = await testDrivers();
const dir = mkdtempSync(join(tmpdir(), 'qc-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/**
 * A table of every kind of column the schema might grow (the application's own tables are covered by the An Lạc
 * round trip in the server package): identity, self-reference, arrays, exact numbers at their limits, special
 * floats, time to the microsecond, json kept verbatim, an enum, a domain, a generated column, all 256 byte values.
 */
const PROBE_SCHEMA = [
  "create type probe_mood as enum ('vui', 'buồn', 'bình thường')",
  "create domain probe_code as varchar(12) check (value <> '')",
  `create table probe (
    id bigint generated always as identity primary key,
    parent_id bigint references probe (id),
    v_varchar varchar(20), v_char char(5), v_text text, v_code probe_code, v_mood probe_mood,
    v_text_arr text[], v_int_arr integer[], v_bytea_arr bytea[], v_date_arr date[],
    v_numeric numeric(30, 10), v_numeric_free numeric, v_big bigint, v_small smallint, v_int integer,
    v_real real, v_double double precision, v_bool boolean,
    v_date date, v_time time, v_timetz timetz, v_ts timestamp, v_tstz timestamptz, v_interval interval,
    v_json json, v_jsonb jsonb, v_uuid uuid, v_inet inet, v_bit bit(4), v_varbit varbit, v_bytea bytea,
    v_twice bigint generated always as (v_int::bigint * 2) stored
  )`,
];

async function probeSchema(db: Db) {
  for (const s of PROBE_SCHEMA) await db.query(s);
}

async function fillProbe(db: Db) {
  await db.query(
    `insert into probe (v_varchar, v_char, v_text, v_code, v_mood, v_text_arr, v_int_arr, v_bytea_arr, v_date_arr,
       v_numeric, v_numeric_free, v_big, v_small, v_int,
       v_real, v_double, v_bool, v_date, v_time, v_timetz, v_ts, v_tstz, v_interval, v_json, v_jsonb, v_uuid, v_inet,
       v_bit, v_varbit, v_bytea)
     values ('Đảng ủy "xã" \\ ''A''', 'ab', E'dòng 1\\ndòng 2\\t😀 \\\\x00', 'TU-01', 'buồn',
       array['a,b', '"trích"', '', null, 'Đảng ủy {x}'], array[1, null, -2147483648], array['\\x00ff'::bytea, null],
       array['2026-01-01'::date, null],
       12345678901234567890.0123456789, '-0.000000000000000000000000000001', 9223372036854775807, -32768, 2147483647,
       'NaN', 0.30000000000000004, true, '0001-01-01', '23:59:59.999999', '12:00:00+07', 'infinity',
       '2026-05-05 07:08:09.123456+07',
       '1 year 2 mons 3 days 04:05:06.789', '{"b": 1,  "a": 2, "a": 3}', '"chuỗi"',
       '0196a3b4-0000-7000-8000-000000000001', '192.168.1.7/24',
       B'1010', B'110', $1),
     (null, null, null, null, null, '{}', '{}', '{}', '{}', 0, 'NaN', -9223372036854775808, 0, 0, '-Infinity', '-0',
       false, '-infinity', '00:00', '00:00+00', '-infinity', '-infinity', '-178000000 years', 'null', 'null', null,
       '::1', B'0000', B'', '\\x'),
     (null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'Infinity', 1e308, null,
       null, null, null, null, 'infinity', null, '[]', '{"số": [1.5, 1e-7, 123456789012345678901234567890]}', null,
       null, null, null, null)`,
    [ALL_BYTES],
  );
  // A long chain whose parents have higher ids than their children: primary-key order would insert each child
  // before its parent, and it spans several restore batches.
  await db.query('insert into probe (v_int) select g from generate_series(1, 2500) g');
  await db.query('update probe set parent_id = id + 1 where v_int between 1 and 2499');
}

const pairs: [Driver, Driver][] = drivers.flatMap((a) => drivers.map((b) => [a, b] as [Driver, Driver]));

describe.each(pairs)('a backup from %s restored into %s', (from, to) => {
  let source: TestDb;
  let target: TestDb;
  let file: string;
  let made: Awaited<ReturnType<typeof backupToFile>>;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDb(from), createTestDb(to)]);
    await Promise.all([probeSchema(source.db), probeSchema(target.db)]);
    await fillProbe(source.db);
    await source.db.transaction((tx) =>
      appendAudit(tx, {
        actorUserId: null,
        actor: 'thử',
        action: 'create',
        entity: 'probe',
        entityId: '1',
        orgId: null,
        before: null,
        after: { tên: 'Đảng ủy', số: 1.5 },
      }),
    );
    file = join(dir, `${from}-${to}.jsonl.gz`);
    made = await backupToFile(source.db, file);
  });
  afterAll(async () => Promise.all([source?.drop(), target?.drop()]));

  it('gives back every row of every type exactly, bytea byte for byte, identity continuing after it', async () => {
    expect(made.counts['probe']).toBe(2503);
    const restored = await restoreBackupFile(target.db, file);
    expect(restored.counts).toEqual(made.counts);
    expect(await fingerprints(target.db)).toEqual(await fingerprints(source.db));
    // probe is this test's own table, outside the typed schema: raw SQL through Kysely.
    const row = (
      await sql<{ v_bytea: Uint8Array; v_big: string; v_numeric: string; v_json: string }>`
        select v_bytea, v_big::text, v_numeric::text, v_json::text from probe where v_mood = 'buồn'`.execute(
        qb(target.db),
      )
    ).rows[0]!;
    expect(Buffer.from(row.v_bytea).equals(ALL_BYTES)).toBe(true);
    expect(row).toMatchObject({
      v_big: '9223372036854775807',
      v_numeric: '12345678901234567890.0123456789',
      v_json: '{"b": 1,  "a": 2, "a": 3}',
    });
    const next = await sql<{ id: string }>`insert into probe (v_int) values (0) returning id::text`.execute(
      qb(target.db),
    );
    expect(Number(next.rows[0]!.id)).toBeGreaterThan(2503);
    expect((await verifyAudit(target.db)).ok).toBe(true);
  });

  it('changes nothing when the file is truncated, or when a value does not fit the schema', async () => {
    const before = await fingerprints(target.db);
    const whole = readFileSync(file);
    const cut = join(dir, `${from}-${to}-cut.jsonl.gz`);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    await expect(restoreBackupFile(target.db, cut)).rejects.toThrow(/bị hỏng hoặc không đầy đủ|cắt cụt/);
    const lines = gunzipSync(whole).toString('utf8').split('\n');
    const head = lines.findIndex((l) => l.startsWith('{"table":"probe"'));
    const row = head + 1;
    const bad = JSON.parse(lines[row]!) as string[];
    bad[(JSON.parse(lines[head]!) as { columns: string[] }).columns.indexOf('v_uuid')] = 'không-phải-uuid';
    lines[row] = JSON.stringify(bad);
    const wrong = join(dir, `${from}-${to}-wrong.jsonl.gz`);
    writeFileSync(wrong, gzipSync(lines.join('\n')));
    const e = await restoreBackupFile(target.db, wrong).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackupFormatError);
    expect((e as Error).message).toMatch(/^Không phục hồi được bảng probe: .*uuid.*Cơ sở dữ liệu giữ nguyên/);
    expect(await fingerprints(target.db)).toEqual(before);
  });
});

describe.each(drivers)('backups on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.drop());

  it('lists every table but the transient ones, each after the tables it refers to', async () => {
    const tables = await backupTables(t.db);
    const schema = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(qb(t.db))
    ).rows.map((r) => r.name);
    expect(TRANSIENT_TABLES).toEqual(['schema_migration', 'cache_generation', 'user_session', 'login_attempt']);
    expect(tables.map((x) => x.name).sort()).toEqual(schema.filter((n) => !TRANSIENT_TABLES.includes(n)).sort());
    const fks = (
      await sql<{ child: string; parent: string }>`
        select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
         where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(qb(t.db))
    ).rows;
    const pos = new Map(tables.map((x, i) => [x.name, i]));
    for (const fk of fks.filter((f) => f.child !== f.parent && pos.has(f.child)))
      expect(pos.get(fk.parent), `${fk.child} → ${fk.parent}`).toBeLessThan(pos.get(fk.child)!);
    expect(tables.find((x) => x.name === 'body')!.selfRefs).toEqual([{ column: 'part_of', refColumn: 'id' }]);
    expect(tables.find((x) => x.name === 'task')!.columns.find((c) => c.name === 'due_effective')!.generated).toBe(
      true,
    );
    expect(() =>
      foreignKeyOrder(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['a'])],
          ['c', new Set<string>()],
        ]),
      ),
    ).toThrow(/vòng tròn.*a, b/);
  });

  it('is a snapshot: writes committed while it runs are not in it, and the audit chain in it is whole', async () => {
    const audit = (i: number) => (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) =>
      appendAudit(tx, {
        actorUserId: null,
        actor: 'thử',
        action: 'create',
        entity: 'x',
        entityId: String(i),
        orgId: null,
        before: null,
        after: { i },
      });
    for (let i = 0; i < 3; i++) await t.db.transaction(audit(i));
    const file = join(dir, `snapshot-${driver}.jsonl.gz`);
    const pending: Promise<unknown>[] = [];
    const made = await backupToFile(t.db, file, {
      // Once the chain's head is written, other connections append and add an organization. PostgreSQL commits
      // them at once (awaited here); PGlite has one connection, so they wait for the snapshot to end.
      onTable: async (table) => {
        if (table !== 'audit_head') return;
        const writes = Promise.all([
          t.db.transaction(audit(10)),
          t.db.transaction(audit(11)),
          t.db.query(
            `insert into organization (id, code, name, kind, valid_from, search_text)
              values ($1, 'SNAP', 'Chi bộ giữa chừng', 'CELL', '2026-01-01', 'x')`,
            [uuidv7()],
          ),
        ]);
        pending.push(writes);
        if (driver === 'postgres') await writes;
      },
    });
    await Promise.all(pending);
    expect(made.counts['audit_log']).toBe(3);
    expect(made.counts['organization']).toBe(0);
    const { n } = await qb(t.db)
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(5);
    const check = await checkBackup(file);
    expect(check.problems).toEqual([]);
    expect(check.audit).toEqual({ ok: true, checked: 3 });
  });

  it('restores a version 1 file (one JSON document, bytea as \\x hex)', async () => {
    const org = uuidv7();
    const task = uuidv7();
    await t.db.query(
      `insert into organization (id, code, name, kind, valid_from, search_text)
        values ($1, 'V1', 'Đảng ủy xã Một', 'COMMUNE_PARTY_ORG', '2025-07-01', 'dang uy xa mot')`,
      [org],
    );
    await t.db.query(
      `insert into task (id, org_id, title, source_kind, state, percent, due_date, supporting)
        values ($1, $2, 'Nhiệm vụ', 'other', 'assigned', 12.5, '2026-06-30', '[{"a":1}]')`,
      [task, org],
    );
    await t.db.query(
      `insert into task_file (id, org_id, task_id, file_name, size, sha256, content)
        values ($1, $2, $3, $4, 256, $5, $6)`,
      [uuidv7(), org, task, 'minh-chung.bin', 'x', ALL_BYTES],
    );
    const v1 = await versionOneDocument(t.db);
    const file = join(dir, `v1-${driver}.json.gz`);
    writeFileSync(file, gzipSync(JSON.stringify(v1)));
    await t.db.query('delete from task_file');
    const restored = await restoreBackupFile(t.db, file);
    expect(restored.header.version).toBe(1);
    expect(restored.counts['task_file']).toBe(1);
    expect((await versionOneDocument(t.db)).tables).toEqual(v1.tables);
    const f = await qb(t.db).selectFrom('task_file').select('content').executeTakeFirstOrThrow();
    expect(Buffer.from(f.content).equals(ALL_BYTES)).toBe(true);
  });

  it('empties the sessions on restore; kept tables stay as they are (generations bumped by triggers too)', async () => {
    const file = join(dir, `kept-${driver}.jsonl.gz`);
    await backupToFile(t.db, file);
    // 014_cache_generation.sql: the restore neither backs it up nor empties it; its triggers count the restore's
    // writes.
    await t.db.query("update cache_generation set n = 7 where name = 'auth'");
    const user = uuidv7();
    await t.db.query(
      "insert into app_user (id, username, password_hash, display_name) values ($1, 'phien', 'x', 'Phiên')",
      [user],
    );
    await t.db.query(
      `insert into user_session (id, user_id, csrf_token, expires_at)
          values ('s1', $1, 'c', now() + interval '1 day')`,
      [user],
    );
    await restoreBackupFile(t.db, file);
    expect((await t.db.query('select 1 from user_session')).rows).toHaveLength(0);
    const auth = await qb(t.db)
      .selectFrom('cache_generation')
      .select('n')
      .where('name', '=', 'auth')
      .executeTakeFirstOrThrow();
    expect(Number(auth.n)).toBeGreaterThan(7);
    expect((await t.db.query("select 1 from app_user where username = 'phien'")).rows).toHaveLength(0);
  });

  it('refuses a file that is not a backup, and one of another schema, without changing anything', async () => {
    const before = await fingerprints(t.db);
    const foreign = join(dir, 'khong-phai.txt');
    writeFileSync(foreign, 'Biên bản hội nghị\nkhông phải bản sao lưu\n');
    await expect(restoreBackupFile(t.db, foreign)).rejects.toThrow(/^Tệp không phải bản sao lưu Quychế/);
    const gz = join(dir, 'khong-phai.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify({ format: 'other', rows: [] })));
    await expect(restoreBackupFile(t.db, gz)).rejects.toThrow(/^Tệp không phải bản sao lưu Quychế/);
    const old = join(dir, 'cu.jsonl.gz');
    writeFileSync(
      old,
      gzipSync(
        `${JSON.stringify({
          format: 'quyche-backup',
          version: 2,
          createdAt: new Date().toISOString(),
          migrations: ['001_foundation.sql'],
        })}\n{"done":{}}\n`,
      ),
    );
    await expect(restoreBackupFile(t.db, old)).rejects.toThrow(/lược đồ 001_foundation.sql.*cùng phiên bản phần mềm/);
    await expect(restoreBackupFile(t.db, join(dir, 'khong-co.jsonl.gz'))).rejects.toThrow(/tệp không tồn tại/);
    expect(await fingerprints(t.db)).toEqual(before);
  });
});

/** What version 1 wrote: every table as JSON objects, dates as ISO strings, bytea as `\x` hex. */
async function versionOneDocument(db: Db) {
  const migrations = (await qb(db).selectFrom('schema_migration').select('name').orderBy('name').execute()).map(
    (r) => r.name,
  );
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const t of await backupTables(db)) {
    // Every column, as version 1 read them (generated ones too), named from the catalog.
    const columns = t.columns.map((c) => quoteIdent(c.name)).join(', ');
    const order = t.primaryKey.length ? `order by ${t.primaryKey.map(quoteIdent).join(', ')}` : '';
    tables[t.name] = (await db.query(`select ${columns} from ${quoteIdent(t.name)} ${order}`)).rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v instanceof Date ? v.toISOString() : v instanceof Uint8Array ? `\\x${Buffer.from(v).toString('hex')}` : v,
        ]),
      ),
    );
  }
  return { format: 'quyche-backup', version: 1, createdAt: new Date().toISOString(), migrations, tables };
}
