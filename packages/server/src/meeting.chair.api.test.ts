import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

/** The text of a DOCX (word/document.xml without its tags), as a reader of the file sees it. */
const docxText = (buf: Buffer) =>
  new TextDecoder().decode(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');

describe.each(drivers)('chair and secretary of a meeting (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let btv: string;
  const person = (code: string) => t.personId(code);
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const r = await t.as(admin, { method, url: `${API}${url}`, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    btv = await t.bodyId('ORG-AL', 'BTV');
  });
  afterAll(async () => t?.close());

  it('refuses a chair who is not a member of the body, naming the field as the form labels it', async () => {
    const m = await ok('POST', '/meetings', {
      bodyId: btv,
      kind: 'regular',
      title: 'Phiên họp thử chọn người chủ trì',
      meetingDate: '2027-03-02',
    });
    // M20 is a member of the BCH, not of the BTV.
    const r = await t.as(admin, {
      method: 'PATCH',
      url: `${API}/meetings/${m.id}`,
      payload: { version: m.version, chairPersonId: await person('M20') },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.chairPersonId' });
    expect(r.json().detail).toMatch(
      /^Người chủ trì hội nghị: đồng chí .+ không phải ủy viên Ban Thường vụ Tỉnh ủy vào ngày họp 02\/03\/2027/,
    );
    // A deputy secretary in the chair signs as such.
    const deputy = await ok('PATCH', `/meetings/${m.id}`, { version: m.version, chairPersonId: await person('M03') });
    expect(deputy.chair).toMatchObject({ fullName: 'Nguyễn Văn Khải', signingPosition: 'PHÓ BÍ THƯ' });
    expect(deputy.chair.title).toContain('Phó Bí thư Tỉnh ủy');
  });

  it('puts the chair and secretary in the minutes and the conclusion notice, with their signed blocks', async () => {
    let m = await ok('POST', '/meetings', {
      bodyId: btv,
      kind: 'regular',
      title: 'Phiên họp Ban Thường vụ Tỉnh ủy ngày 09/03/2027',
      meetingDate: '2027-03-09',
      startsAt: '08:00',
    });
    m = await ok('PATCH', `/meetings/${m.id}`, {
      version: m.version,
      chairPersonId: await person('M01'),
      secretaryName: 'Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy',
    });
    expect(m.chair).toEqual({
      personId: await person('M01'),
      fullName: 'Trần Quốc Hưng',
      title: 'Bí thư Tỉnh ủy',
      signingPosition: 'BÍ THƯ',
    });
    expect(m.secretaryName).toBe('Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy');
    m = await ok('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
    m = await ok('POST', `/meetings/${m.id}/open`, { version: m.version, earlyReason: 'Ghi nhận thử trước ngày họp' });
    m = await ok('POST', `/meetings/${m.id}/attendance/all-present`, {});
    m = await ok('PUT', `/meetings/${m.id}/minutes`, {
      version: m.version,
      text: 'Đồng chí Bí thư Tỉnh ủy khai mạc phiên họp.',
    });
    m = await ok('POST', `/meetings/${m.id}/close`, { version: m.version, earlyReason: 'Ghi nhận thử trước ngày họp' });
    // Closed, the minutes are still written: their secretary may still be named, nothing else changed.
    const title = await t.as(admin, {
      method: 'PATCH',
      url: `${API}/meetings/${m.id}`,
      payload: { version: m.version, title: 'Đổi tên sau bế mạc' },
    });
    expect(title.statusCode).toBe(422);
    expect(title.json()).toMatchObject({ code: 'TRANG_THAI_HOI_NGHI' });
    m = await ok('PATCH', `/meetings/${m.id}`, {
      version: m.version,
      secretaryName: 'Lê Thị Thu Hà, Phó Chánh Văn phòng Tỉnh ủy',
    });
    expect(m.secretaryName).toBe('Lê Thị Thu Hà, Phó Chánh Văn phòng Tỉnh ủy');

    const minutes = await t.as(admin, { method: 'GET', url: `${API}/meetings/${m.id}/minutes.docx` });
    expect(minutes.statusCode).toBe(200);
    const bb = docxText(minutes.rawPayload);
    for (const e of [
      'Chủ trì: đồng chí Trần Quốc Hưng, Bí thư Tỉnh ủy.',
      'Thư ký: đồng chí Lê Thị Thu Hà, Phó Chánh Văn phòng Tỉnh ủy.',
      'THƯ KÝ HỘI NGHỊ',
      'CHỦ TRÌ HỘI NGHỊ',
    ])
      expect(bb).toContain(e.normalize('NFC'));
    // Under each signature the name alone.
    expect(bb).toMatch(/THƯ KÝ HỘI NGHỊLê Thị Thu HàCHỦ TRÌ HỘI NGHỊTrần Quốc Hưng/);

    // The notice, without a signer named, is signed by the chair: T/M BAN THƯỜNG VỤ, BÍ THƯ, his name.
    const issued = await ok('POST', `/meetings/${m.id}/conclusion`, {
      issuedOn: '2027-03-10',
      summary: 'Ban Thường vụ Tỉnh ủy kết luận như sau:',
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: m.chair.signingPosition },
      items: [{ kind: 'conclusion', text: 'Thống nhất chủ trương.' }],
    });
    expect(issued.conclusion.signer).toMatchObject({
      personId: await person('M01'),
      name: 'Trần Quốc Hưng',
      for: 'T/M BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
    });
    const notice = await t.as(admin, { method: 'GET', url: `${API}/meetings/${m.id}/conclusion.docx` });
    expect(notice.statusCode).toBe(200);
    expect(docxText(notice.rawPayload)).toMatch(/T\/M BAN THƯỜNG VỤBÍ THƯTrần Quốc Hưng/);
  });
});
