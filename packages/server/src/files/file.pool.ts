import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ProblemError } from '@quyche/core';
import type { FileJob, FileJobResult } from './file.worker.js';
import { FILE_TIME_LIMIT_MS } from './file.limits.js';
import { outsideGate } from '../http/request.gate.js';
import type { FastifyRequest } from 'fastify';

/**
 * Uploaded files are parsed in a small pool of worker threads, never on the event loop: a file that is slow to
 * parse delays its own answer, not another clerk's. A thread past the time limit is ended (Piscina terminates it
 * on abort) and its memory is capped, so a file that inflates to gigabytes ends that thread, not the server.
 */
let pool: Piscina | null = null;

// Tests run the sources; the worker thread always runs the built file (`npm test` builds first).
const WORKER = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../dist/files/file.worker.js' : './file.worker.js', import.meta.url),
);

function filePool(): Piscina {
  pool ??= new Piscina({
    filename: WORKER,
    minThreads: 1,
    maxThreads: 2,
    idleTimeout: 60_000,
    // More uploads than this waiting at once are turned away rather than queued for minutes.
    maxQueue: 16,
    resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48 },
  });
  return pool;
}

/** Starts the pool's first thread (it loads the parsers) without waiting for it. */
export function warmFilePool(): void {
  filePool();
}

export async function closeFilePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/**
 * Runs a parsing job in the pool; a refusal or a limit becomes the problem+json the user reads. The request (when
 * given) leaves its slot among the requests being served while its file is read.
 */
export async function parseInPool<T>(
  job: FileJob,
  field: string,
  opts: { timeLimitMs?: number; req?: FastifyRequest } = {},
): Promise<T> {
  const timeLimitMs = opts.timeLimitMs ?? FILE_TIME_LIMIT_MS;
  let result: FileJobResult;
  try {
    result = (await outsideGate(opts.req, () =>
      filePool().run(job, { signal: AbortSignal.timeout(timeLimitMs) }),
    )) as FileJobResult;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.name === 'AbortError' || err.name === 'TimeoutError') {
      const seconds = timeLimitMs / 1000;
      throw new ProblemError('FILE_UNPROCESSABLE', {
        code: 'QUA_THOI_GIAN_XU_LY',
        field,
        limit: seconds,
        detail: `Tệp cần hơn ${seconds} giây để đọc, vượt giới hạn xử lý: hãy kiểm tra lại tệp hoặc chia nhỏ`,
      });
    }
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new ProblemError('FILE_TOO_LARGE', {
        code: 'VUOT_BO_NHO_XU_LY',
        field,
        detail: 'Tệp cần nhiều bộ nhớ hơn giới hạn xử lý: hãy kiểm tra lại tệp hoặc chia nhỏ',
      });
    }
    if (/queue is at limit/i.test(err.message)) {
      throw new ProblemError('SERVER_BUSY', {
        field,
        retryAfter: 30,
        detail: 'Máy chủ đang đọc nhiều tệp khác: vui lòng gửi lại sau ít phút',
      });
    }
    throw e;
  }
  if (!result.ok) {
    const r = result.refusal;
    throw new ProblemError(r.problem, {
      code: r.code,
      field,
      detail: r.detail,
      ...(r.limit !== undefined ? { limit: r.limit } : {}),
    });
  }
  return result.value as T;
}
