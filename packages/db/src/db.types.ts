/** The one interface every repository uses; PGlite and node-postgres both speak it with the same SQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}
export interface Db extends Sql {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: `notify` from any transaction (delivered at commit), in this process or, on PostgreSQL,
   * in any server sharing the database. Returns the function that stops listening. `onLost`: the connection that
   * listened was lost (PostgreSQL restarted, the network dropped): nothing more will be heard on it.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
