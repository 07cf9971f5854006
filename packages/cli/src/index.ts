import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Command, CommanderError } from 'commander';
import { APP_ROLES } from '@quyche/core';
import { BackupFormatError, createBackup, DataFolderLockedError, getOrganizationByCode, migrate, restoreBackup, uuidv7, verifyAudit, appendAudit, findUserByUsername } from '@quyche/db';
import type { Db } from '@quyche/db';
import { configFromEnv, hashPassword, isSeeded, openConfiguredDb, seedAnLac, serve } from '@quyche/server';
import type { AppConfig } from '@quyche/server';
import { DEFAULT_CALENDAR } from '@quyche/core';
import { ExitError, regCommands } from './reg.commands.js';

/** A user-facing failure: printed as one line, exit code 1, no stack trace. */
class CliError extends Error {}

interface GlobalOpts {
  data?: string;
  databaseUrl?: string;
}

function config(opts: GlobalOpts & { port?: string; host?: string }): AppConfig {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliError(`Cổng không hợp lệ: ${opts.port}`);
  return configFromEnv(process.env, { port, host: opts.host, dataDir: opts.data ? (opts.data.startsWith('/') ? opts.data : `${process.cwd()}/${opts.data}`) : undefined, databaseUrl: opts.databaseUrl });
}

async function withDb<T>(cfg: AppConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openConfiguredDb(cfg);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

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
    .option('--no-seed', 'không nạp dữ liệu mẫu An Lạc khi CSDL còn trống')
    .action(async (o: { port?: string; host?: string; seed: boolean }) => {
      const { stop } = await serve(config({ ...g(), ...o }), { seed: o.seed });
      await new Promise<void>((resolve) => {
        const onSignal = () => {
          console.log('Đang dừng…');
          void stop().then(resolve);
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      });
    });

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

  prog
    .command('seed')
    .description('nạp dữ liệu')
    .command('demo')
    .description('nạp dữ liệu mẫu tỉnh An Lạc vào CSDL trống')
    .action(async () => {
      await withDb(config(g()), async (d) => {
        if (await isSeeded(d)) throw new CliError('CSDL đã có dữ liệu An Lạc: không nạp lại.');
        const s = await seedAnLac(d);
        console.log(`Đã nạp: ${s.organizations} tổ chức, ${s.people} người, ${s.memberships} chức vụ; tài khoản: ${s.users.map((u) => u.username).join(', ')} (mật khẩu ${s.users[0]!.password}).`);
      });
    });

  prog
    .command('user')
    .description('tài khoản')
    .command('add')
    .description('tạo tài khoản với một vai trò trên một tổ chức (và các tổ chức trực thuộc)')
    .requiredOption('--username <name>', 'tên đăng nhập (chữ thường không dấu)')
    .requiredOption('--password <password>', 'mật khẩu (ít nhất 10 ký tự)')
    .requiredOption('--role <role>', `vai trò: ${APP_ROLES.join(' | ')}`)
    .requiredOption('--org <code>', 'mã tổ chức, ví dụ ORG-AL hoặc ORG-X01')
    .option('--name <displayName>', 'tên hiển thị')
    .option('--clearance <n>', 'mức được xem tài liệu mật: 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật', '0')
    .action(async (o: { username: string; password: string; role: string; org: string; name?: string; clearance: string }) => {
      if (!(APP_ROLES as readonly string[]).includes(o.role)) throw new CliError(`Vai trò không hợp lệ: ${o.role} (chọn một trong ${APP_ROLES.join(', ')})`);
      if (!/^[a-z0-9._-]{3,100}$/.test(o.username)) throw new CliError('Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (3–100 ký tự)');
      if (o.password.length < 10) throw new CliError('Mật khẩu cần ít nhất 10 ký tự');
      const clearance = Number(o.clearance);
      if (![0, 1, 2, 3].includes(clearance)) throw new CliError('--clearance là 0, 1, 2 hoặc 3');
      await withDb(config(g()), async (d) => {
        const org = await getOrganizationByCode(d, o.org);
        if (!org) throw new CliError(`Không có tổ chức mã ${o.org}`);
        if (await findUserByUsername(d, o.username)) throw new CliError(`Tên đăng nhập ${o.username} đã có người dùng`);
        const id = uuidv7();
        const hash = await hashPassword(o.password);
        await d.transaction(async (tx) => {
          await tx.query('insert into app_user (id, username, password_hash, display_name, clearance) values ($1,$2,$3,$4,$5)', [id, o.username, hash, o.name ?? o.username, clearance]);
          await tx.query('insert into role_grant (id, user_id, role, org_id) values ($1,$2,$3,$4)', [uuidv7(), id, o.role, org.id]);
          await appendAudit(tx, { actorUserId: null, actor: 'cli', action: 'create', entity: 'app_user', entityId: id, orgId: org.id, before: null, after: { username: o.username, role: o.role, org: o.org, clearance } });
        });
        console.log(`Đã tạo tài khoản ${o.username} (${o.role} của ${org.name}).`);
      });
    });

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
    if (e instanceof CliError || e instanceof DataFolderLockedError || e instanceof BackupFormatError) {
      console.error(`Lỗi: ${e.message}`);
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
