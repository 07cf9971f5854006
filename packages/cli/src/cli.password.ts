import { readFileSync } from 'node:fs';
import { CliError } from './cli.shared.js';

/** Typed ahead of a question (two lines arriving in one chunk): kept for the next one. */
let typedAhead = '';

/** Reads a line from the terminal without echoing it (a password typed there is never shown or kept in history). */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (err: Error | null, rest = '') => {
      typedAhead = rest;
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n')
          return finish(
            null,
            chars
              .slice(i + 1)
              .join('')
              .replace(/^\n/, ''),
          );
        if (ch === '\u0003') return finish(new CliError('Đã hủy.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
    if (typedAhead) onData(typedAhead);
  });
}

/**
 * A new password for `init`, `user add` and `user password`: from `--password-file` (its first line), else the
 * environment variable named (init: QUYCHE_ADMIN_PASSWORD), else typed twice at the terminal, not echoed.
 */
export async function newPassword(
  o: { passwordFile?: string | undefined; password?: string | undefined },
  envVar?: string,
): Promise<string> {
  if (o.password !== undefined) return o.password;
  if (o.passwordFile) {
    try {
      return readFileSync(o.passwordFile, 'utf8').split(/\r?\n/)[0]!;
    } catch (e) {
      throw new CliError(`Không đọc được tệp mật khẩu ${o.passwordFile}: ${(e as Error).message}`);
    }
  }
  const fromEnv = envVar ? process.env[envVar] : undefined;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError(
      'Cần mật khẩu: chạy trong cửa sổ dòng lệnh để nhập (không hiện ra màn hình), ' +
        `hoặc dùng --password-file TỆP${envVar ? ` hoặc biến môi trường ${envVar}` : ''}.`,
    );
  }
  const first = await askHidden('Mật khẩu mới (ít nhất 10 ký tự): ');
  const second = await askHidden('Nhập lại mật khẩu mới: ');
  if (first !== second) throw new CliError('Hai lần nhập mật khẩu không khớp nhau: chưa thay đổi gì.');
  return first;
}
