import { migrate, openDb, qb, refreshPlannerStatistics } from '@quyche/db';
import type { Db } from '@quyche/db';
import { Cron } from 'croner';
import { buildApp } from './app.js';
import { closeFilePool } from './files/file.pool.js';
import type { JobRunner } from './services/job.service.js';
import { queueScheduled } from './services/reminder.service.js';
import type { AppConfig } from './config.js';
import { checkConfig } from './config.js';
import { queueBackup } from './services/backup.job.js';
import { localUrl, newLocalToken, writeServerInfo } from './serve.info.js';
import { isSeeded, seedAnLac } from './seed/an-lac.seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/an-lac.data.js';
import { hasAccounts } from './services/setup.service.js';

export async function openConfiguredDb(config: AppConfig): Promise<Db> {
  return openDb(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
}

/** A database without accounts, served without `--demo`: nobody could sign in, and the demo's must not appear. */
export class NotInitializedError extends Error {
  constructor() {
    super(
      'CSDL chưa được khởi tạo (chưa có tài khoản nào). Khởi tạo CSDL dùng thật bằng: ' +
        'npx quyche init --org-code MÃ --org-name "Đảng bộ tỉnh …" --admin TÊN_ĐĂNG_NHẬP; ' +
        'hoặc chạy bản demo tỉnh An Lạc: npm start (npx quyche serve --demo). / ' +
        'The database has no account yet: run `npx quyche init`, or `npx quyche serve --demo` for the demo.',
    );
  }
}

/**
 * `quyche serve`: migrate and serve API and web. `demo`: an empty database (no account) gets the An Lạc demo with its
 * published password; without it an empty database is refused, so that a production database never has the demo's
 * accounts, and a database that has accounts is never given them either.
 */
export async function serve(config: AppConfig, opts: { demo?: boolean; log?: (s: string) => void } = {}) {
  const log = opts.log ?? ((s: string) => console.log(s));
  const t0 = Date.now();
  checkConfig(config);
  const db = await openConfiguredDb(config);
  try {
    const applied = await migrate(db);
    if (applied.length) log(`• Đã cập nhật lược đồ CSDL: ${applied.join(', ')}`);
    if (!(await hasAccounts(db))) {
      if (!opts.demo) throw new NotInitializedError();
      const s = await seedAnLac(db);
      log(`• Đã nạp dữ liệu mẫu tỉnh An Lạc: ${s.organizations} tổ chức, ${s.people} người, ${s.memberships} chức vụ.`);
    } else if (opts.demo && !(await isSeeded(db))) {
      log('• CSDL đã có tài khoản và không phải bản demo: không nạp dữ liệu mẫu An Lạc.');
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  await refreshPlannerStatistics(db);
  // With PGlite this process holds the data folder: the command line asks it for backups with this token.
  const localToken = config.databaseUrl ? undefined : newLocalToken();
  const app = await buildApp(db, config, { logger: true, localToken, log });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const removeInfo = localToken
    ? writeServerInfo(config.dataDir, {
        pid: process.pid,
        url: localUrl(config.host, port),
        token: localToken,
        startedAt: new Date().toISOString(),
      })
    : () => {};
  let schedule: Cron | null = null;
  let backups: Cron | null = null;
  const statistics =
    db.driver === 'pglite'
      ? new Cron(
          '30 3 * * *',
          { timezone: 'Asia/Ho_Chi_Minh' },
          () => void refreshPlannerStatistics(db).catch(() => {}),
        )
      : null;
  if (config.jobs) {
    // Every morning at 07:00 in Vietnam: the reminder scan (and on Mondays the weekly digest); at start, today's.
    await queueScheduled(db);
    schedule = new Cron('0 7 * * *', { timezone: 'Asia/Ho_Chi_Minh' }, () => void queueScheduled(db).catch(() => {}));
    (app as unknown as { jobs: JobRunner }).jobs.start();
    const mail = config.smtpUrl
      ? 'gửi thư qua SMTP'
      : 'chưa cấu hình SMTP (QUYCHE_SMTP_URL): chỉ thông báo trong ứng dụng';
    log(
      `• Nhắc hạn nhiệm vụ: ${config.remindBeforeWorkingDays} ngày làm việc trước hạn, lúc 07:00 hằng ngày; ${mail}.`,
    );
    if (config.backupSchedule) {
      backups = new Cron(
        config.backupSchedule,
        { timezone: 'Asia/Ho_Chi_Minh' },
        () => void queueBackup(db).catch((e: Error) => log(`Không xếp được lịch sao lưu: ${e.message}`)),
      );
      log(
        `• Sao lưu định kỳ theo lịch "${config.backupSchedule}" (giờ Việt Nam) vào ${config.backupDir}, ` +
          `giữ ${config.backupKeep} bản, mỗi bản được phục hồi thử.`,
      );
    } else log('• Sao lưu định kỳ: tắt (QUYCHE_BACKUP_SCHEDULE=off).');
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${config.dataDir}`;
  log(
    `Quychế đang chạy tại http://${config.host}:${port}  ` +
      `(CSDL: ${where}; khởi động ${((Date.now() - t0) / 1000).toFixed(1)} giây)`,
  );
  if (await isSeeded(db)) {
    const present = new Set(
      (
        await qb(db)
          .selectFrom('app_user')
          .select('username')
          .where(
            'username',
            'in',
            DEMO_ACCOUNTS.map((a) => a.username),
          )
          .where('disabled', '=', false)
          .execute()
      ).map((r) => r.username),
    );
    const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.username));
    const width = Math.max(...accounts.map((a) => a.username.length));
    log(`Đăng nhập bản demo, mật khẩu chung "${DEMO_PASSWORD}":`);
    for (const a of accounts) log(`  ${a.username.padEnd(width)}  ${a.vi}`);
    log(`Demo accounts, password "${DEMO_PASSWORD}": ${accounts.map((a) => `${a.username} (${a.en})`).join(', ')}.`);
  }
  log('Dừng: Ctrl+C.');
  const stop = async () => {
    schedule?.stop();
    backups?.stop();
    statistics?.stop();
    removeInfo();
    await app.close();
    await closeFilePool();
    await db.close();
  };
  return { app, db, stop };
}
