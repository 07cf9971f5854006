import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';
/** LibreOffice, when installed (Debian's libreoffice-writer): the DOCX must open in it and convert to PDF. */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.each(drivers)('conclusion notices (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  const btvId = async () =>
    (
      await qb(t.db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', 'BTV')
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const r = await t.as(admin, { method, url: `${API}${url}`, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  /** A BTV session held and closed on `date`, with 13 of 17 present and an item voted. */
  async function closedSession(date: string) {
    let m = await ok('POST', '/meetings', {
      bodyId: await btvId(),
      kind: 'regular',
      title: `Phiên họp Ban Thường vụ Tỉnh ủy ngày ${date.split('-').reverse().join('/')}`,
      meetingDate: date,
      startsAt: '08:00',
      location: 'Hội trường Tỉnh ủy',
    });
    m = await ok('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
    m = await ok('POST', `/meetings/${m.id}/agenda`, {
      title: 'Đề án sắp xếp các đơn vị sự nghiệp thuộc Tỉnh ủy',
      matter: 'DE_AN_TO_CHUC',
      presentingUnit: 'Ban Tổ chức Tỉnh ủy',
    });
    m = await ok('POST', `/meetings/${m.id}/open`, { earlyReason: 'Ghi nhận thử trước ngày họp', version: m.version });
    const members = m.attendance.filter((a: { role: string }) => a.role === 'member');
    for (const a of members.slice(0, 13))
      m = await ok('PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' });
    m = await ok('PATCH', `/meetings/${m.id}/attendance/${members[15].id}`, {
      status: 'absent_excused',
      reason: 'Đi công tác Trung ương',
    });
    m = await ok('POST', `/meetings/${m.id}/agenda/${m.agenda[0].id}/votes`, {
      method: 'show_of_hands',
      yes: 12,
      no: 1,
      abstain: 0,
    });
    m = await ok('PUT', `/meetings/${m.id}/minutes`, {
      version: m.version,
      text: 'Hội nghị khai mạc lúc 8 giờ.\nBan Tổ chức trình bày Đề án; các đồng chí thảo luận.',
    });
    return ok('POST', `/meetings/${m.id}/close`, { earlyReason: 'Ghi nhận thử trước ngày họp', version: m.version });
  }
  const issue = (meetingId: string, issuedOn: string) =>
    t.as(admin, {
      method: 'POST',
      url: `${API}/meetings/${meetingId}/conclusion`,
      payload: {
        issuedOn,
        summary: 'Ban Thường vụ Tỉnh ủy kết luận như sau:',
        signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
        recipients: ['Các đồng chí Ủy viên Ban Thường vụ', 'Lưu Văn phòng Tỉnh ủy'],
        items: [{ kind: 'conclusion', text: 'Thống nhất với Đề án; Ban Tổ chức tiếp thu ý kiến, hoàn chỉnh.' }],
      },
    });

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('gives notices issued at the same instant different consecutive numbers', async () => {
    const meetings = [];
    for (const d of ['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-11', '2027-01-12'])
      meetings.push(await closedSession(d));
    const rs = await Promise.all(meetings.map((m) => issue(m.id, '2027-01-13')));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const numbers = rs.map((r) => Number(/^(\d+)-TB\/TU$/.exec(r.json().conclusion.symbol)![1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers.at(-1)! - numbers[0]!).toBe(5);
    const counter = (
      await qb(t.db)
        .selectFrom('document_counter')
        .select('last_number as n')
        .where('doc_type', '=', 'TB')
        .where((eb) =>
          eb('issuer_org_id', '=', eb.selectFrom('organization').select('id').where('code', '=', 'ORG-AL')),
        )
        .executeTakeFirstOrThrow()
    ).n;
    expect(counter).toBe(numbers.at(-1));
  });

  it('restarts the numbering at 01 in a new term', async () => {
    const al = await t.orgId('ORG-AL');
    expect(
      (
        await t.as(admin, {
          method: 'POST',
          url: `${API}/organizations/${al}/terms`,
          payload: { name: 'XIX', ordinal: 19, validFrom: '2030-10-12' },
        })
      ).statusCode,
    ).toBe(201);
    const before = await closedSession('2030-10-08');
    const after = await closedSession('2030-11-05');
    const last = (await issue(before.id, '2030-10-09')).json().conclusion.symbol;
    expect(Number(last.split('-')[0])).toBeGreaterThan(33);
    expect((await issue(after.id, '2030-11-06')).json().conclusion.symbol).toBe('01-TB/TU');
  });

  it('writes the notice and the minutes as DOCX in the Party format, which LibreOffice opens', async () => {
    const m = await closedSession('2027-02-02');
    expect((await issue(m.id, '2027-02-03')).statusCode).toBe(201);
    const symbol = (await ok('GET', `/meetings/${m.id}`)).conclusion.symbol;
    const dir = mkdtempSync(join(tmpdir(), 'qc-docx-'));
    try {
      const files: Record<string, string[]> = {
        'thong-bao.docx': [
          'ĐẢNG CỘNG SẢN VIỆT NAM',
          'TỈNH ỦY AN LẠC',
          `Số ${symbol}`,
          'An Lạc, ngày 03 tháng 02 năm 2027',
          'THÔNG BÁO',
          'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY',
          'T/M BAN THƯỜNG VỤ',
          'BÍ THƯ',
          'Nơi nhận:',
          'Lưu Văn phòng Tỉnh ủy',
          'Thống nhất với Đề án',
        ],
        'bien-ban.docx': [
          'ĐẢNG CỘNG SẢN VIỆT NAM',
          'TỈNH ỦY AN LẠC',
          'BIÊN BẢN',
          'Số ủy viên được triệu tập: 17; có mặt: 13; vắng có lý do: 1',
          'Đi công tác Trung ương',
          'Được thông qua: 12 phiếu đồng ý trên 17 tổng số ủy viên',
          'THƯ KÝ',
          'CHỦ TRÌ',
        ],
      };
      for (const [name, expected] of Object.entries(files)) {
        const url =
          name === 'thong-bao.docx'
            ? `${API}/meetings/${m.id}/conclusion.docx`
            : `${API}/meetings/${m.id}/minutes.docx`;
        const r = await t.as(admin, { method: 'GET', url });
        expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
        expect(r.headers['content-type']).toContain('wordprocessingml');
        const buf = r.rawPayload;
        writeFileSync(join(dir, name), buf);
        // The package: A4, Times New Roman, the header elements and the text.
        const zip = unzipSync(new Uint8Array(buf));
        const xml = new TextDecoder().decode(zip['word/document.xml']);
        const text = xml.replace(/<[^>]+>/g, '');
        for (const e of expected) expect(text, `${name}: ${e}`).toContain(e.normalize('NFC'));
        expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        expect(xml).toContain('<w:titlePg/>');
        expect(new TextDecoder().decode(zip['word/styles.xml'])).toContain('Times New Roman');
      }
      if (SOFFICE) {
        const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
        for (const target of ['pdf', 'txt:Text']) {
          const r = spawnSync(
            SOFFICE,
            [
              profile,
              '--headless',
              '--convert-to',
              target,
              '--outdir',
              dir,
              join(dir, 'thong-bao.docx'),
              join(dir, 'bien-ban.docx'),
            ],
            { encoding: 'utf8', timeout: 120_000 },
          );
          expect(r.status, r.stderr).toBe(0);
        }
        for (const name of ['thong-bao', 'bien-ban']) {
          const pdf = readFileSync(join(dir, `${name}.pdf`));
          expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
          expect(pdf.length).toBeGreaterThan(5_000);
          // What LibreOffice read back: the header and the body, with their diacritics.
          const txt = readFileSync(join(dir, `${name}.txt`), 'utf8');
          expect(txt).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
          expect(txt).toContain('TỈNH ỦY AN LẠC');
        }
        expect(readFileSync(join(dir, 'thong-bao.txt'), 'utf8')).toContain(`Số ${symbol}`);
      } else {
        console.warn('[LibreOffice không có: chỉ kiểm tra gói DOCX]');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
