import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.policy.js';

const rules = (pw: string, username?: string) => checkPassword(pw, { username }).reasons.map((r) => r.rule);

describe('checkPassword', () => {
  it('accepts a long, uncommon password that does not contain the username', () => {
    expect(checkPassword('Trống đồng Ngọc Lũ 1893', { username: 'vanthu.x01' })).toEqual({ ok: true, reasons: [] });
    expect(checkPassword('mây-trắng-bay-qua-đèo')).toMatchObject({ ok: true });
  });

  it('refuses fewer than 10 characters, counting Vietnamese letters once each, and more than 200', () => {
    expect(rules('Ngắn-9ký!')).toEqual(['too_short']);
    // "Đồng-Nai-9" is 10 characters although its UTF-8 and NFD forms are longer.
    expect(rules('Đồng-Nai-9'.normalize('NFD'))).toEqual([]);
    expect(rules('Sông Hồng chảy qua Hà Nội '.repeat(8))).toEqual(['too_long']);
    expect(checkPassword('abc').reasons[0]!.vi).toBe('Mật khẩu cần ít nhất 10 ký tự (mới có 3).');
  });

  it('refuses common passwords, Vietnamese ones and the demo password among them, with signs or digits around', () => {
    for (const pw of [
      'matkhau',
      'matkhau123',
      '123456789',
      'anhyeuem',
      'anlac2026',
      '1234567890',
      'qwertyuiop',
      'password123',
      'Mật khẩu 123',
      'MATKHAU@2026',
      'anhyeuem!!!!',
      '2026anlac!',
      '0987654321',
      'aaaaaaaaaa',
      'abcabcabcabc',
      'iloveyou2026',
    ]) {
      expect(rules(pw), pw).toContain('common');
    }
    const r = checkPassword('matkhau123').reasons.find((x) => x.rule === 'common')!;
    expect(r.vi).toContain('quá phổ biến');
    // A common word inside a longer phrase is not refused.
    expect(rules('matkhau của tôi là bí mật')).toEqual([]);
  });

  it('refuses the username, or a password containing it, whatever the case or diacritics', () => {
    expect(rules('vanthu.x01', 'vanthu.x01')).toEqual(['contains_username']);
    expect(rules('Tôi-là-VANTHU.X01', 'vanthu.x01')).toEqual(['contains_username']);
    expect(rules('Tôi-là-vanthu-x01', 'vanthu.x01')).toEqual([]);
    expect(checkPassword('admin-của-tỉnh', { username: 'admin' }).reasons[0]!.vi).toBe(
      'Mật khẩu không được trùng hoặc chứa tên đăng nhập.',
    );
  });

  it('refuses on a change the password being replaced', () => {
    expect(rules('Trống đồng Ngọc Lũ 1893')).toEqual([]);
    expect(
      checkPassword('Trống đồng Ngọc Lũ 1893', { current: 'Trống đồng Ngọc Lũ 1893'.normalize('NFD') }).reasons.map(
        (r) => r.rule,
      ),
    ).toEqual(['same_as_current']);
  });

  it('gives every reason at once', () => {
    expect(rules('admin', 'admin')).toEqual(['too_short', 'common', 'contains_username']);
  });
});
