import { uuidv7 } from '@quyche/db';
import type { Db, Sql } from '@quyche/db';

/**
 * Background jobs in the database: queued once per key, claimed with FOR UPDATE SKIP LOCKED so that several servers
 * share the work and no job runs twice at once; a failed job is retried with a growing delay, then left failed.
 */
export type JobHandler = (payload: Record<string, unknown>, ctx: { db: Db; jobId: string }) => Promise<void>;

export async function enqueue(
  sql: Sql,
  kind: string,
  dedupeKey: string,
  payload: Record<string, unknown> = {},
  runAt?: Date,
) {
  const r = await sql.query<{ id: string }>(
    'insert into job (id, kind, dedupe_key, payload, run_at) values ($1,$2,$3,$4,$5) on conflict (dedupe_key) do nothing returning id',
    [uuidv7(), kind, dedupeKey, JSON.stringify(payload), (runAt ?? new Date()).toISOString()],
  );
  return r.rows[0]?.id ?? null;
}

const MAX_ATTEMPTS = 5;

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
  ) {}

  /** Runs every ready job (claiming a few at a time) and returns how many ran. */
  async runPending(limit = 1000): Promise<{ done: number; failed: number }> {
    let done = 0;
    let failed = 0;
    while (done + failed < limit) {
      const batch = await this.db.transaction(async (tx) => {
        const rows = (
          await tx.query<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>(
            `select id, kind, payload, attempts from job
              where state = 'queued' and run_at <= now() and (locked_until is null or locked_until < now())
              order by run_at, id limit 10 for update skip locked`,
          )
        ).rows;
        if (rows.length)
          await tx.query(
            "update job set state = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes' where id = any($1::uuid[])",
            [rows.map((r) => r.id)],
          );
        return rows;
      });
      if (batch.length === 0) break;
      for (const j of batch) {
        const handler = this.handlers[j.kind];
        try {
          if (!handler) throw new Error(`Không có xử lý cho loại công việc "${j.kind}"`);
          await handler(j.payload, { db: this.db, jobId: j.id });
          await this.db.query(
            "update job set state = 'done', done_at = now(), locked_until = null, last_error = null where id = $1",
            [j.id],
          );
          done++;
        } catch (e) {
          const attempts = j.attempts + 1;
          const again = attempts < MAX_ATTEMPTS;
          await this.db.query(
            `update job set state = $2, last_error = $3, locked_until = null, run_at = now() + ($4 || ' seconds')::interval where id = $1`,
            [
              j.id,
              again ? 'queued' : 'failed',
              String((e as Error).message ?? e).slice(0, 2000),
              String(30 * 2 ** attempts),
            ],
          );
          failed++;
        }
      }
    }
    return { done, failed };
  }

  start(everyMs = 15_000) {
    const tick = async () => {
      if (this.running) return;
      this.running = true;
      try {
        await this.runPending();
      } catch {
        // the database may be restarting: the next tick tries again
      } finally {
        this.running = false;
      }
    };
    this.timer = setInterval(() => void tick(), everyMs);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
