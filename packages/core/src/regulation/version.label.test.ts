import { describe, expect, it } from 'vitest';
import { versionLabelVi } from './version.label.js';

describe('a version named as a clerk says it', () => {
  it('reads a dated expression as the date it is in force from', () => {
    expect(versionLabelVi('vie@2025-10-20')).toBe('văn bản có hiệu lực từ 20/10/2025');
  });
  it('reads a draft slug in Vietnamese with its year', () => {
    expect(versionLabelVi('vie@2026-du-thao-sua-doi-1')).toBe('dự thảo sửa đổi 1 (2026)');
    expect(versionLabelVi('vie@2026-du-thao-sua-doi-1-chinh-ly')).toBe('dự thảo sửa đổi 1 chỉnh lý (2026)');
  });
  it('never leaves the language code', () => {
    for (const e of ['vie@2025-06-01', 'vie@ban-hop-nhat', 'eng@2026-x']) expect(versionLabelVi(e)).not.toMatch(/@/);
  });
});
