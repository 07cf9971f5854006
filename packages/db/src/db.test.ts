import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from './audit.repo.js';
import { qb } from './kysely.driver.js';
import { createTestDb, testDrivers } from './test-db.js';
import type { TestDb } from './test-db.js';
import { uuidv7 } from './uuid.js';

const drivers = await testDrivers();

describe.each(drivers)('database on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.drop());

  it('migrates and keeps dates as calendar strings', async () => {
    const id = uuidv7();
    await t.db.query(
      `insert into organization (id, code, name, kind, valid_from, search_text)
        values ($1, 'T1', 'Chi bộ Thử', 'CELL', '2025-07-01', 'chi bo thu')`,
      [id],
    );
    const row = await qb(t.db)
      .selectFrom('organization')
      .select('valid_from')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.valid_from).toBe('2025-07-01');
  });

  it('rolls back a failed transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(
          `insert into organization (id, code, name, kind, valid_from, search_text)
            values ($1, 'T2', 'X', 'CELL', '2025-07-01', 'x')`,
          [uuidv7()],
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.db.query('select 1 from organization where code = $1', ['T2'])).rows).toHaveLength(0);
  });

  it('chains audit entries and detects a changed, a deleted and a truncated row', async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) =>
        appendAudit(tx, {
          actorUserId: null,
          actor: 'test',
          action: 'create',
          entity: 'x',
          entityId: String(i),
          orgId: null,
          before: null,
          after: { i, tên: 'Đảng ủy' },
        }),
      );
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
    await t.db.query(`update audit_log set after = '{"i": 99}' where seq = 2`);
    const changed = await verifyAudit(t.db);
    expect(changed.ok).toBe(false);
    expect(changed.problems.map((p) => [p.seq, p.kind])).toContainEqual([2, 'changed']);
    await t.db.query('delete from audit_log where seq = 4');
    expect((await verifyAudit(t.db)).problems.map((p) => p.kind)).toContain('missing');
    await t.db.query('delete from audit_log where seq = 5');
    expect((await verifyAudit(t.db)).problems.map((p) => p.kind)).toContain('head_mismatch');
  });
});
