import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on the PGlite data folder: two processes opening the same folder would corrupt it.
 * The lock file holds the owner's PID; a lock left by a dead process is taken over.
 */
export function lockDataFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'quyche.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) throw new DataFolderLockedError(dir, pid);
      if (pid === process.pid) throw new DataFolderLockedError(dir, pid);
      rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dir}`);
}
