import type { Command } from 'commander';
import { APP_ROLES } from '@quyche/core';
import { appendAudit, findUserByUsername, getOrganizationByCode, uuidv7 } from '@quyche/db';
import { hashPassword } from '@quyche/server';
import { CliError, config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';

/** `quyche user add`. */
export function userCommands(prog: Command, g: () => GlobalOpts) {
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
}
