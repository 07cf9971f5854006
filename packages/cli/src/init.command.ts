import type { Command } from 'commander';
import { ORGANIZATION_KINDS } from '@quyche/core';
import { hasAccounts, initDatabase } from '@quyche/server';
import { CliError, config, withDb } from './cli.shared.js';
import type { GlobalOpts } from './cli.shared.js';
import { newPassword } from './cli.password.js';

interface InitOpts {
  orgCode: string;
  orgName: string;
  orgShortName?: string;
  orgKind: string;
  validFrom?: string;
  admin: string;
  adminName?: string;
  passwordFile?: string;
}

/** `quyche init`: a database for real use, with its root organization and first administrator, and no demo. */
export function initCommand(prog: Command, g: () => GlobalOpts) {
  prog
    .command('init')
    .description('khởi tạo CSDL dùng thật: tổ chức gốc và quản trị viên đầu tiên (không có dữ liệu mẫu)')
    .requiredOption('--org-code <code>', 'mã tổ chức gốc, ví dụ ORG-TU')
    .requiredOption('--org-name <name>', 'tên tổ chức gốc, ví dụ "Đảng bộ tỉnh …"')
    .option('--org-short-name <name>', 'tên gọi tắt, ví dụ "Tỉnh ủy …"')
    .option('--org-kind <kind>', `loại tổ chức: ${ORGANIZATION_KINDS.join(' | ')}`, 'PROVINCIAL_PARTY_ORG')
    .option('--valid-from <date>', 'tổ chức hoạt động từ ngày (YYYY-MM-DD, mặc định hôm nay)')
    .requiredOption('--admin <username>', 'tên đăng nhập của quản trị viên đầu tiên (chữ thường không dấu)')
    .option('--admin-name <name>', 'tên hiển thị của quản trị viên')
    .option(
      '--password-file <file>',
      'đọc mật khẩu từ dòng đầu của tệp ' +
        '(hoặc biến môi trường QUYCHE_ADMIN_PASSWORD; trong cửa sổ dòng lệnh: nhập khi được hỏi)',
    )
    .action(async (o: InitOpts) => {
      const r = await withDb(config(g()), async (d) => {
        // Refused before the password is asked for: a database in use is never initialized again.
        if (await hasAccounts(d))
          throw new CliError('CSDL đã có tài khoản: không khởi tạo lại. Thêm tài khoản bằng "npx quyche user add".');
        const password = await newPassword(o, 'QUYCHE_ADMIN_PASSWORD');
        return initDatabase(d, {
          orgCode: o.orgCode,
          orgName: o.orgName,
          orgShortName: o.orgShortName,
          orgKind: o.orgKind as never,
          validFrom: o.validFrom,
          adminUsername: o.admin,
          adminName: o.adminName,
          password,
        });
      });
      console.log(`Đã khởi tạo CSDL: tổ chức gốc ${r.orgName} (${r.orgCode}); quản trị viên ${r.admin} (độ mật 3).`);
      console.log('Chạy máy chủ: npx quyche serve (thêm tài khoản: npx quyche user add …).');
    });
}
