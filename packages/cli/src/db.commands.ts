import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { createBackup, restoreBackup } from '@quyche/db';
import { CliError, config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';

/** `quyche db migrate | backup | restore`. */
export function dbCommands(prog: Command, g: () => GlobalOpts) {
  const db = prog.command('db').description('cơ sở dữ liệu: cập nhật lược đồ, sao lưu, phục hồi');
  db.command('migrate')
    .description('áp dụng các tệp cập nhật lược đồ còn thiếu')
    .action(async () => {
      const applied = await withDb(config(g()), async () => []);
      void applied;
      console.log('Lược đồ CSDL đã ở phiên bản mới nhất.');
    });
  db.command('backup <file>')
    .description('sao lưu toàn bộ dữ liệu ra một tệp (.json.gz), dùng được cho cả PGlite và PostgreSQL')
    .action(async (file: string) => {
      const backup = await withDb(config(g()), (d) => createBackup(d));
      writeFileSync(file, gzipSync(JSON.stringify(backup)));
      const n = Object.values(backup.tables).reduce((s, t) => s + t.length, 0);
      console.log(`Đã sao lưu ${n} bản ghi vào ${file}`);
    });
  db.command('restore <file>')
    .description('thay toàn bộ dữ liệu bằng một bản sao lưu (trong một giao dịch: lỗi thì không thay đổi gì)')
    .action(async (file: string) => {
      let parsed;
      try {
        const raw = readFileSync(file);
        parsed = JSON.parse((raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8'));
      } catch (e) {
        throw new CliError(`Không đọc được tệp sao lưu ${file}: ${(e as Error).message}`);
      }
      const counts = await withDb(config(g()), (d) => restoreBackup(d, parsed));
      console.log(`Đã phục hồi: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    });
}
