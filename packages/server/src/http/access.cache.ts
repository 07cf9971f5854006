import { cacheGenerations, orgChainUp, orgsCovered, sessionUser } from '@quyche/db';
import type { Db } from '@quyche/db';

/**
 * What every request needs before its own work — the session with the user's grants, the chain of an organization
 * up to the root, the organizations a grant covers — kept in memory until a write changes it. Database triggers
 * count such writes (`cache_generation`: `auth` for users, grants and ended sessions, `org` for the tree) and say
 * so on the channel `quyche_cache`, whichever process, CLI or restore made them; a transaction committed by this
 * process marks the cache too, so that its own next request sees its write. On PostgreSQL, and on PGlite whenever
 * nothing listens (before the server is ready), every request reads the two generations instead (see requestBegins).
 */
type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionUser>>>;

const MAX_SESSIONS = 20_000;
const MAX_CHAINS = 100_000;

export class AccessCache {
  private generations: { auth: number; org: number } | null = null;
  private stale = true;
  private pending: Promise<void> | null = null;
  private listening = false;
  private stopListening: (() => Promise<void>) | null = null;
  private lastListenAttempt = 0;
  private readonly sessions = new Map<string, { row: SessionRow; expiresAt: number }>();
  private readonly chains = new Map<string, string[]>();
  private readonly covered = new Map<string, string[]>();

  constructor(private readonly db: Db) {}

  /** The next lookup checks the generations first (a change was heard of; this process committed a write). */
  markStale(): void {
    this.stale = true;
  }

  /**
   * A request begins. PGlite hears its own notifications inside the write, so memory is trusted while it listens.
   * On PostgreSQL another server's or the command line's commit is heard a moment later, and a revoked session must
   * be refused at once: the generations are read at every request there (one row of two numbers).
   */
  requestBegins(): void {
    if (this.listening && this.db.driver === 'pglite') return;
    this.stale = true;
    // Listening again after a lost connection, at most every 30 s.
    if (this.stopListening !== null && Date.now() - this.lastListenAttempt > 30_000) void this.listen();
  }

  async listen(): Promise<void> {
    this.lastListenAttempt = Date.now();
    try {
      const stop = await this.db.listen(
        'quyche_cache',
        () => this.markStale(),
        () => {
          this.listening = false;
          this.stale = true;
        },
      );
      this.stopListening = stop;
      this.listening = true;
      // Anything written before the channel was heard is read now.
      this.stale = true;
    } catch {
      this.listening = false;
      this.stopListening ??= async () => {};
    }
  }

  async close(): Promise<void> {
    this.listening = false;
    const stop = this.stopListening;
    this.stopListening = null;
    await stop?.();
  }

  private async fresh(): Promise<void> {
    if (!this.stale) return;
    // One read of the generations serves every request that arrives while it is under way.
    this.pending ??= (async () => {
      this.stale = false;
      const g = await cacheGenerations(this.db);
      if (!this.generations || g.auth !== this.generations.auth) this.sessions.clear();
      if (!this.generations || g.org !== this.generations.org) {
        this.chains.clear();
        this.covered.clear();
      }
      this.generations = g;
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async session(sessionId: string): Promise<SessionRow | undefined> {
    await this.fresh();
    const hit = this.sessions.get(sessionId);
    if (hit && hit.expiresAt > Date.now()) return hit.row;
    const row = await sessionUser(this.db, sessionId);
    if (!row) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.clear();
    this.sessions.set(sessionId, { row, expiresAt: new Date(row.expires_at).getTime() });
    return row;
  }

  async chainUp(orgId: string): Promise<string[]> {
    await this.fresh();
    const hit = this.chains.get(orgId);
    if (hit) return hit;
    const chain = await orgChainUp(this.db, orgId);
    if (this.chains.size >= MAX_CHAINS) this.chains.clear();
    this.chains.set(orgId, chain);
    return chain;
  }

  async coveredBy(roots: string[]): Promise<string[]> {
    await this.fresh();
    const key = [...roots].sort().join(',');
    const hit = this.covered.get(key);
    if (hit) return hit;
    const ids = await orgsCovered(this.db, roots);
    if (this.covered.size >= 1_000) this.covered.clear();
    this.covered.set(key, ids);
    return ids;
  }
}

const caches = new WeakMap<Db, AccessCache>();

export function accessCache(db: Db): AccessCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new AccessCache(db)));
  return c;
}

/**
 * The database as the server uses it: every transaction it commits marks the cache stale, so that a request
 * reading after its own write (a new parent link, a revoked session) sees the change.
 */
export function withAccessCache(db: Db): Db {
  const cache = accessCache(db);
  const wrapped: Db = {
    ...db,
    query: db.query,
    listen: db.listen.bind(db),
    close: db.close.bind(db),
    async transaction(fn) {
      try {
        return await db.transaction(fn);
      } finally {
        cache.markStale();
      }
    },
  };
  caches.set(wrapped, cache);
  return wrapped;
}
