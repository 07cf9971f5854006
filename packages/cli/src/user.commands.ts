import type { Command } from 'commander';
import { APP_ROLE_LABELS, APP_ROLES } from '@quyche/core';
import type { AppRole } from '@quyche/core';
import { appendAudit, findUserByUsername, getOrganizationByCode, getUserView, listUsers, uuidv7 } from '@quyche/db';
import type { Db } from '@quyche/db';
import {
  assertPasswordPolicy,
  disableAccount,
  enableAccount,
  hashPassword,
  resetAccountPassword,
  revokeAccountSessions,
} from '@quyche/server';
import { CliError, config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';
import { newPassword } from './cli.password.js';

const CLI = { userId: null, name: 'cli' };

async function userNamed(d: Db, username: string) {
  const u = await findUserByUsername(d, username.trim().toLowerCase());
  if (!u) throw new CliError(`Không có tài khoản ${username}`);
  return (await getUserView(d, u.id))!;
}

const when = (d: Date | null) =>
  d
    ? new Date(d).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' })
    : 'chưa đăng nhập';

/** `quyche user add | list | disable | enable | password | revoke-sessions`: each change audited as 'cli'. */
export function userCommands(prog: Command, g: () => GlobalOpts) {
  const user = prog
    .command('user')
    .description('tài khoản: tạo, xem, khóa, mở khóa, đặt lại mật khẩu, thu hồi phiên đăng nhập');
  user
    .command('add')
    .description('tạo tài khoản với một vai trò trên một tổ chức (và các tổ chức trực thuộc)')
    .requiredOption('--username <name>', 'tên đăng nhập (chữ thường không dấu)')
    .option(
      '--password <password>',
      'mật khẩu (nên dùng --password-file hoặc nhập khi được hỏi: lệnh gõ vào còn lưu trong lịch sử)',
    )
    .option('--password-file <file>', 'đọc mật khẩu từ dòng đầu của tệp')
    .requiredOption('--role <role>', `vai trò: ${APP_ROLES.join(' | ')}`)
    .requiredOption('--org <code>', 'mã tổ chức, ví dụ ORG-AL hoặc ORG-X01')
    .option('--name <displayName>', 'tên hiển thị')
    .option('--clearance <n>', 'mức được xem tài liệu mật: 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật', '0')
    .action(
      async (o: {
        username: string;
        password?: string;
        passwordFile?: string;
        role: string;
        org: string;
        name?: string;
        clearance: string;
      }) => {
        if (!(APP_ROLES as readonly string[]).includes(o.role))
          throw new CliError(`Vai trò không hợp lệ: ${o.role} (chọn một trong ${APP_ROLES.join(', ')})`);
        if (!/^[a-z0-9._-]{3,100}$/.test(o.username))
          throw new CliError('Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (3–100 ký tự)');
        const clearance = Number(o.clearance);
        if (![0, 1, 2, 3].includes(clearance)) throw new CliError('--clearance là 0, 1, 2 hoặc 3');
        const password = await newPassword(o);
        assertPasswordPolicy(password, 'password', { username: o.username });
        await withDb(config(g()), async (d) => {
          const org = await getOrganizationByCode(d, o.org);
          if (!org) throw new CliError(`Không có tổ chức mã ${o.org}`);
          if (await findUserByUsername(d, o.username))
            throw new CliError(`Tên đăng nhập ${o.username} đã có người dùng`);
          const id = uuidv7();
          const hash = await hashPassword(password);
          await d.transaction(async (tx) => {
            await tx.query(
              'insert into app_user (id, username, password_hash, display_name, clearance) values ($1,$2,$3,$4,$5)',
              [id, o.username, hash, o.name ?? o.username, clearance],
            );
            await tx.query('insert into role_grant (id, user_id, role, org_id) values ($1,$2,$3,$4)', [
              uuidv7(),
              id,
              o.role,
              org.id,
            ]);
            await appendAudit(tx, {
              actorUserId: null,
              actor: 'cli',
              action: 'create',
              entity: 'app_user',
              entityId: id,
              orgId: org.id,
              before: null,
              after: { username: o.username, role: o.role, org: o.org, clearance },
            });
          });
          console.log(`Đã tạo tài khoản ${o.username} (${o.role} của ${org.name}).`);
        });
      },
    );

  user
    .command('list')
    .description('danh sách tài khoản: vai trò theo tổ chức, tình trạng, lần đăng nhập cuối, số phiên đang mở')
    .action(async () => {
      await withDb(config(g()), async (d) => {
        const rows = await listUsers(d, null);
        for (const u of rows) {
          const state = [
            u.disabled ? 'Đã khóa' : 'Đang hoạt động',
            ...(u.must_change_password ? ['phải đổi mật khẩu'] : []),
          ].join(', ');
          const roles =
            u.grants.map((x) => `${APP_ROLE_LABELS[x.role as AppRole]?.vi ?? x.role} — ${x.orgName}`).join('; ') ||
            'chưa được phân quyền';
          console.log(
            `${u.username}  ${u.display_name}\n    ${roles}\n    ${state}; ` +
              `đăng nhập lần cuối: ${when(u.last_login_at)}; phiên đang mở: ${u.active_sessions}`,
          );
        }
        console.log(`${rows.length} tài khoản.`);
      });
    });

  user
    .command('disable <username>')
    .description('khóa tài khoản: các phiên đăng nhập đang mở kết thúc ngay')
    .action(async (username: string) => {
      await withDb(config(g()), async (d) => {
        const u = await disableAccount(d, CLI, await userNamed(d, username));
        console.log(`Đã khóa tài khoản ${u.username}; các phiên đăng nhập đã bị thu hồi.`);
      });
    });

  user
    .command('enable <username>')
    .description('mở khóa tài khoản')
    .action(async (username: string) => {
      await withDb(config(g()), async (d) => {
        const u = await enableAccount(d, CLI, await userNamed(d, username));
        console.log(`Đã mở khóa tài khoản ${u.username}.`);
      });
    });

  user
    .command('password <username>')
    .description(
      'đặt lại mật khẩu (nhập khi được hỏi, hoặc --password-file): ' +
        'thu hồi các phiên, buộc đổi mật khẩu ở lần đăng nhập sau',
    )
    .option('--password-file <file>', 'đọc mật khẩu mới từ dòng đầu của tệp')
    .action(async (username: string, o: { passwordFile?: string }) => {
      await withDb(config(g()), async (d) => {
        const target = await userNamed(d, username);
        const u = await resetAccountPassword(d, CLI, target, await newPassword(o), 'password');
        console.log(
          `Đã đặt lại mật khẩu của ${u.username}; các phiên đăng nhập đã bị thu hồi; ` +
            'người dùng phải đổi mật khẩu ở lần đăng nhập sau.',
        );
      });
    });

  user
    .command('revoke-sessions <username>')
    .description('thu hồi mọi phiên đăng nhập của tài khoản (đăng xuất ở mọi nơi)')
    .action(async (username: string) => {
      await withDb(config(g()), async (d) => {
        const target = await userNamed(d, username);
        const open = target.active_sessions;
        const u = await revokeAccountSessions(d, CLI, target);
        console.log(`Đã thu hồi ${open} phiên đăng nhập của ${u.username}.`);
      });
    });
}
