import { Command, CommanderError } from 'commander';
import { BackupFormatError, DataFolderLockedError, verifyAudit } from '@quyche/db';
import { ConfigError, hasAccounts, isSeeded, NotInitializedError, seedAnLac, serve } from '@quyche/server';
import { DEFAULT_CALENDAR, ProblemError } from '@quyche/core';
import { ExitError, regCommands } from './reg.commands.js';
import { CliError, config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';
import { dbCommands } from './db.commands.js';
import { userCommands } from './user.commands.js';
import { initCommand } from './init.command.js';

export function program(): Command {
  const prog = new Command('quyche')
    .description('Quychế — quy chế làm việc của cấp ủy Đảng thành mã chạy được')
    .option('--data <dir>', 'thư mục dữ liệu PGlite (mặc định ./data, hoặc QUYCHE_DATA_DIR)')
    .option('--database-url <url>', 'dùng PostgreSQL thay cho PGlite (hoặc DATABASE_URL)')
    .showHelpAfterError('(xem hướng dẫn: npx quyche --help)')
    .exitOverride();
  localize(prog);
  const g = () => prog.opts<GlobalOpts>();

  prog
    .command('serve')
    .description('chạy máy chủ API và giao diện web')
    .option('-p, --port <port>', 'cổng (mặc định 3000, hoặc PORT)')
    .option('--host <host>', 'địa chỉ lắng nghe (mặc định 127.0.0.1)')
    .option(
      '--demo',
      'bản demo: CSDL còn trống (chưa có tài khoản) được nạp dữ liệu mẫu tỉnh An Lạc, mật khẩu công khai',
    )
    .action(async (o: { port?: string; host?: string; demo?: boolean }) => {
      const { stop } = await serve(config({ ...g(), ...o }), { demo: o.demo === true });
      await new Promise<void>((resolve) => {
        const onSignal = () => {
          console.log('Đang dừng…');
          void stop().then(resolve);
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      });
    });

  initCommand(prog, g);
  dbCommands(prog, g);

  prog
    .command('seed')
    .description('nạp dữ liệu')
    .command('demo')
    .description('nạp dữ liệu mẫu tỉnh An Lạc vào CSDL trống')
    .action(async () => {
      await withDb(config(g()), async (d) => {
        if (await isSeeded(d)) throw new CliError('CSDL đã có dữ liệu An Lạc: không nạp lại.');
        // The demo's accounts have a published password: never into a database that is in use.
        if (await hasAccounts(d)) throw new CliError('CSDL đã có tài khoản (đang dùng thật): không nạp dữ liệu mẫu.');
        const s = await seedAnLac(d);
        console.log(
          `Đã nạp: ${s.organizations} tổ chức, ${s.people} người, ${s.memberships} chức vụ; ` +
            `tài khoản: ${s.users.map((u) => u.username).join(', ')} (mật khẩu ${s.users[0]!.password}).`,
        );
      });
    });

  userCommands(prog, g);

  prog
    .command('audit')
    .description('nhật ký thao tác')
    .command('verify')
    .description('kiểm tra chuỗi băm của nhật ký: phát hiện bản ghi bị sửa hoặc xóa ngoài ứng dụng')
    .action(async () => {
      const r = await withDb(config(g()), (d) => verifyAudit(d));
      if (r.ok) console.log(`Nhật ký toàn vẹn: ${r.checked} bản ghi, chuỗi băm khớp.`);
      else {
        console.log(`NHẬT KÝ KHÔNG TOÀN VẸN: ${r.problems.length} vấn đề trong ${r.checked} bản ghi`);
        for (const p of r.problems) console.log(`  - [${p.kind}] ${p.message_vi}`);
        process.exitCode = 1;
      }
    });
  regCommands(prog, () => DEFAULT_CALENDAR);
  for (const c of allCommands(prog)) localize(c);
  return prog;
}

function allCommands(c: Command): Command[] {
  return c.commands.flatMap((x) => [x, ...allCommands(x)]);
}

/** Vietnamese first: commander's own help and error lines. */
function localize(c: Command) {
  c.helpOption('-h, --help', 'hiển thị hướng dẫn');
  if (c.commands.length) c.helpCommand('help [lệnh]', 'hướng dẫn về một lệnh');
  c.configureHelp({ subcommandTerm: (x) => x.name() + (x.usage() ? ` ${x.usage()}` : '') });
  c.configureOutput({
    outputError: (text, write) =>
      write(
        text
          .replace(/^error: unknown command '(.*)'/m, "Lỗi: không có lệnh '$1' (unknown command)")
          .replace(/^error: unknown option '(.*)'/m, "Lỗi: không có tùy chọn '$1' (unknown option)")
          .replace(/^error: missing required argument '(.*)'/m, "Lỗi: thiếu tham số '$1'")
          .replace(/^error: required option '(.*)' not specified/m, "Lỗi: thiếu tùy chọn bắt buộc '$1'")
          .replace(/^error: option '(.*)' argument missing/m, "Lỗi: tùy chọn '$1' cần một giá trị"),
      ),
  });
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ExitError) {
      if (e.json !== undefined) console.log(JSON.stringify(e.json));
      console.error(`Lỗi: ${e.message}`);
      return e.exitCode;
    }
    if (
      e instanceof CliError ||
      e instanceof DataFolderLockedError ||
      e instanceof BackupFormatError ||
      e instanceof NotInitializedError ||
      e instanceof ConfigError
    ) {
      console.error(`Lỗi: ${e.message}`);
      return 1;
    }
    if (e instanceof ProblemError) {
      console.error(`Lỗi: ${e.problem.detail ?? e.problem.title}`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EADDRINUSE') {
      console.error(`Lỗi: cổng đã có chương trình khác dùng (${err.message}). Chọn cổng khác bằng --port.`);
      return 1;
    }
    if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === '3D000' || err?.code === '28P01') {
      console.error(`Lỗi: không kết nối được PostgreSQL (${err.message}). Kiểm tra DATABASE_URL.`);
      return 1;
    }
    console.error(`Lỗi không mong đợi: ${err?.message ?? String(e)}`);
    return 1;
  }
}
