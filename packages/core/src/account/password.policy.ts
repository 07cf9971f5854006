import { foldVietnamese } from '../text/text.fold.js';
import { COMMON_PASSWORDS } from './password.common.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordRule = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'same_as_current';
export interface PasswordReason {
  rule: PasswordRule;
  vi: string;
  en: string;
}
export interface PasswordVerdict {
  ok: boolean;
  reasons: PasswordReason[];
}

/** Runs of the keyboard and of the alphabet: any stretch of them ("1234567890", "qwertyuiop") is guessed first. */
const RUNS = [
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb',
];

function isCommon(folded: string): boolean {
  const compact = folded.replace(/\s+/g, '');
  if (COMMON_PASSWORDS.has(compact)) return true;
  // A common word with digits or signs around it: "matkhau@2026", "2026anlac".
  const core = compact.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && COMMON_PASSWORDS.has(core)) return true;
  // Three characters or fewer, repeated ("aaaaaaaaaa", "abcabcabca").
  if (new Set(compact).size <= 3) return true;
  return RUNS.some((r) => r.includes(compact) || [...r].reverse().join('').includes(compact));
}

/**
 * The password policy for every password the application stores (own change, an administrator's reset, a new
 * account, `quyche init`): 10 to 200 characters, not a commonly used password, not the username nor containing it,
 * and on a change not the password it replaces.
 * Returns every reason, in Vietnamese and English, so that a form can show them all at once.
 */
export function checkPassword(
  password: string,
  opts: { username?: string | undefined; current?: string | undefined } = {},
): PasswordVerdict {
  const reasons: PasswordReason[] = [];
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    reasons.push({
      rule: 'too_short',
      vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự (mới có ${length}).`,
      en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}).`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    reasons.push({
      rule: 'too_long',
      vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
      en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  const folded = foldVietnamese(password);
  if (folded.length > 0 && isCommon(folded)) {
    reasons.push({
      rule: 'common',
      vi: 'Mật khẩu này quá phổ biến, dễ bị đoán ra (như "matkhau123", "123456789"): hãy chọn mật khẩu khác.',
      en: 'This password is too common and easily guessed: choose another one.',
    });
  }
  const username = foldVietnamese(opts.username ?? '');
  if (username.length > 0 && folded.replace(/\s+/g, '').includes(username.replace(/\s+/g, ''))) {
    reasons.push({
      rule: 'contains_username',
      vi: 'Mật khẩu không được trùng hoặc chứa tên đăng nhập.',
      en: 'The password may not be or contain the username.',
    });
  }
  if (opts.current !== undefined && password.normalize('NFC') === opts.current.normalize('NFC')) {
    reasons.push({
      rule: 'same_as_current',
      vi: 'Mật khẩu mới phải khác mật khẩu đang dùng.',
      en: 'The new password must differ from the current one.',
    });
  }
  return { ok: reasons.length === 0, reasons };
}
