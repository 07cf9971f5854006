import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `quyche reg …` exactly as other tools automate it: exit codes and JSON shapes.
const bin = fileURLToPath(new URL('../bin/quyche.js', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const reg = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'reg', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const AN_LAC = 'regulations/an-lac/01-QC-TU.qc.md';
const tmp = mkdtempSync(join(tmpdir(), 'qc-reg-'));

describe('quyche reg', () => {
  it('lint: 0 without errors, 1 with, 2 for an unreadable file, with the JSON shapes', () => {
    const ok = reg('lint', AN_LAC, '--model', 'regulations/mau/quy-che-mau-tinh.qc.md', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ findings: [] });
    const bad = reg(
      'lint',
      'regulations/test/01-QC-TU-loi.qc.md',
      '--model',
      'regulations/mau/quy-che-mau-tinh.qc.md',
      '--json',
    );
    expect(bad.status).toBe(1);
    const f = JSON.parse(bad.stdout).findings[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'eId', 'message']));
    const broken = join(tmp, 'hong.qc.md');
    writeFileSync(broken, '## Điều 1. A\n1. B\n```quy-tac\n- { id: x, kind: magic }\n```\n');
    const parse = reg('lint', broken, '--json');
    expect(parse.status).toBe(2);
    expect(JSON.parse(parse.stdout)).toEqual({
      error: { line: 4, column: 1, message: expect.stringContaining('magic') },
    });
  });
  it('ask: the documented answer shape, exit 3 when the regulation has no answer', () => {
    const a = reg(
      'ask',
      AN_LAC,
      '--json',
      '{"ask":"vote","at":"2026-04-10","input":{"body":"BCH","total_members":61,"present":45,' +
        '"yes":31,"no":10,"abstain":4,"method":"show_of_hands"}}',
    );
    expect(a.status).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual(['result', 'ruleIds', 'eIds', 'reason_vi']);
    expect(out.result).toEqual({ passed: true, violations: [] });
    expect(out.eIds).toEqual(['chp_3__art_16__para_1']);
    const who = JSON.parse(
      reg(
        'ask',
        AN_LAC,
        '--json',
        '{"ask":"who_decides","at":"2026-05-04","input":{"matter":"CHU_TRUONG_DU_AN","tong_muc_dau_tu_ty_dong":300}}',
      ).stdout,
    );
    expect(who.result).toEqual({ body: 'TT', via: 'delegation', report_to: 'BTV' });
    const none = reg(
      'ask',
      AN_LAC,
      '--json',
      '{"ask":"quorum","at":"2026-04-10","input":{"body":"UBKT","summoned":11,"present":8}}',
    );
    expect(none.status).toBe(3);
    expect(JSON.parse(none.stdout).error.code).toBe('NO_RULE');
  });
  it('ask on an assessment file: the level and the quota in the contract of issue 16', () => {
    const FILE = 'regulations/danh-gia/quy-dinh-366.qc.md';
    const level = (input: object) =>
      JSON.parse(reg('ask', FILE, '--json', JSON.stringify({ ask: 'classify', at: '2025-12-20', input })).stdout);
    const member = { subject: 'member', tasks_total: 10, tasks_on_time: 10, tasks_exceeded: 3, disciplined: false };
    const top = level({ ...member, points: 90 });
    expect(Object.keys(top)).toEqual(['result', 'ruleIds', 'eIds', 'reason_vi']);
    expect(top.result.level).toBe('xuat_sac');
    expect(top.eIds).toEqual(['chp_2__art_11__para_1__point_1.3']);
    expect(level({ ...member, points: 89 }).result.level).toBe('tot');
    expect(level({ ...member, points: 95, disciplined: true }).result.level).toBe('khong_hoan_thanh');
    expect(level({ ...member, subject: 'organization', points: 88 }).result.level).toBe('tot');
    const quota = reg('ask', FILE, '--json', '{"ask":"quota","at":"2025-12-20","input":{"xuat_sac":3,"tot":14}}');
    expect(quota.status).toBe(0);
    expect(JSON.parse(quota.stdout).result).toMatchObject({ ok: false, max: 2 });
    const bad = reg('ask', FILE, '--json', '{"ask":"classify","at":"2025-12-20","input":{"subject":"member"}}');
    expect(bad.status).toBe(3);
    expect(JSON.parse(bad.stdout).error.reason_vi).toBe('"points" phải là số điểm từ 0 đến 100');
    const lint = reg('lint', 'regulations/test/danh-gia-loi.qc.md', '--superior', FILE, '--json');
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout).findings.map((f: { code: string }) => f.code)).toEqual([
      'LOOSER_THAN_MODEL',
      'LOOSER_THAN_MODEL',
      'LOOSER_THAN_MODEL',
    ]);
  });
  it('test: "N passed, M failed" as the last line', () => {
    const t = reg('test', AN_LAC);
    expect(t.status).toBe(0);
    expect(t.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
  it('consolidate, diff --docx and import print their results', () => {
    const c = reg(
      'consolidate',
      'regulations/examples/tinh-a.qc.md',
      'regulations/examples/tinh-a-sua-doi-2026.qc.yaml',
      '--at',
      '2026-07-01',
    );
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('chậm nhất 07 ngày làm việc');
    expect(c.stderr).toContain('Chưa có hiệu lực: repeal art_12');
    const consolidated = join(tmp, 'hop-nhat.qc.md');
    writeFileSync(consolidated, c.stdout);
    const out = join(tmp, 'bang-so-sanh.docx');
    const d = reg('diff', 'regulations/examples/tinh-a.qc.md', consolidated, '--docx', out);
    expect(d.status).toBe(0);
    expect(d.stdout).toContain('| khoản 1 Điều 10 |');
    expect(existsSync(out)).toBe(true);
    const txt = join(tmp, 'qc.txt');
    writeFileSync(txt, 'QUY CHẾ\nĐiều 1. Phạm vi\n1. Nội dung.\nĐiều 2. Hiệu lực\n');
    const i = reg('import', txt);
    expect(i.status).toBe(0);
    expect(i.stdout).toContain('## Điều 2. Hiệu lực');
    const letter = join(tmp, 'thu.txt');
    writeFileSync(letter, 'Kính gửi Văn phòng Tỉnh ủy\nĐề nghị cung cấp tài liệu.\n');
    const notReg = reg('import', letter);
    expect(notReg.status).toBe(1);
    expect(notReg.stderr).toContain('không có cấu trúc của một quy chế');
  });
});
