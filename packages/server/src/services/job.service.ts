import { claimJobs, extendJobLease, failAbandonedJobs, failJobAttempt, finishJob, insertJob } from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import type { JobKind, JobPayload } from './job.kinds.js';
import { parseJobPayload } from './job.kinds.js';

/**
 * Background jobs in the database: queued once per key, claimed with FOR UPDATE SKIP LOCKED so that several servers
 * share the work and no job runs twice at once. A claim is a lease: a job whose worker died is claimed again once
 * its lease has run out; a job that keeps failing (or keeps losing its worker) is left failed after MAX_ATTEMPTS,
 * for the administrator to see.
 */
export type JobHandler = (payload: Record<string, unknown>, ctx: { db: Db; jobId: string }) => Promise<void>;

export async function enqueue<K extends JobKind>(
  sql: Sql,
  kind: K,
  dedupeKey: string,
  payload: JobPayload<K>,
  runAt?: Date,
) {
  return insertJob(sql, { kind, dedupeKey, payload, runAt: runAt ?? new Date() });
}

export const MAX_ATTEMPTS = 5;

export interface JobRunnerOptions {
  /** How long a claim holds before another worker may take the job (seconds). */
  leaseSeconds?: number;
  maxAttempts?: number;
  /** How long a worker keeps its lease on one job (seconds): a handler stuck past it lets another worker retry. */
  maxRunSeconds?: number;
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly leaseSeconds: number;
  private readonly maxAttempts: number;
  private readonly maxRunSeconds: number;
  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    opts: JobRunnerOptions = {},
  ) {
    this.leaseSeconds = opts.leaseSeconds ?? 300;
    this.maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
    this.maxRunSeconds = opts.maxRunSeconds ?? 3600;
  }

  /** Runs every ready job (claiming a few at a time) and returns how many ran. */
  async runPending(limit = 1000): Promise<{ done: number; failed: number }> {
    let done = 0;
    let failed = 0;
    await failAbandonedJobs(this.db, this.maxAttempts);
    while (done + failed < limit) {
      const batch = await claimJobs(this.db, 10, this.leaseSeconds, this.maxAttempts);
      if (batch.length === 0) break;
      for (const j of batch) {
        // The lease is pushed on while the handler works (a third of it at a time), up to maxRunSeconds.
        const started = Date.now();
        const heartbeat = setInterval(
          () => {
            if (Date.now() - started < this.maxRunSeconds * 1000)
              void extendJobLease(this.db, j.id, this.leaseSeconds).catch(() => {});
          },
          (this.leaseSeconds * 1000) / 3,
        );
        heartbeat.unref();
        try {
          const handler = this.handlers[j.kind];
          if (!handler) throw new Error(`Không có xử lý cho loại công việc "${j.kind}"`);
          const p = parseJobPayload(j.kind, j.payload);
          if (!p.ok) throw new Error(p.error);
          await handler(p.payload, { db: this.db, jobId: j.id });
          await finishJob(this.db, j.id);
          done++;
        } catch (e) {
          const again = j.attempts < this.maxAttempts;
          await failJobAttempt(this.db, j.id, String((e as Error).message ?? e), again ? 30 * 2 ** j.attempts : null);
          failed++;
        } finally {
          clearInterval(heartbeat);
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
