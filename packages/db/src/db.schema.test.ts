import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes } from './db.schema.gen.js';
import { migrate } from './migrate.js';
import { openDb } from './open-db.js';

const FILE = fileURLToPath(new URL('./db.schema.ts', import.meta.url));

describe('database types', () => {
  it('match the migrations (QUYCHE_WRITE_SCHEMA=1 rewrites them)', async () => {
    const db = await openDb({ memory: true });
    try {
      await migrate(db);
      const generated = await generateSchemaTypes(db);
      if (process.env.QUYCHE_WRITE_SCHEMA === '1') writeFileSync(FILE, generated);
      // A migration that adds a column the checked-in types lack fails here: run `npm run db:types`.
      expect(readFileSync(FILE, 'utf8')).toBe(generated);
    } finally {
      await db.close();
    }
  });
});
