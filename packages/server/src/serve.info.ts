import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the command line reaches the server that holds a PGlite data folder: a file in that folder, readable by its
 * owner only, with the server's PID, local address and a random token the server accepts for backups.
 */
export const SERVER_INFO_FILE = 'quyche.server.json';

export interface ServerInfo {
  pid: number;
  url: string;
  token: string;
  startedAt: string;
}

export function newLocalToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Where the command line on this machine reaches a server listening on `host`:`port`. */
export function localUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Written aside with mode 0600, then renamed: never readable by others, not even for a moment. */
export function writeServerInfo(dataDir: string, info: ServerInfo): () => void {
  const file = join(dataDir, SERVER_INFO_FILE);
  const temp = `${file}.${process.pid}`;
  rmSync(temp, { force: true });
  writeFileSync(temp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temp, 0o600); // whatever the umask
  renameSync(temp, file);
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as ServerInfo).token === info.token) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}

/** The running server's file, or null when there is none; EACCES is passed on (another account's server). */
export function readServerInfo(dataDir: string): ServerInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, SERVER_INFO_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const info = JSON.parse(text) as ServerInfo;
    return typeof info.url === 'string' && typeof info.token === 'string' ? info : null;
  } catch {
    return null;
  }
}
