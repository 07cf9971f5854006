import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Database } from './db.schema.js';
import type { Sql } from './db.types.js';

/**
 * Kysely over the one `Sql` interface both drivers speak (PGlite and node-postgres), so that a repository builds typed
 * queries on the database or inside a transaction the same way: `qb(tx).selectFrom('task')…`. Transactions stay
 * `db.transaction(fn)`: Kysely's own transaction API is refused here, as a second way to open one would let a query
 * escape the transaction it was meant for.
 */
class SqlConnection implements DatabaseConnection {
  constructor(private readonly sql: Sql) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { rows } = await this.sql.query<R>(compiled.sql, compiled.parameters as unknown[]);
    return { rows };
  }
  // biome-ignore lint/correctness/useYield: streaming is not offered; the generator only refuses.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Kysely: streamQuery không được hỗ trợ trên Sql');
  }
}

class SqlDriver implements Driver {
  private readonly connection: SqlConnection;
  constructor(sql: Sql) {
    this.connection = new SqlConnection(sql);
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('Kysely: mở giao dịch bằng db.transaction(), không bằng Kysely');
  }
  async commitTransaction(): Promise<void> {
    throw new Error('Kysely: giao dịch do db.transaction() quản lý');
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error('Kysely: giao dịch do db.transaction() quản lý');
  }
  async releaseConnection() {}
  async destroy() {}
}

const builders = new WeakMap<Sql, Kysely<Database>>();

/** The typed query builder on a database or a transaction (one per `Sql`, kept while it lives). */
export function qb(sql: Sql): Kysely<Database> {
  let k = builders.get(sql);
  if (!k) {
    k = new Kysely<Database>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new SqlDriver(sql),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    builders.set(sql, k);
  }
  return k;
}
