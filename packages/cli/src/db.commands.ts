import type { Command } from 'commander';
import { backupToFile, checkBackup, DataFolderLockedError, describeCheck, restoreBackupFile } from '@quyche/db';
import type { Db } from '@quyche/db';
import { backupThroughServer, unwritable } from './backup.remote.js';
import { config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';

const num = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const secs = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

/** `quyche db migrate | backup | restore | check-backup`. */
export function dbCommands(prog: Command, g: () => GlobalOpts) {
  const db = prog.command('db').description('cơ sở dữ liệu: cập nhật lược đồ, sao lưu, phục hồi, kiểm tra bản sao lưu');
  db.command('migrate')
    .description('áp dụng các tệp cập nhật lược đồ còn thiếu')
    .action(async () => {
      await withDb(config(g()), async () => []);
      console.log('Lược đồ CSDL đã ở phiên bản mới nhất.');
    });
  db.command('backup <file>')
    .description(
      'sao lưu toàn bộ dữ liệu ra một tệp (.jsonl.gz), cả khi máy chủ đang chạy; dùng được cho cả PGlite và PostgreSQL',
    )
    .action(async (file: string) => {
      const cfg = config(g());
      const t0 = performance.now();
      try {
        // PostgreSQL, or a PGlite folder no server holds: read it directly, in one snapshot transaction.
        const s = await withDb(cfg, (d: Db) => backupToFile(d, file).catch(unwritable(file)));
        console.log(
          `Đã sao lưu ${num(s.rows)} bản ghi của ${Object.keys(s.counts).length} bảng vào ${file} ` +
            `(${mb(s.bytes)} MB, ${secs(s.ms)} giây).`,
        );
      } catch (e) {
        if (!(e instanceof DataFolderLockedError) || cfg.databaseUrl) throw e;
        const r = await backupThroughServer(cfg.dataDir, file, e);
        console.log(
          `Đã sao lưu ${num(total(r.counts))} bản ghi của ${Object.keys(r.counts).length} bảng vào ${file} ` +
            `qua máy chủ đang chạy (PID ${r.pid}; ${secs(performance.now() - t0)} giây).`,
        );
      }
    });
  db.command('restore <file>')
    .description(
      'thay toàn bộ dữ liệu bằng một bản sao lưu (trong một giao dịch: lỗi thì không thay đổi gì); ' +
        'cần dừng máy chủ trước',
    )
    .action(async (file: string) => {
      const r = await withDb(config(g()), (d: Db) => restoreBackupFile(d, file));
      console.log(
        `Đã phục hồi ${num(r.rows)} bản ghi (${secs(r.ms)} giây): ${Object.entries(r.counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
    });
  db.command('check-backup <file>')
    .description(
      'phục hồi thử một bản sao lưu vào CSDL PGlite tạm (không đụng tới dữ liệu đang dùng), ' +
        'kiểm tra nhật ký và số bản ghi; thoát 0 nếu tốt, 1 nếu không',
    )
    .action(async (file: string) => {
      const c = await checkBackup(file);
      for (const line of describeCheck(c)) console.log(line);
      if (!c.ok) {
        console.error(`Lỗi: ${c.problems[0]}`);
        process.exitCode = 1;
      }
    });
}
