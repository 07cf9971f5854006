import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from './kysely.driver.js';
import { createTestDb, testDrivers } from './test-db.js';
import type { TestDb } from './test-db.js';
import { uuidv7 } from './uuid.js';

const drivers = await testDrivers();

describe.each(drivers)('typed queries on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.drop());

  it('inserts by column name and reads typed rows: dates as calendar strings, counts as numbers', async () => {
    const id = uuidv7();
    await qb(t.db)
      .insertInto('organization')
      .values({ id, code: 'K1', name: 'Chi bộ Kysely', kind: 'CELL', valid_from: '2025-07-01', search_text: 'chi bo' })
      .execute();
    const row = await qb(t.db)
      .selectFrom('organization')
      .select(['name', 'valid_from'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Chi bộ Kysely', valid_from: '2025-07-01' });
    const { n } = await qb(t.db)
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', '=', 'K1')
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('runs inside db.transaction and rolls back with it', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await qb(tx)
          .insertInto('organization')
          .values({ id: uuidv7(), code: 'K2', name: 'X', kind: 'CELL', valid_from: '2025-07-01', search_text: 'x' })
          .execute();
        expect(await qb(tx).selectFrom('organization').select('id').where('code', '=', 'K2').execute()).toHaveLength(1);
        throw new Error('thôi');
      }),
    ).rejects.toThrow('thôi');
    expect(await qb(t.db).selectFrom('organization').select('id').where('code', '=', 'K2').execute()).toHaveLength(0);
  });

  it('takes raw SQL for what the builder does not say well (a recursive query)', async () => {
    const r = await sql<{ n: number }>`with recursive s(n) as (select 1 union all select n + 1 from s where n < 3)
      select n from s order by n`.execute(qb(t.db));
    expect(r.rows.map((x) => x.n)).toEqual([1, 2, 3]);
  });

  it('refuses a Kysely transaction (transactions are db.transaction)', async () => {
    await expect(
      qb(t.db)
        .transaction()
        .execute(async () => 1),
    ).rejects.toThrow('db.transaction');
  });
});
