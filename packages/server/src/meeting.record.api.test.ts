import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Meeting {
  id: string;
  version: number;
  state: string;
  attendance: {
    id: string;
    personId: string | null;
    role: string;
    status: string;
    siteId: string | null;
    fullName: string;
  }[];
  agenda: {
    id: string;
    title: string;
    votes: { passed: boolean; reason_vi: string; method: string }[];
    reservedOpinions?: { text: string }[];
    writtenTally: { agree: number; replied: number } | null;
  }[];
  counts: { summoned: number; present: number; guests: number };
  checks: { quorum: { ok: boolean } | null; conclusionDeadline: { ok: boolean; reason_vi: string } | null };
  sites: { id: string; name: string; present: number; summoned: number; guests: number }[];
  documents: { id: string; title: string; confidentiality: number }[];
  minutes: { text: string; approvedOn: string | null } | null;
  conclusion: {
    symbol: string;
    items: { kind: string; sixClear: { complete: boolean; missing: { code: string }[] } | null }[];
    deadline: { ok: boolean } | null;
  } | null;
}

describe.each(drivers)('the record of a meeting (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  const body = (kind: string) => t.bodyId('ORG-AL', kind);
  const unit = async (name: string) =>
    (await qb(t.db).selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const person = (code: string) => t.personId(code);
  const call = async (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.as(s, { method, url: `${API}${url}`, payload });
  const ok = async (
    s: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ): Promise<Meeting> => {
    const r = await call(s, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  /** A BTV session convened by the TT: 17 members summoned. */
  async function btvSession(date: string, extra: object = {}) {
    const m = await ok(admin, 'POST', '/meetings', {
      bodyId: await body('BTV'),
      kind: 'regular',
      title: `Phiên họp Ban Thường vụ ngày ${date}`,
      meetingDate: date,
      ...extra,
    });
    return ok(admin, 'POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
  }
  const mark = async (m: Meeting, n: number, status = 'present') => {
    let last = m;
    for (const a of m.attendance.filter((x) => x.role === 'member').slice(0, n))
      last = await ok(admin, 'PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status });
    return last;
  };

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('votes only in session with a quorum; over 1/2 of all 17 BTV members passes whatever the attendance', async () => {
    let m = await btvSession('2026-12-22');
    expect(m.counts.summoned).toBe(17);
    const withItem = await ok(admin, 'POST', `/meetings/${m.id}/agenda`, {
      title: 'Đề án sắp xếp tổ chức bộ máy',
      matter: 'DE_AN_TO_CHUC',
    });
    const item = withItem.agenda[0]!.id;
    const vote = (yes: number) =>
      call(admin, 'POST', `/meetings/${m.id}/agenda/${item}/votes`, {
        method: 'show_of_hands',
        yes,
        no: 0,
        abstain: 0,
      });
    expect((await vote(9)).json()).toMatchObject({ code: 'TRANG_THAI_HOI_NGHI' });
    m = await ok(admin, 'POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: withItem.version,
    });
    expect(m.state).toBe('in_session');
    m = await mark(m, 11);
    expect(m.checks.quorum!.ok).toBe(false);
    const noQuorum = await vote(9);
    expect(noQuorum.statusCode).toBe(422);
    expect(noQuorum.json()).toMatchObject({ code: 'KHONG_DU_DIEU_KIEN_HOP_LE', eIds: ['chp_3__art_12__para_2'] });
    expect(noQuorum.json().detail).toContain('11/17');
    m = await mark(m, 12);
    for (const present of [12, 17]) {
      if (present === 17) m = await mark(m, 17);
      expect(m.counts.present).toBe(present);
      const pass = (await vote(9)).json() as Meeting;
      expect(pass.agenda[0]!.votes.at(-1)).toMatchObject({ passed: true });
      const fail = (await vote(8)).json() as Meeting;
      expect(fail.agenda[0]!.votes.at(-1)!.passed).toBe(false);
      expect(fail.agenda[0]!.votes.at(-1)!.reason_vi).toContain('8 phiếu đồng ý trên 17 tổng số ủy viên');
    }
  });

  it('keeps reserved opinions for leaders and administrators only (R12)', async () => {
    let m = await btvSession('2026-12-23');
    m = await ok(admin, 'POST', `/meetings/${m.id}/agenda`, {
      title: 'Giới thiệu cán bộ',
      matter: 'NHAN_SU_BTV_QUAN_LY',
      topic: 'can_bo',
    });
    m = await ok(admin, 'POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    const opinion = await call(admin, 'POST', `/meetings/${m.id}/agenda/${m.agenda[0]!.id}/reserved-opinions`, {
      personId: await person('M13'),
      text: 'Tôi bảo lưu ý kiến về thời điểm giới thiệu nhân sự.',
    });
    expect(opinion.statusCode, opinion.body).toBe(200);
    expect((opinion.json() as Meeting).agenda[0]!.reservedOpinions![0]!.text).toContain('bảo lưu');
    for (const [user, sees] of [
      ['lanhdao', true],
      ['vanthu.vptu', false],
      ['xem', false],
    ] as const) {
      const s = await t.login(user);
      const view = (await ok(s, 'GET', `/meetings/${m.id}`)) as Meeting;
      expect(view.agenda[0]!.reservedOpinions !== undefined, user).toBe(sees);
      const raw = JSON.stringify(view);
      expect(raw.includes('thời điểm giới thiệu'), user).toBe(sees);
    }
    // A guest or someone not summoned cannot reserve an opinion.
    const stranger = await call(admin, 'POST', `/meetings/${m.id}/agenda/${m.agenda[0]!.id}/reserved-opinions`, {
      personId: await person('M40'),
      text: 'Không phải ủy viên Ban Thường vụ',
    });
    expect(stranger.json()).toMatchObject({ status: 400, field: 'body.personId' });
  });

  it('shows a confidential document only to those cleared for it and serves its file', async () => {
    const m = await btvSession('2026-12-24');
    const content = Buffer.from('Tờ trình nhân sự — nội dung Mật');
    await ok(admin, 'POST', `/meetings/${m.id}/documents`, {
      title: 'Tờ trình nhân sự',
      docType: 'TTr',
      confidentiality: 1,
      fileName: 'to-trinh.txt',
      mediaType: 'text/plain',
      contentBase64: content.toString('base64'),
    });
    const v = await ok(admin, 'POST', `/meetings/${m.id}/documents`, {
      title: 'Báo cáo bảo vệ chính trị nội bộ',
      confidentiality: 2,
      fileName: 'bao-cao.txt',
      contentBase64: Buffer.from('Tối mật').toString('base64'),
    });
    const [mat, toiMat] = v.documents;
    const clerk = await t.login('vanthu.vptu'); // clearance 1
    const viewer = await t.login('xem'); // clearance 0
    expect((await ok(clerk, 'GET', `/meetings/${m.id}`)).documents.map((d) => d.title)).toEqual(['Tờ trình nhân sự']);
    expect((await ok(viewer, 'GET', `/meetings/${m.id}`)).documents).toEqual([]);
    const file = await call(clerk, 'GET', `/meetings/${m.id}/documents/${mat!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(content)).toBe(true);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''to-trinh.txt");
    expect((await call(clerk, 'GET', `/meetings/${m.id}/documents/${toiMat!.id}`)).statusCode).toBe(404);
    expect((await call(viewer, 'GET', `/meetings/${m.id}/documents/${mat!.id}`)).statusCode).toBe(404);
    // A file of another type is served as bytes to save, never as a page.
    const html = await ok(admin, 'POST', `/meetings/${m.id}/documents`, {
      title: 'Trang',
      fileName: 'a.html',
      mediaType: 'text/html',
      contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    const page = await call(admin, 'GET', `/meetings/${m.id}/documents/${html.documents.at(-1)!.id}`);
    expect(page.headers['content-type']).toBe('application/octet-stream');
    expect(page.headers['content-disposition']).toMatch(/^attachment;/);
    // A clerk cannot file a document above their own clearance.
    expect(
      (await call(clerk, 'POST', `/meetings/${m.id}/documents`, { title: 'Tối mật', confidentiality: 2 })).statusCode,
    ).toBe(404);
  });

  it('counts attendance per connection point of an online conference; guests never count for the quorum', async () => {
    let m = await btvSession('2026-12-28', { format: 'online' });
    m = await ok(admin, 'POST', `/meetings/${m.id}/sites`, {
      name: 'Điểm cầu Tỉnh ủy',
      leadPersonId: await person('M02'),
    });
    m = await ok(admin, 'POST', `/meetings/${m.id}/sites`, {
      name: 'Điểm cầu xã Tân Lập',
      hostOrgId: await t.orgId('ORG-X01'),
    });
    const [hall, tanLap] = m.sites;
    const members = m.attendance.filter((a) => a.role === 'member');
    for (const [i, a] of members.entries()) {
      if (i >= 14) break;
      m = await ok(admin, 'PATCH', `/meetings/${m.id}/attendance/${a.id}`, {
        status: 'present',
        siteId: i < 10 ? hall!.id : tanLap!.id,
      });
    }
    m = await ok(admin, 'POST', `/meetings/${m.id}/guests`, {
      name: 'Nguyễn Văn Khách',
      title: 'Phó Bí thư Đảng ủy xã Tân Lập',
      siteId: tanLap!.id,
    });
    expect(m.sites.map((s) => [s.name, s.present, s.guests])).toEqual([
      ['Điểm cầu Tỉnh ủy', 10, 0],
      ['Điểm cầu xã Tân Lập', 4, 1],
    ]);
    expect(m.counts).toMatchObject({ summoned: 17, present: 14, guests: 1 });
    expect(m.checks.quorum!.ok).toBe(true);
    const live = (await call(admin, 'GET', `/meetings/${m.id}/live`)).json();
    expect(live.sites[1]).toMatchObject({ present: 4, guests: 1 });
    // An in-person meeting has no connection points; a site of another meeting is refused.
    const inPerson = await btvSession('2026-12-29');
    expect((await call(admin, 'POST', `/meetings/${inPerson.id}/sites`, { name: 'Điểm cầu' })).json().code).toBe(
      'KHONG_PHAI_TRUC_TUYEN',
    );
    const other = await call(admin, 'PATCH', `/meetings/${inPerson.id}/attendance/${inPerson.attendance[0]!.id}`, {
      status: 'present',
      siteId: hall!.id,
    });
    expect(other.json()).toMatchObject({ status: 400, field: 'body.siteId' });
    expect(
      (
        await call(admin, 'PATCH', `/meetings/${inPerson.id}/attendance/${inPerson.attendance[0]!.id}`, {
          status: 'absent_excused',
        })
      ).json().field,
    ).toBe('body.reason');
  });

  it(
    'tallies a written consultation on all members: valid from 2/3 replies (Điều 15), refused after the ' + 'deadline',
    async () => {
      const consult = async (replies: number, agree: number) => {
        let m = await ok(admin, 'POST', '/meetings', {
          bodyId: await body('BCH'),
          kind: 'written_consultation',
          title: 'Lấy ý kiến Tỉnh ủy viên về dự thảo nghị quyết',
          meetingDate: '2026-12-02',
          consultationDeadline: '2026-12-09',
        });
        m = await ok(admin, 'POST', `/meetings/${m.id}/agenda`, {
          title: 'Dự thảo Nghị quyết chuyên đề',
          matter: 'NQ_CHUYEN_DE',
        });
        m = await ok(admin, 'POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'BTV' });
        m = await ok(admin, 'POST', `/meetings/${m.id}/open`, {
          earlyReason: 'Ghi nhận thử trước ngày họp',
          version: m.version,
        });
        const item = m.agenda[0]!.id;
        const members = m.attendance.filter((a) => a.role === 'member');
        for (const [i, a] of members.slice(0, replies).entries()) {
          m = await ok(admin, 'POST', `/meetings/${m.id}/written-responses`, {
            personId: a.personId,
            receivedOn: '2026-12-08',
            answers: [{ itemId: item, choice: i < agree ? 'agree' : 'disagree' }],
          });
        }
        expect(m.agenda[0]!.writtenTally).toMatchObject({ replied: replies, agree });
        const late = await call(admin, 'POST', `/meetings/${m.id}/written-responses`, {
          personId: members.at(-1)!.personId,
          receivedOn: '2026-12-10',
          answers: [{ itemId: item, choice: 'agree' }],
        });
        expect(late.json()).toMatchObject({ code: 'QUA_HAN_TRA_LOI', field: 'body.receivedOn' });
        expect(
          (
            await call(admin, 'POST', `/meetings/${m.id}/agenda/${item}/votes`, {
              method: 'written',
              yes: 1,
              no: 0,
              abstain: 0,
            })
          ).json().code,
        ).toBe('LAY_Y_KIEN_TU_KIEM_PHIEU');
        return ok(admin, 'POST', `/meetings/${m.id}/close`, {
          earlyReason: 'Ghi nhận thử trước ngày họp',
          version: m.version,
        });
      };
      const valid = await consult(41, 31);
      expect(valid.state).toBe('closed');
      expect(valid.agenda[0]!.votes[0]).toMatchObject({ method: 'written', passed: true });
      const invalid = await consult(40, 40);
      expect(invalid.agenda[0]!.votes[0]!.passed).toBe(false);
      expect(invalid.agenda[0]!.votes[0]!.reason_vi).toContain('Lấy ý kiến không hợp lệ: 40/61');
      expect(invalid.agenda[0]!.votes[0]!.reason_vi).toContain('khoản 1 Điều 15');
      const few = await consult(41, 30);
      expect(few.agenda[0]!.votes[0]!.passed).toBe(false);
    },
  );

  it('records minutes, approves them once, and issues the numbered conclusion with the 6 rõ checked', async () => {
    let m = await btvSession('2026-12-30');
    m = await ok(admin, 'POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    await mark(m, 15);
    const issue = (items: object[], issuedOn = '2026-12-31') =>
      call(admin, 'POST', `/meetings/${m.id}/conclusion`, {
        issuedOn,
        summary: 'Ban Thường vụ kết luận như sau:',
        signer: { personId: null, for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
        items,
      });
    const item = {
      kind: 'action',
      text: 'Xây dựng Chương trình làm việc năm 2027',
      leads: [{ kind: 'unit', id: await body('UBKT'), name: 'Ủy ban Kiểm tra Tỉnh ủy' }],
      dueDate: '2027-01-15',
      supervisorPersonId: await person('M02'),
      decidingBody: 'BTV',
      product: 'Dự thảo chương trình',
    };
    expect((await issue([item])).json()).toMatchObject({ code: 'TRANG_THAI_HOI_NGHI' });
    m = await ok(admin, 'GET', `/meetings/${m.id}`);
    m = await ok(admin, 'PUT', `/meetings/${m.id}/minutes`, {
      version: m.version,
      text: 'Hội nghị khai mạc lúc 8 giờ.\nCác đại biểu thảo luận.',
    });
    m = await ok(admin, 'POST', `/meetings/${m.id}/close`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    expect(m.checks.conclusionDeadline).toMatchObject({ ok: true });
    // Two leads: refused, naming the rule (Kết luận 226-KL/TW) and the item.
    const two = await issue([
      {
        ...item,
        leads: [...item.leads, { kind: 'unit', id: await unit('Văn phòng Tỉnh ủy'), name: 'Văn phòng Tỉnh ủy' }],
      },
    ]);
    expect(two.statusCode).toBe(422);
    expect(two.json()).toMatchObject({ code: 'MOT_DAU_MOI_CHU_TRI', field: 'body.items.0.leads' });
    expect(two.json().detail).toContain('Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy');
    const { product: _p, ...noProduct } = item;
    const issued = await issue([{ kind: 'conclusion', text: 'Thống nhất báo cáo.' }, item, noProduct]);
    expect(issued.statusCode, issued.body).toBe(201);
    m = issued.json();
    expect(m.conclusion!.symbol).toMatch(/^\d{2,}-TB\/TU$/);
    expect(m.conclusion!.items.map((i) => i.sixClear?.complete ?? null)).toEqual([null, true, false]);
    expect(m.conclusion!.items[2]!.sixClear!.missing.map((x) => x.code)).toEqual(['ro_san_pham']);
    expect(m.conclusion!.deadline).toMatchObject({ ok: true });
    expect((await issue([item])).statusCode).toBe(409);
    m = await ok(admin, 'POST', `/meetings/${m.id}/minutes/approve`, { version: m.version, on: '2026-12-31' });
    expect(m).toMatchObject({ state: 'minutes_approved', minutes: { approvedOn: '2026-12-31' } });
    expect(
      (
        await call(admin, 'PUT', `/meetings/${m.id}/minutes`, { version: m.version, text: 'Sửa sau khi thông qua' })
      ).json().code,
    ).toBe('TRANG_THAI_HOI_NGHI');
  });

  it("flags a conclusion notice issued after the regulation's five working days (R8)", async () => {
    let m = await btvSession('2026-12-15', {});
    m = await ok(admin, 'POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    await mark(m, 12);
    m = await ok(admin, 'GET', `/meetings/${m.id}`);
    m = await ok(admin, 'POST', `/meetings/${m.id}/close`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    const r = await call(admin, 'POST', `/meetings/${m.id}/conclusion`, {
      issuedOn: '2026-12-28',
      summary: 'Kết luận',
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
      items: [{ kind: 'conclusion', text: 'Thống nhất.' }],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().conclusion.deadline.ok).toBe(false);
    expect(r.json().conclusion.deadline.reason_vi).toContain('Ban hành chậm: Hạn 22/12/2026');
  });

  it('gives each account a private calendar feed (ICS) per body and person showing only what it may see', async () => {
    const viewer = await t.login('xem');
    const tok = await call(viewer, 'POST', '/calendar/feed-token');
    expect(tok.statusCode).toBe(200);
    const { bodyFeedTemplate, personFeedTemplate } = tok.json();
    const btv = await body('BTV');
    // Long lines are folded (RFC 5545 §3.1): unfold before reading.
    const get = async (url: string) => {
      const r = await t.app.inject({ method: 'GET', url });
      return Object.assign(r, { text: r.body.replace(/\r\n[ \t]/g, '') });
    };
    const feed = await get(bodyFeedTemplate.replace('{bodyId}', btv));
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(feed.text).toContain('SUMMARY:Ban Thường vụ Tỉnh ủy: Phiên họp Ban Thường vụ Tỉnh ủy ngày 06/01/2026');
    expect(feed.text).toContain('DTSTART:20260106T010000Z'); // 08:00 in Vietnam
    expect(feed.text).toMatch(/STATUS:CANCELLED/); // the session of 22/9
    expect(feed.text.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(26);
    const m05 = await get(personFeedTemplate.replace('{personId}', await person('M05')));
    expect(m05.text).toContain('Hội nghị Tỉnh ủy lần thứ 5');
    expect(m05.text).toContain('Phiên họp Ban Thường vụ Tỉnh ủy ngày 20/01/2026');
    expect(m05.text).not.toContain('Họp Thường trực Tỉnh ủy'); // M05 is not on the TT
    // A renewed token ends the old one; a commune clerk's token does not open the province's feeds.
    const again = (await call(viewer, 'POST', '/calendar/feed-token')).json();
    expect((await t.app.inject({ method: 'GET', url: bodyFeedTemplate.replace('{bodyId}', btv) })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: again.bodyFeedTemplate.replace('{bodyId}', btv) })).statusCode,
    ).toBe(200);
    const clerk = (await call(await t.login('vanthu.x01'), 'POST', '/calendar/feed-token')).json();
    const refused = await t.app.inject({ method: 'GET', url: clerk.bodyFeedTemplate.replace('{bodyId}', btv) });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(
      (await t.app.inject({ method: 'GET', url: `${API}/ics/khong-co-token-nay-dau-nhe/bodies/${btv}.ics` }))
        .statusCode,
    ).toBe(404);
  });
});
