import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình khác (PID ${pid}) sử dụng. ` +
        `Hãy dừng tiến trình đó, hoặc chọn thư mục dữ liệu khác bằng --data / QUYCHE_DATA_DIR. ` +
        `(The data folder is in use by process ${pid}.)`,
    );
  }
}

/**
 * Who holds the lock. A PID alone is not enough: in a container the server is PID 1 every time, and after a crash
 * another process may get the dead one's PID. The start time (jiffies since boot, /proc/<pid>/stat field 22) and
 * the boot id tell a reused PID apart; the token tells us apart from an earlier process that had our PID; the
 * socket, when there is one, answers only while its process lives (the kernel closes it on SIGKILL).
 */
export interface LockRecord {
  pid: number;
  startTime: string | null;
  bootId: string | null;
  hostname: string | null;
  token: string | null;
  socket: string | null;
}

/** What this machine says about processes (a parameter so that each stale case can be tested). */
export interface ProcessView {
  self: { pid: number; startTime: string | null; bootId: string | null; token: string };
  alive(pid: number): boolean;
  startTime(pid: number): string | null;
}

/** Why the recorded holder is gone, or null when it may be alive (the lock is refused). */
export function staleReason(rec: LockRecord, view: ProcessView): string | null {
  if (rec.bootId && view.self.bootId && rec.bootId !== view.self.bootId) return 'the machine restarted since';
  if (rec.pid === view.self.pid) return rec.token === view.self.token ? null : 'a new process got the same PID';
  if (!view.alive(rec.pid)) return 'the process is gone';
  const now = view.startTime(rec.pid);
  if (rec.startTime && now && now !== rec.startTime) return 'the PID belongs to another process now';
  return null;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces and parentheses). */
export function processStartTime(pid: number | 'self'): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const TOKEN = randomBytes(16).toString('hex');

/** This process as the lock sees it; on systems without /proc only the PID (liveness then decides alone). */
export function thisMachine(): ProcessView {
  return {
    self: {
      pid: process.pid,
      startTime: processStartTime('self'),
      bootId: readText('/proc/sys/kernel/random/boot_id'),
      token: TOKEN,
    },
    alive,
    startTime: (pid) => processStartTime(pid),
  };
}

/** A lock file of this version (JSON) or of earlier ones (the PID alone). */
export function parseLockRecord(text: string): LockRecord | null {
  if (/^\d+$/.test(text))
    return { pid: Number(text), startTime: null, bootId: null, hostname: null, token: null, socket: null };
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    if (typeof r.pid !== 'number') return null;
    return {
      pid: r.pid,
      startTime: r.startTime ?? null,
      bootId: r.bootId ?? null,
      hostname: r.hostname ?? null,
      token: r.token ?? null,
      socket: r.socket ?? null,
    };
  } catch {
    return null;
  }
}

/** Does a process answer on the holder's socket? null when the socket says nothing either way. */
function socketAnswers(path: string): Promise<boolean | null> {
  return new Promise((resolve) => {
    const c = createConnection(path);
    const done = (v: boolean | null) => {
      c.destroy();
      resolve(v);
    };
    c.setTimeout(2000, () => done(null));
    c.once('connect', () => done(true));
    c.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' ? false : null));
  });
}

// Unix socket paths are limited to about 107 bytes; Windows has named pipes instead.
const socketUsable = (path: string) => process.platform !== 'win32' && Buffer.byteLength(path) < 100;

/**
 * An exclusive lock on the PGlite data folder: two processes opening the same folder would corrupt it. A lock left
 * by a process that is gone (killed, crashed, a container restarted as PID 1 again) is taken over; one held by a
 * live process is refused with a clear message.
 */
export async function lockDataFolder(dir: string, view: ProcessView = thisMachine()): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'quyche.lock');
  const socketPath = join(dir, 'quyche.lock.sock');
  const socket = socketUsable(socketPath) ? socketPath : null;
  const record: LockRecord = {
    pid: view.self.pid,
    startTime: view.self.startTime,
    bootId: view.self.bootId,
    hostname: hostname(),
    token: view.self.token,
    socket,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, JSON.stringify(record))) {
      const server = socket ? await listenOn(socket) : null;
      if (socket && !server) {
        // No socket here (a file system without them): others must not read a refused connection as our death.
        const temp = `${file}.new-${process.pid}`;
        writeFileSync(temp, JSON.stringify({ ...record, socket: null }));
        renameSync(temp, file);
      }
      return releaser(file, socket, server, view.self.token);
    }
    const text = readText(file);
    if (text === null) continue; // removed meanwhile: try again
    const held = parseLockRecord(text);
    if (held) {
      const answers = held.socket ? await socketAnswers(held.socket) : null;
      if (answers === true) throw new DataFolderLockedError(dir, held.pid);
      if (answers === null && staleReason(held, view) === null) throw new DataFolderLockedError(dir, held.pid);
    }
    // A stale lock (or garbage): moved aside and removed only if it is still the one judged, so that two starters
    // do not remove each other's fresh lock.
    const aside = `${file}.stale-${view.self.token}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readText(aside) !== text) {
      try {
        linkSync(aside, file);
      } catch {
        /* another lock appeared: it wins */
      }
    }
    rmSync(aside, { force: true });
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dir}`);
}

/** The lock file appears whole or not at all: written aside, then hard-linked into place (fails if it exists). */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, content, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // A file system without hard links: exclusive create, then write.
    try {
      writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

async function listenOn(path: string): Promise<Server | null> {
  const server = createServer((c) => c.destroy());
  try {
    rmSync(path, { force: true }); // the socket file of a holder that is gone
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } catch {
    try {
      rmSync(path, { force: true });
    } catch {
      /* not ours to remove */
    }
    return null; // a file system without sockets: liveness is judged by the process alone
  }
  server.unref();
  return server;
}

function releaser(file: string, socket: string | null, server: Server | null, token: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (server) {
      server.close();
      rmSync(socket!, { force: true });
    }
    const held = parseLockRecord(readText(file) ?? '');
    if (held?.token === token) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}
