import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { openBackupFile } from '@quyche/db';
import type { DataFolderLockedError } from '@quyche/db';
import { readServerInfo, SERVER_INFO_FILE } from '@quyche/server';
import { CliError } from './cli.shared.js';

/** A file that cannot be written (no such folder, no permission, disk full) is one clear line. */
export const unwritable = (file: string) => (e: NodeJS.ErrnoException) => {
  if (e.syscall && ['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EISDIR', 'ENOTDIR'].includes(e.code ?? ''))
    throw new CliError(
      `Không ghi được tệp sao lưu ${file}: ${
        e.code === 'ENOSPC'
          ? 'ổ đĩa đã đầy'
          : e.code === 'ENOENT' || e.code === 'ENOTDIR'
            ? 'thư mục không tồn tại'
            : 'không có quyền ghi'
      } (${e.code})`,
    );
  throw e;
};

/**
 * A backup of a PGlite folder held by a running server: asked of that server with the token of its file in the
 * folder, streamed into FILE.part, read through once (a cut-off transfer lacks the closing line), then renamed.
 */
export async function backupThroughServer(dataDir: string, file: string, locked: DataFolderLockedError) {
  let info: ReturnType<typeof readServerInfo>;
  try {
    info = readServerInfo(dataDir);
  } catch (e) {
    throw new CliError(
      `Không đọc được ${SERVER_INFO_FILE} của máy chủ đang chạy (${(e as NodeJS.ErrnoException).code}): ` +
        'hãy chạy lệnh bằng cùng tài khoản hệ điều hành với máy chủ',
    );
  }
  if (!info) throw locked; // held by another command (a restore), not by a server: wait for it
  const part = `${file}.part-${process.pid}`;
  try {
    let res: Response;
    try {
      res = await fetch(`${info.url}/api/v1/system/backup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${info.token}` },
      });
    } catch (e) {
      throw new CliError(
        `Máy chủ giữ thư mục dữ liệu (PID ${info.pid}, ${info.url}) không trả lời: ` +
          (((e as Error).cause as Error | undefined)?.message ?? (e as Error).message),
      );
    }
    if (!res.ok || !res.body) {
      const p = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
      throw new CliError(`Máy chủ từ chối sao lưu (${res.status}): ${p.detail ?? p.title ?? res.statusText}`);
    }
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(part, { mode: 0o600 })).catch(
      (e: NodeJS.ErrnoException) => {
        if (e.syscall) unwritable(file)(e);
        throw new CliError(
          `Việc nhận bản sao lưu từ máy chủ bị ngắt giữa chừng (${e.message}): không có tệp nào được ghi`,
        );
      },
    );
    const counts = await readThrough(part);
    await rename(part, file);
    return { counts, pid: info.pid };
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

async function readThrough(file: string): Promise<Record<string, number>> {
  const { events, close } = await openBackupFile(file);
  try {
    for await (const ev of events) if (ev.kind === 'done') return ev.counts;
  } finally {
    await close();
  }
  throw new CliError('Bản sao lưu nhận từ máy chủ không đầy đủ');
}
