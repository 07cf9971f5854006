import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DataFolderLockedError,
  lockDataFolder,
  parseLockRecord,
  processStartTime,
  staleReason,
  thisMachine,
} from './data-lock.js';
import type { LockRecord, ProcessView } from './data-lock.js';

const root = mkdtempSync(join(tmpdir(), 'qc-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const d = join(root, `d${++n}`);
  mkdirSync(d);
  return d;
};

const view = (over: Partial<ProcessView['self']> = {}, live: Record<number, string | null> = {}): ProcessView => ({
  self: { pid: 4242, startTime: '900', bootId: 'boot-a', token: 'ours', ...over },
  alive: (pid) => pid in live,
  startTime: (pid) => live[pid] ?? null,
});
const rec = (over: Partial<LockRecord> = {}): LockRecord => ({
  pid: 77,
  startTime: '500',
  bootId: 'boot-a',
  hostname: 'may-chu',
  token: 'theirs',
  socket: null,
  ...over,
});

describe('when a lock is stale', () => {
  it('is stale when its process is gone', () => {
    expect(staleReason(rec(), view({}, {}))).toBe('the process is gone');
  });
  it('is stale when its PID now belongs to a process started at another time', () => {
    expect(staleReason(rec(), view({}, { 77: '777' }))).toBe('the PID belongs to another process now');
  });
  it('is stale when the machine booted again since', () => {
    expect(staleReason(rec({ bootId: 'boot-old' }), view({}, { 77: '500' }))).toBe('the machine restarted since');
  });
  it('is stale when it names our own PID with a token that is not ours (a container restarted as PID 1)', () => {
    expect(staleReason(rec({ pid: 1, startTime: '40' }), view({ pid: 1, startTime: '40' }, { 1: '40' }))).toBe(
      'a new process got the same PID',
    );
  });
  it('is held while its process lives with the same start time and boot, or when it is our own', () => {
    expect(staleReason(rec(), view({}, { 77: '500' }))).toBeNull();
    expect(staleReason(rec({ pid: 4242, token: 'ours' }), view())).toBeNull();
  });
  it(
    'falls back to the PID alone where /proc says nothing (not Linux), ' +
      'and reads the PID-only files of earlier versions',
    () => {
      const legacy = parseLockRecord('77')!;
      expect(legacy).toEqual({ pid: 77, startTime: null, bootId: null, hostname: null, token: null, socket: null });
      const bare = view({ startTime: null, bootId: null });
      expect(staleReason(legacy, { ...bare, alive: () => true, startTime: () => null })).toBeNull();
      expect(staleReason(legacy, { ...bare, alive: () => false, startTime: () => null })).toBe('the process is gone');
      expect(parseLockRecord('rác')).toBeNull();
    },
  );
  it('reads the start time of a process from /proc', () => {
    if (process.platform !== 'linux') return;
    expect(processStartTime('self')).toMatch(/^\d+$/);
    expect(processStartTime(process.pid)).toBe(processStartTime('self'));
    expect(processStartTime(2 ** 22 + 7)).toBeNull();
  });
});

async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => c.once('exit', r));
  return c.pid!;
}

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, with the clear message, and frees on release', async () => {
    const dir = folder();
    const release = await lockDataFolder(dir);
    const e = await lockDataFolder(dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataFolderLockedError);
    expect((e as Error).message).toMatch(
      /^Thư mục dữ liệu .* đang được tiến trình khác \(PID \d+\) sử dụng\. Hãy dừng tiến trình đó/,
    );
    const held = parseLockRecord(readFileSync(join(dir, 'quyche.lock'), 'utf8'))!;
    expect(held).toMatchObject({
      pid: process.pid,
      bootId: thisMachine().self.bootId,
      startTime: processStartTime('self'),
    });
    release();
    expect(existsSync(join(dir, 'quyche.lock'))).toBe(false);
    (await lockDataFolder(dir))();
  });

  it("takes over a dead process's lock, one naming our PID with another token, and an old PID-only one", async () => {
    const dead = await deadPid();
    for (const text of [
      JSON.stringify(rec({ pid: dead, startTime: null, bootId: thisMachine().self.bootId })),
      JSON.stringify(
        rec({
          pid: process.pid,
          startTime: processStartTime('self'),
          bootId: thisMachine().self.bootId,
          token: 'an-earlier-process',
        }),
      ),
      String(dead),
      'rác',
    ]) {
      const dir = folder();
      writeFileSync(join(dir, 'quyche.lock'), text, { flag: 'w' });
      const release = await lockDataFolder(dir);
      expect(parseLockRecord(readFileSync(join(dir, 'quyche.lock'), 'utf8'))!.token).toBe(thisMachine().self.token);
      release();
    }
  });

  it('refuses a live process recorded with its start time, and takes its lock once it is killed', async () => {
    const child = spawn('sleep', ['60']);
    await new Promise((r) => child.once('spawn', r));
    const dir = folder();
    writeFileSync(
      join(dir, 'quyche.lock'),
      JSON.stringify(
        rec({ pid: child.pid!, startTime: processStartTime(child.pid!), bootId: thisMachine().self.bootId }),
      ),
    );
    await expect(lockDataFolder(dir)).rejects.toThrow(`(PID ${child.pid})`);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    (await lockDataFolder(dir))();
  });

  it('believes the holder’s socket over PIDs: answering means held, refused means gone', async () => {
    const dir = folder();
    const sock = join(dir, 'khac.sock');
    const server = createServer((c) => c.destroy());
    await new Promise<void>((r) => server.listen(sock, r));
    // A holder in another PID namespace: its PID means nothing here, its socket answers.
    writeFileSync(join(dir, 'quyche.lock'), JSON.stringify(rec({ pid: await deadPid(), socket: sock })));
    await expect(lockDataFolder(dir)).rejects.toThrow(DataFolderLockedError);
    await new Promise((r) => server.close(r));
    // A holder killed with SIGKILL leaves its socket file with nobody listening, even if its PID is taken again.
    const gone = join(dir, 'gone.sock');
    const holder = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(gone)}); setInterval(() => {}, 1000)`,
    ]);
    while (!existsSync(gone)) await new Promise((r) => setTimeout(r, 20));
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    writeFileSync(
      join(dir, 'quyche.lock'),
      JSON.stringify(
        rec({
          pid: process.ppid,
          startTime: processStartTime(process.ppid),
          bootId: thisMachine().self.bootId,
          socket: gone,
        }),
      ),
    );
    (await lockDataFolder(dir))();
  });

  it('records no socket where it cannot listen, and is then judged by the process alone', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'quyche.lock.sock'));
    writeFileSync(join(dir, 'quyche.lock.sock', 'khong-xoa'), 'x');
    const release = await lockDataFolder(dir);
    expect(parseLockRecord(readFileSync(join(dir, 'quyche.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      socket: null,
    });
    await expect(lockDataFolder(dir)).rejects.toThrow(DataFolderLockedError);
    release();
    expect(existsSync(join(dir, 'quyche.lock'))).toBe(false);
  });

  it('is taken by exactly one of several servers starting at once on a stale lock', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'quyche.lock'), String(await deadPid()));
    // Four starters, each with its own PID and token; each sees the others alive.
    const starters = [1, 2, 3, 4].map((i) =>
      lockDataFolder(dir, {
        ...thisMachine(),
        self: { pid: 900_000 + i, startTime: null, bootId: null, token: `t${i}` },
        alive: (pid) => pid >= 900_000,
      }),
    );
    const results = await Promise.allSettled(starters);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataFolderLockedError);
    (won[0] as PromiseFulfilledResult<() => void>).value();
  });
});
