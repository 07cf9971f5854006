import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import type { JsonValue } from './db.schema.js';
import { qb } from './kysely.driver.js';
import { uuidv7 } from './uuid.js';

/**
 * The job queue's table. A claimed job holds a lease (`locked_until`): a worker that dies mid-job leaves it `running`
 * with its lease running out, and the next claim takes it again; after `maxAttempts` claims it is left failed.
 */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: JsonValue;
  /** Claims so far, this one included. */
  attempts: number;
}

/** Queues a job once per key; null when the key was queued before. */
export async function insertJob(s: Sql, job: { kind: string; dedupeKey: string; payload: unknown; runAt: Date }) {
  const r = await qb(s)
    .insertInto('job')
    .values({
      id: uuidv7(),
      kind: job.kind,
      dedupe_key: job.dedupeKey,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Claims up to `limit` ready jobs — queued and due, or running with an expired lease — for `leaseSeconds`. SKIP
 * LOCKED: several servers claim side by side and never the same job.
 */
export async function claimJobs(s: Sql, limit: number, leaseSeconds: number, maxAttempts: number) {
  const r = await sql<ClaimedJob & { run_at: Date }>`
    with ready as (
      select id from job
       where attempts < ${maxAttempts}
         and ((state = 'queued' and run_at <= now()) or (state = 'running' and locked_until < now()))
       order by run_at, id
       limit ${limit}
       for update skip locked)
    update job j
       set state = 'running', attempts = j.attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
      from ready
     where j.id = ready.id
    returning j.id, j.kind, j.payload, j.attempts, j.run_at`.execute(qb(s));
  return r.rows
    .sort((a, b) => +a.run_at - +b.run_at || a.id.localeCompare(b.id))
    .map(({ run_at: _, ...j }) => j as ClaimedJob);
}

/** Jobs whose worker died on their last allowed attempt: failed, with the reason an administrator reads. */
export async function failAbandonedJobs(s: Sql, maxAttempts: number) {
  const r = await qb(s)
    .updateTable('job')
    .set({
      state: 'failed',
      locked_until: null,
      last_error: `Bị gián đoạn ${maxAttempts} lần khi đang xử lý (máy chủ dừng giữa chừng)`,
    })
    .where('state', '=', 'running')
    .where('locked_until', '<', sql<Date>`now()`)
    .where('attempts', '>=', maxAttempts)
    .returning('id')
    .execute();
  return r.length;
}

export async function finishJob(s: Sql, id: string) {
  await qb(s)
    .updateTable('job')
    .set({ state: 'done', done_at: sql<Date>`now()`, locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: queued again after `retryInSeconds`, or left failed for good. */
export async function failJobAttempt(s: Sql, id: string, error: string, retryInSeconds: number | null) {
  await qb(s)
    .updateTable('job')
    .set({
      state: retryInSeconds === null ? 'failed' : 'queued',
      last_error: error.slice(0, 2000),
      locked_until: null,
      run_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds ?? 0})`,
    })
    .where('id', '=', id)
    .execute();
}

export async function jobAttempts(s: Sql, id: string) {
  return (await qb(s).selectFrom('job').select('attempts').where('id', '=', id).executeTakeFirst())?.attempts;
}

/** What an administrator sees of the queue: counts by state and the jobs that failed for good, latest first. */
export async function jobQueueState(s: Sql, failedLimit = 50) {
  const counts = await qb(s)
    .selectFrom('job')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const failed = await qb(s)
    .selectFrom('job')
    .select(['id', 'kind', 'dedupe_key', 'payload', 'attempts', 'last_error', 'run_at', 'created_at'])
    .where('state', '=', 'failed')
    .orderBy('run_at', 'desc')
    .limit(failedLimit)
    .execute();
  return { counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])), failed };
}

/** A worker still on the job pushes its lease on, so that a long job (a backup) is not taken by another meanwhile. */
export async function extendJobLease(s: Sql, id: string, leaseSeconds: number) {
  await qb(s)
    .updateTable('job')
    .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** A failed job queued again by an administrator, its attempts reset; false when it was not failed. */
export async function requeueFailedJob(s: Sql, id: string) {
  const r = await qb(s)
    .updateTable('job')
    .set({ state: 'queued', attempts: 0, locked_until: null, run_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .returning(['id', 'kind'])
    .executeTakeFirst();
  return r ?? null;
}
