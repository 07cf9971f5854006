import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Consultation {
  id: string;
  state: string;
  version: number;
  recipients: { id: string; name: string; mine: boolean; status: string }[];
}
interface Meeting {
  id: string;
  version: number;
  attendance: { id: string }[];
  agenda: { id: string; matter: string | null }[];
}

/** The draft circulated: An Lạc's regulation as in force, renamed as a draft (as the API test does). */
const asDraft = (text: string, expression: string) =>
  text.replace(/^expression: .*$/m, `expression: ${expression}`).replace(/^status: .*$/m, 'status: draft');
const CLAUSE = 'chp_3__art_12__para_3';
const PROPOSED = 'Tài liệu hội nghị Tỉnh ủy được gửi đến Tỉnh ủy viên chậm nhất 10 ngày làm việc trước ngày khai mạc.';

describe.skipIf(skipReason !== null)('consultation on a draft regulation in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let admin: Session;
  let clerk: Session;
  let regId: string;
  let draftId: string;
  let c1: Consultation;
  let c2: Consultation;

  const login = (username: string): Promise<Session> => apiSession(app, username);
  /** Fixtures and expectations through the API (the browser tests what is on the page). */
  const call = <T = Consultation>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    s: Session = admin,
  ): Promise<T> => apiCall<T>(app, s, method, url, payload);
  const orgId = async (code: string) =>
    (await qb(db).selectFrom('organization').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const bodyOfAnLac = async (kind: string) =>
    (
      await qb(db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', kind)
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    ({ db, app, browser, base } = demo = await startDemo());
    admin = await login('admin');
    clerk = await login('vanthu.x01');
    regId = (
      await qb(db)
        .selectFrom('regulation')
        .select('id')
        .where('work', '=', '/vn-an-lac/quy-che/tinh-uy/2025/qclv')
        .executeTakeFirstOrThrow()
    ).id;
    const inForce = (
      await qb(db)
        .selectFrom('regulation_version')
        .select('source_text')
        .where('regulation_id', '=', regId)
        .where('status', '=', 'consolidated')
        .executeTakeFirstOrThrow()
    ).source_text;
    draftId = (
      await call<{ id: string }>('POST', `/regulations/${regId}/versions`, {
        text: asDraft(inForce, 'vie@2026-du-thao-1'),
      })
    ).id;
    const communes = await Promise.all(['ORG-X01', 'ORG-X02', 'ORG-X03'].map(orgId));
    c1 = await call('POST', '/consultations', {
      regulationId: regId,
      versionId: draftId,
      sentOn: '2026-10-26',
      deadline: '2026-11-13',
      recipients: communes.map((id) => ({ kind: 'org', id })),
    });
  });
  afterAll(async () => demo?.close());

  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);
  /** A colour that reads as red: rgb(r, g, b) with red well above green and blue. */
  const isRed = (css: string) => {
    const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    return r > 150 && g < 90 && b < 90;
  };
  const state = (page: Page) => page.getByTestId('consultation-page').getAttribute('data-state');

  it('runs the whole loop: a commune clerk proposes a wording for khoản 3 Điều 12, the province disposes of it, ' +
    'makes the revision, is refused at a BTV session citing khoản 2 Điều 28, ' +
    'submits to the Tỉnh ủy and records the adoption', {
    timeout: 240_000,
  }, async () => {
    const bch = await call<Meeting>('POST', '/meetings', {
      bodyId: await bodyOfAnLac('BCH'),
      kind: 'thematic',
      title: 'Hội nghị Tỉnh ủy chuyên đề: sửa đổi Quy chế làm việc',
      meetingDate: '2026-11-27',
    });

    // The commune clerk finds the draft sent to Tân Lập and proposes a wording for khoản 3 Điều 12.
    const x01 = await loggedIn('vanthu.x01');
    await x01.goto(`${base}/consultations`);
    await expect.poll(() => x01.getByTestId('consultation-list-page').getAttribute('data-tab')).toBe('received');
    const row = x01.locator(`[data-testid="consultation-row"][data-id="${c1.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-overdue')).toBe('true');
    await row.getByTestId('consultation-link').click();
    await x01.waitForURL(new RegExp(`/consultations/${c1.id}$`));
    await expect.poll(() => state(x01)).toBe('open');
    expect(await x01.getByTestId('consultation-mine').innerText()).toContain('Đảng ủy xã Tân Lập');
    expect(await x01.getByTestId('tab-synthesis').count()).toBe(0);
    expect(await x01.getByTestId('consultation-blockers').count()).toBe(0);
    const clause = x01.locator(`[data-testid="provision"][data-eid="${CLAUSE}"]`);
    await expect.poll(() => clause.count()).toBe(1);
    expect(await clause.innerText()).toContain('chậm nhất 07 ngày làm việc');
    await clause.click();
    const form = x01.getByTestId('comment-form');
    await expect.poll(() => form.getAttribute('data-target')).toBe(CLAUSE);
    expect(await form.innerText()).toContain('khoản 3 Điều 12');
    expect(await form.getByTestId('comment-as-name').innerText()).toContain('Đảng ủy xã Tân Lập');
    await form.getByTestId('comment-kind').selectOption('proposal');
    expect(await form.getByTestId('comment-proposed').inputValue()).toContain('chậm nhất 07 ngày làm việc');
    await form.getByTestId('comment-proposed').fill(PROPOSED);
    await form
      .getByTestId('comment-text')
      .fill('Thời hạn 07 ngày làm việc không đủ để cấp ủy viên ở xa nghiên cứu tài liệu.');
    await form.getByTestId('comment-submit').click();
    await expect.poll(() => x01.getByTestId('comment-done').count()).toBe(1);
    const mine = x01.getByTestId('comment');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('comment-cite').innerText()).toBe('khoản 3 Điều 12');
    expect(await mine.getByTestId('comment-proposal').innerText()).toContain('10 ngày làm việc');
    expect(await mine.getAttribute('data-disposition')).toBe('none');
    expect(await clause.getAttribute('data-count')).toBe('1');
    expect(await x01.locator('[data-testid="provision"][data-eid="chp_3__art_12"]').getAttribute('data-count')).toBe(
      '1',
    );
    expect(await mine.getByTestId('dispose-open').count()).toBe(0);
    await x01.screenshot({ path: '.test-results/consultation-clerk.png', fullPage: false });
    await x01.close();

    // The province: the deadline is past with two communes silent, in red; the blockers are listed.
    const page = await loggedIn();
    await page.goto(`${base}/consultations`);
    const adminRow = page.locator(`[data-testid="consultation-row"][data-id="${c1.id}"]`);
    await expect.poll(() => adminRow.count()).toBe(1);
    expect(await page.getByTestId('consultation-list-page').getAttribute('data-tab')).toBe('run');
    expect(isRed(await adminRow.getByTestId('consultation-deadline').evaluate((e) => getComputedStyle(e).color))).toBe(
      true,
    );
    expect(await adminRow.getByTestId('consultation-row-counts').getAttribute('data-late')).toBe('2');
    await page.screenshot({ path: '.test-results/consultation-list.png', fullPage: false });
    await adminRow.getByTestId('consultation-link').click();
    await page.waitForURL(new RegExp(`/consultations/${c1.id}$`));
    await expect.poll(() => state(page)).toBe('open');
    expect(await page.getByTestId('consultation-deadline').innerText()).toBe('Hạn góp ý 13/11/2026');
    expect(isRed(await page.getByTestId('consultation-deadline').evaluate((e) => getComputedStyle(e).color))).toBe(
      true,
    );
    const blockers = page.getByTestId('blocker');
    await expect
      .poll(() => blockers.allInnerTexts())
      .toEqual([
        'Còn 1 ý kiến chưa tiếp thu, giải trình',
        'Còn 2 nơi chưa góp ý và chưa được xác định không góp ý: Đảng ủy phường Bắc Sơn, Đảng ủy xã Hòa Sơn',
      ]);

    // Bắc Sơn's written answer, recorded by the province: no comment.
    expect(await page.getByTestId('comment-form').count()).toBe(0);
    await page.getByTestId('comment-form-open').click();
    await page.getByTestId('comment-as').selectOption({ label: 'Đảng ủy phường Bắc Sơn' });
    await page.getByTestId('comment-kind').selectOption('no_comment');
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => page.getByTestId('comment-done').count()).toBe(1);
    await expect.poll(() => blockers.count()).toBe(2);
    expect(await blockers.nth(1).innerText()).toBe(
      'Còn 1 nơi chưa góp ý và chưa được xác định không góp ý: Đảng ủy xã Hòa Sơn',
    );

    // Hòa Sơn is reminded, then marked as not answering.
    await page.getByTestId('tab-recipients').click();
    const hoaSon = page.locator('[data-testid="recipient"][data-name="Đảng ủy xã Hòa Sơn"]');
    await expect.poll(() => hoaSon.getAttribute('data-status')).toBe('late');
    expect(await hoaSon.getByTestId('recipient-line').innerText()).toBe('Quá hạn từ 13/11/2026, chưa góp ý');
    expect(isRed(await hoaSon.getByTestId('recipient-line').evaluate((e) => getComputedStyle(e).color))).toBe(true);
    expect(
      await page.locator('[data-testid="recipient"][data-name="Đảng ủy phường Bắc Sơn"]').getAttribute('data-status'),
    ).toBe('answered');
    await page.getByTestId('remind').click();
    await expect.poll(() => page.getByTestId('reminded').count()).toBe(1);
    expect(await page.getByTestId('reminded').innerText()).toContain(
      'Đã nhắc (trong ứng dụng và qua thư): Đảng ủy xã Hòa Sơn.',
    );
    await expect.poll(() => hoaSon.getByTestId('recipient-reminded').count()).toBe(1);
    await hoaSon.getByTestId('recipient-mark-open').click();
    await hoaSon
      .getByTestId('recipient-mark-note')
      .fill(`Đã nhắc ngày ${formatDateVi(todayInVietnam())}, quá hạn không trả lời`);
    await hoaSon.getByTestId('recipient-mark-submit').click();
    await expect.poll(() => hoaSon.getAttribute('data-status')).toBe('not_answering');
    await expect.poll(() => blockers.allInnerTexts()).toEqual(['Còn 1 ý kiến chưa tiếp thu, giải trình']);
    await page.screenshot({ path: '.test-results/consultation-recipients.png', fullPage: false });

    // The disposition: "Không tiếp thu" with no explanation is refused in Vietnamese; then accepted with the proposed
    // wording.
    await page.getByTestId('tab-draft').click();
    await page.getByTestId('filter-disposition').selectOption('none');
    const comment = page.getByTestId('comment');
    await expect.poll(() => comment.count()).toBe(1);
    expect(await comment.getByTestId('comment-from').innerText()).toBe('Đảng ủy xã Tân Lập');
    await comment.getByTestId('dispose-open').click();
    await comment.getByTestId('dispose-not_accepted').click();
    await comment.getByTestId('dispose-submit').click();
    const refused = comment.getByTestId('dispose-error');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.getAttribute('data-status')).toBe('400');
    expect(await refused.getByTestId('dispose-error-detail').innerText()).toBe(
      'Không tiếp thu, giải trình: cần ghi nội dung giải trình',
    );
    expect(await comment.getAttribute('data-disposition')).toBe('none');
    await comment.getByTestId('dispose-accepted').click();
    expect(await comment.getByTestId('dispose-adopted').inputValue()).toBe(PROPOSED);
    await comment.getByTestId('dispose-explanation').fill('Tiếp thu: bảo đảm thời gian nghiên cứu tài liệu.');
    await comment.getByTestId('dispose-submit').click();
    // Disposed of, it leaves the "chưa xử lý" filter; shown again with all.
    await expect.poll(() => page.getByTestId('comments-none').count()).toBe(1);
    await page.getByTestId('filter-disposition').selectOption('accepted');
    await expect.poll(() => comment.getAttribute('data-disposition')).toBe('accepted');
    expect(await comment.getByTestId('comment-adopted').innerText()).toContain(PROPOSED);
    await expect.poll(() => page.getByTestId('consultation-ready').count()).toBe(1);
    expect(await page.getByTestId('consultation-blockers').count()).toBe(0);
    await page.locator(`[data-testid="provision"][data-eid="${CLAUSE}"]`).click();
    expect(await page.getByTestId('filter-where').innerText()).toContain('khoản 3 Điều 12');
    await page.screenshot({ path: '.test-results/consultation-draft.png', fullPage: false });

    // The synthesis table, and its DOCX.
    await page.getByTestId('tab-synthesis').click();
    const synth = page.locator('[data-testid="synthesis-row"][data-cite="khoản 3 Điều 12"]');
    await expect.poll(() => synth.count()).toBe(1);
    expect(await synth.getByTestId('synthesis-comment').innerText()).toContain(
      'Đảng ủy xã Tân Lập: Thời hạn 07 ngày làm việc không đủ',
    );
    expect(await synth.getByTestId('synthesis-comment').innerText()).toContain(PROPOSED);
    expect(await synth.getByTestId('synthesis-disposition').innerText()).toContain('Tiếp thu');
    expect(await synth.innerText()).toContain('chậm nhất 07 ngày làm việc trước ngày khai mạc');
    expect(await page.getByTestId('synthesis-no-comment').innerText()).toContain('Đảng ủy phường Bắc Sơn');
    expect(await page.getByTestId('synthesis-not-answered').innerText()).toContain('Đảng ủy xã Hòa Sơn');
    const href = (await page.getByTestId('synthesis-docx').getAttribute('href'))!;
    expect(href).toBe(`/api/v1/consultations/${c1.id}/synthesis.docx`);
    const docx = await page.request.get(`${base}${href}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await page.screenshot({ path: '.test-results/consultation-synthesis.png', fullPage: false });

    // The revision: the accepted wording in khoản 3 Điều 12, in the comparison table.
    await page.getByTestId('tab-revision').click();
    await page
      .getByTestId('revision-memo')
      .fill('Tờ trình về việc sửa đổi, bổ sung Quy chế làm việc sau lấy ý kiến các đảng ủy xã');
    await page.getByTestId('revision-submit').click();
    await expect.poll(() => state(page)).toBe('revised');
    expect(await page.getByTestId('revision-expression').getAttribute('data-expression')).toBe('vie@2026-du-thao-2');
    expect(await page.getByTestId('revision-expression').innerText()).toBe('dự thảo 2 (2026)');
    expect(await page.getByTestId('revision-applied').innerText()).toContain('khoản 3 Điều 12');
    // Its rule (the notice period) is not edited with the wording: the team is told to check it.
    expect(await page.getByTestId('revision-rules-to-review').innerText()).toContain(
      'khoản 3 Điều 12: câu chữ đã sửa theo ý kiến tiếp thu, quy tắc tl-bch giữ nguyên',
    );
    const changed = page.locator(`[data-testid="comparison-row"][data-eid="${CLAUSE}"]`);
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.getAttribute('data-change')).toBe('changed');
    expect(await changed.getAttribute('data-cite')).toBe('khoản 3 Điều 12');
    expect(await changed.getByTestId('comparison-before').innerText()).toContain('chậm nhất 07 ngày làm việc');
    expect(await changed.getByTestId('comparison-after').innerText()).toContain('chậm nhất 10 ngày làm việc');
    await page.screenshot({ path: '.test-results/consultation-revision.png', fullPage: true });

    // Submitted to the Ban Thường vụ's session: refused, the competent body and its clause named.
    const picker = page.getByTestId('submit-meeting');
    await expect
      .poll(() => picker.locator('option', { hasText: 'Phiên họp Ban Thường vụ Tỉnh ủy ngày 15/12/2026' }).count())
      .toBe(1);
    await picker.selectOption({ label: '15/12/2026 — Phiên họp Ban Thường vụ Tỉnh ủy ngày 15/12/2026 (đã triệu tập)' });
    await page.getByTestId('submit-submit').click();
    const wrong = page.getByTestId('submit-error');
    await expect.poll(() => wrong.count()).toBe(1);
    expect(await wrong.getAttribute('data-code')).toBe('SAI_THAM_QUYEN_THONG_QUA');
    const why = await wrong.getByTestId('submit-error-detail').innerText();
    expect(why).toContain('khoản 2 Điều 28');
    expect(why).toContain('Ban Chấp hành');
    expect(await state(page)).toBe('revised');

    // To the Tỉnh ủy's thematic conference: submitted, the meeting linked.
    await picker.selectOption({ label: '27/11/2026 — Hội nghị Tỉnh ủy chuyên đề: sửa đổi Quy chế làm việc (dự kiến)' });
    await page.getByTestId('submit-submit').click();
    await expect.poll(() => state(page)).toBe('submitted');
    expect(await page.getByTestId('consultation-meeting-link').getAttribute('href')).toBe(`/meetings/${bch.id}`);
    expect(await page.getByTestId('adoption-competence').getAttribute('data-ok')).toBe('true');
    await expect.poll(() => page.getByTestId('adoption-no-vote').count()).toBe(1);

    // The meeting is convened and opened with 45 present (through the API).
    let m = await call<Meeting>('POST', `/meetings/${bch.id}/convene`, {
      version: bch.version,
      convenedBy: 'BTV',
      conveningRef: 'Quyết định triệu tập của Ban Thường vụ',
    });
    m = await call<Meeting>('GET', `/meetings/${bch.id}`);
    for (const a of m.attendance.slice(0, 45))
      await call('PATCH', `/meetings/${bch.id}/attendance/${a.id}`, { status: 'present' });
    m = await call<Meeting>('GET', `/meetings/${bch.id}`);
    await call('POST', `/meetings/${bch.id}/open`, { version: m.version, on: '2026-11-27' });
    const item = m.agenda.find((a) => a.matter === 'QUY_CHE_LAM_VIEC')!;

    // "Ghi nhận thông qua" before the vote: refused.
    await page.getByTestId('adopt-submit').click();
    const notYet = page.getByTestId('adopt-error');
    await expect.poll(() => notYet.count()).toBe(1);
    expect(await notYet.getAttribute('data-code')).toBe('CHUA_BIEU_QUYET');
    expect(await notYet.getByTestId('adopt-error-detail').innerText()).toContain('chưa biểu quyết nội dung này');

    // 31 of 61 vote yes at the meeting: adopted, in force from the meeting's date.
    await call('POST', `/meetings/${bch.id}/agenda/${item.id}/votes`, {
      method: 'show_of_hands',
      yes: 31,
      no: 10,
      abstain: 4,
    });
    await page.getByTestId('adoption-reload').click();
    await expect.poll(() => page.getByTestId('adoption-vote').getAttribute('data-passed')).toBe('true');
    expect(await page.getByTestId('adoption-vote').innerText()).toContain('31/61');
    await page.getByTestId('adopt-submit').click();
    await expect.poll(() => state(page)).toBe('adopted');
    await expect.poll(() => page.getByTestId('adoption-done').getAttribute('data-in-force')).toBe('2026-11-27');
    expect(await page.getByTestId('adoption-done').innerText()).toContain(
      '(dự thảo 2 (2026)) có hiệu lực từ ngày 27/11/2026',
    );
    expect(await page.getByTestId('consultation-adopted').innerText()).toBe('Đã thông qua ngày 27/11/2026');
    await expect
      .poll(() => page.locator('[data-testid="impact-none"], [data-testid="impact-line"]').count())
      .toBeGreaterThan(0);
    expect(
      (
        await call<{ status: string; inForceFrom: string }>(
          'GET',
          `/regulations/${regId}/versions/` +
            (
              await call<{ nextVersionId: string }>('GET', `/consultations/${c1.id}`)
            ).nextVersionId,
        )
      ).status,
    ).toBe('adopted');
    await page.screenshot({ path: '.test-results/consultation-adopted.png', fullPage: true });

    // The meeting link opens the meeting, where the vote was cast.
    await page.getByTestId('consultation-meeting-link').click();
    await page.waitForURL(new RegExp(`/meetings/${bch.id}$`));
    await page.close();
  });

  it('shows the second of two clerks disposing of the same comment the conflict in Vietnamese, reloads that comment, ' +
    'and lets them decide again', {
    timeout: 120_000,
  }, async () => {
    c2 = await call('POST', '/consultations', {
      regulationId: regId,
      versionId: draftId,
      title: 'Lấy ý kiến Đảng ủy xã Tân Lập về dự thảo Quy chế làm việc (đợt 2)',
      sentOn: '2026-11-25',
      deadline: addDays(todayInVietnam(), 10),
      recipients: [{ kind: 'org', id: await orgId('ORG-X01') }],
    });
    const tanLap = (await call('GET', `/consultations/${c2.id}`, undefined, clerk)).recipients.find((r) => r.mine)!;
    await call(
      'POST',
      `/consultations/${c2.id}/answers`,
      {
        recipientId: tanLap.id,
        comments: [
          { kind: 'clause', eId: 'art_13', text: 'Điều 13 cần quy định rõ phiên họp đột xuất của Ban Thường vụ.' },
          { kind: 'general', text: 'Dự thảo cơ bản phù hợp với thực tiễn của xã.' },
        ],
      },
      clerk,
    );
    const [a, b] = [await loggedIn(), await loggedIn()];
    for (const p of [a, b]) {
      await p.goto(`${base}/consultations/${c2.id}`);
      await expect.poll(() => p.getByTestId('comment').count()).toBe(2);
      await p.locator('[data-testid="provision"][data-eid="chp_3__art_13"]').click();
      await expect.poll(() => p.getByTestId('comment').count()).toBe(1);
      await p.getByTestId('comment').getByTestId('dispose-open').click();
    }
    // Before the deadline nobody is late: the reminder is refused.
    await a.getByTestId('tab-recipients').click();
    await a.getByTestId('remind').click();
    await expect.poll(() => a.getByTestId('remind-error').getAttribute('data-code')).toBe('CHUA_DEN_HAN');
    expect(await a.getByTestId('remind-error').innerText()).toContain('Chưa hết hạn góp ý');
    await a.getByTestId('tab-draft').click();
    await a.locator('[data-testid="provision"][data-eid="chp_3__art_13"]').click();
    await a.getByTestId('comment').getByTestId('dispose-open').click();
    await a.getByTestId('dispose-partly_accepted').click();
    await a
      .getByTestId('dispose-explanation')
      .fill('Tiếp thu một phần: phiên họp đột xuất đã quy định tại khoản 2 Điều 13.');
    await a.getByTestId('dispose-submit').click();
    await expect.poll(() => a.getByTestId('comment').getAttribute('data-disposition')).toBe('partly_accepted');

    // The second page still holds version 1: 409, shown in Vietnamese, and the comment reloaded with the first one's
    // decision.
    const cb = b.getByTestId('comment');
    expect(await cb.getAttribute('data-version')).toBe('1');
    await cb.getByTestId('dispose-not_accepted').click();
    await cb.getByTestId('dispose-explanation').fill('Giữ như dự thảo.');
    await cb.getByTestId('dispose-submit').click();
    const conflict = cb.getByTestId('dispose-error');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.getAttribute('data-status')).toBe('409');
    expect(await conflict.getAttribute('data-code')).toBe('VERSION_CONFLICT');
    const said = await conflict.innerText();
    expect(said).toContain('Bản ghi đã được người khác thay đổi');
    expect(said).toContain('Người khác vừa sửa: đã tải lại dữ liệu mới nhất.');
    await expect.poll(() => cb.getAttribute('data-disposition')).toBe('partly_accepted');
    expect(await cb.getAttribute('data-version')).toBe('2');
    expect(await cb.getByTestId('comment-explanation').innerText()).toContain(
      'phiên họp đột xuất đã quy định tại khoản 2 Điều 13',
    );
    await b.screenshot({ path: '.test-results/consultation-conflict.png', fullPage: false });
    // Deciding again on the latest version goes through.
    await cb.getByTestId('dispose-submit').click();
    await expect.poll(() => cb.getAttribute('data-disposition')).toBe('not_accepted');
    expect(await cb.getAttribute('data-version')).toBe('3');
    await a.close();
    await b.close();
  });

  it('shows a comment given at a connection point of the online conference on the open page without reloading it', {
    timeout: 120_000,
  }, async () => {
    const c3 = await call('POST', '/consultations', {
      regulationId: regId,
      versionId: draftId,
      title: 'Hội nghị trực tuyến lấy ý kiến dự thảo (thử)',
      sentOn: '2026-11-25',
      deadline: addDays(todayInVietnam(), 10),
      recipients: [{ kind: 'org', id: await orgId('ORG-X02') }],
    });
    let m = await call<Meeting & { sites: { id: string }[] }>('POST', '/meetings', {
      bodyId: await bodyOfAnLac('BCH'),
      kind: 'thematic',
      title: 'Hội nghị trực tuyến lấy ý kiến dự thảo',
      meetingDate: '2026-12-04',
      format: 'online',
    });
    m = await call('POST', `/meetings/${m.id}/sites`, {
      name: 'Điểm cầu phường Bắc Sơn',
      hostOrgId: await orgId('ORG-X02'),
    });
    const page = await loggedIn();
    await page.goto(`${base}/consultations/${c3.id}`);
    await expect.poll(() => state(page)).toBe('open');
    await expect.poll(() => page.getByTestId('comment').count()).toBe(0);
    await page.waitForTimeout(500); // the event stream is open
    await call('POST', `/consultations/${c3.id}/answers`, {
      recipientId: c3.recipients[0]!.id,
      comments: [
        { kind: 'clause', eId: 'art_13', text: 'Ý kiến nêu tại điểm cầu phường Bắc Sơn.', siteId: m.sites[0]!.id },
      ],
    });
    await expect
      .poll(() => page.getByTestId('comment').allInnerTexts(), { timeout: 5_000 })
      .toEqual([expect.stringContaining('Ý kiến nêu tại điểm cầu phường Bắc Sơn.')]);
    await page.close();
  });

  it('fits a phone 390 px wide: the list, the draft with its comments and forms, the recipients, ' +
    'the synthesis and the comparison never scroll sideways', {
    timeout: 180_000,
  }, async () => {
    for (const username of ['admin', 'vanthu.x01']) {
      const phone = await loggedIn(username, { width: 390, height: 844 });
      await phone.goto(`${base}/consultations`);
      await expect.poll(() => phone.getByTestId('consultation-row').count()).toBeGreaterThan(0);
      await noHorizontalScroll(phone);
      if (username === 'admin') {
        await phone.getByTestId('consultation-create-open').click();
        await expect.poll(() => phone.getByTestId('consultation-create-recipient').count()).toBeGreaterThan(10);
        await noHorizontalScroll(phone);
      }
      await phone.goto(`${base}/consultations/${c2.id}`);
      await expect.poll(() => phone.getByTestId('provision').count()).toBeGreaterThan(50);
      await expect.poll(() => phone.getByTestId('comment').count()).toBeGreaterThan(0);
      await noHorizontalScroll(phone);
      if (username === 'admin') await phone.getByTestId('comment-form-open').click();
      await phone.locator(`[data-testid="provision"][data-eid="${CLAUSE}"]`).click();
      await expect.poll(() => phone.getByTestId('comment-form').getAttribute('data-target')).toBe(CLAUSE);
      await phone.getByTestId('comment-kind').selectOption('proposal');
      await noHorizontalScroll(phone);
      await phone.screenshot({ path: `.test-results/consultation-phone-${username}.png`, fullPage: false });
      if (username === 'admin') {
        await phone.getByTestId('filter-where-clear').click();
        await phone.getByTestId('comment').first().getByTestId('dispose-open').click();
        await expect.poll(() => phone.getByTestId('dispose-form').count()).toBe(1);
        await noHorizontalScroll(phone);
      }
      await phone.getByTestId('tab-recipients').click();
      await expect.poll(() => phone.getByTestId('recipient').count()).toBeGreaterThan(0);
      await noHorizontalScroll(phone);
      if (username === 'admin') {
        await phone.getByTestId('tab-synthesis').click();
        await expect.poll(() => phone.getByTestId('synthesis-row').count()).toBeGreaterThan(0);
        await noHorizontalScroll(phone);
        await phone.goto(`${base}/consultations/${c1.id}?tab=revision`);
        await expect.poll(() => phone.getByTestId('comparison-row').count()).toBeGreaterThan(0);
        await noHorizontalScroll(phone);
        await phone.screenshot({ path: '.test-results/consultation-phone-revision.png', fullPage: true });
        await phone.goto(`${base}/consultations/${c1.id}?tab=synthesis`);
        await expect.poll(() => phone.getByTestId('synthesis-row').count()).toBeGreaterThan(0);
        await noHorizontalScroll(phone);
      }
      await phone.close();
    }
  });

  it('sends a draft for comments from the form: "chọn tất cả đảng ủy xã" picks every commune, two are kept, ' +
    'and the new consultation opens', {
    timeout: 120_000,
  }, async () => {
    const communes = (
      await qb(db)
        .selectFrom('organization')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'COMMUNE_PARTY_ORG')
        .where('valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).n;
    const page = await loggedIn();
    await page.goto(`${base}/consultations`);
    await page.getByTestId('consultation-create-open').click();
    const f = page.getByTestId('consultation-create');
    await expect.poll(() => f.getByTestId('consultation-create-recipient').count()).toBeGreaterThan(communes);
    await expect.poll(() => f.getByTestId('consultation-create-version').inputValue()).toBe(draftId);
    // The versions are named as a clerk says them, not by their machine name (vie@2026-du-thao-sua-doi-1).
    const versions = await f.getByTestId('consultation-create-version').locator('option').allInnerTexts();
    expect(versions.join('|')).not.toContain('vie@');
    expect(versions).toContain('Dự thảo sửa đổi 1 (2026) · Dự thảo');
    await f.getByTestId('consultation-create-all-communes').click();
    expect(await f.getByTestId('consultation-create-count').getAttribute('data-count')).toBe(String(communes));
    await f.getByTestId('consultation-create-none-picked').click();
    // No recipient: nothing is sent, the form names the field in the API's words, and what was typed stays.
    const creates: string[] = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/consultations') && creates.push(r.url()),
    );
    const title = 'Lấy ý kiến đảng ủy xã, phường về dự thảo sửa đổi Quy chế làm việc (đợt 3)';
    await f.getByTestId('consultation-create-title').fill(title);
    await f.getByTestId('consultation-create-submit').click();
    await expect.poll(() => f.innerText()).toContain('Nơi nhận cần ít nhất một mục');
    expect(creates).toEqual([]);
    expect(await f.getByTestId('consultation-create-title').inputValue()).toBe(title);
    await f.getByTestId('consultation-create-filter').fill('tan lap');
    await f.locator('[data-testid="consultation-create-recipient"][data-code="ORG-X01"]').check();
    await f.getByTestId('consultation-create-filter').fill('');
    await f.locator('[data-testid="consultation-create-recipient"][data-code="ORG-X02"]').check();
    expect(await f.getByTestId('consultation-create-count').getAttribute('data-count')).toBe('2');
    expect(await f.getByTestId('consultation-create-deadline').inputValue()).toBe(
      formatDateVi(addDays(todayInVietnam(), 15)),
    );
    await f.getByTestId('consultation-create-submit').click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('open');
    expect(await page.getByTestId('consultation-title').innerText()).toBe(
      'Lấy ý kiến đảng ủy xã, phường về dự thảo sửa đổi Quy chế làm việc (đợt 3)',
    );
    expect(await page.getByTestId('consultation-deadline').getAttribute('data-overdue')).toBe('false');
    await page.getByTestId('tab-recipients').click();
    await expect
      .poll(() =>
        page
          .getByTestId('recipient')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-status')])),
      )
      .toEqual([
        ['Đảng ủy phường Bắc Sơn', 'pending'],
        ['Đảng ủy xã Tân Lập', 'pending'],
      ]);
    await page.close();
  });

  it('consults on a draft resolution paragraph by paragraph: sent from the form, a commune comments on đoạn 2, ' +
    'the province disposes, and the revision compares by paragraph', {
    timeout: 180_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/consultations`);
    await page.getByTestId('consultation-create-open').click();
    const f = page.getByTestId('consultation-create');
    await f.getByTestId('consultation-create-what').getByText('Văn bản dự thảo khác').click();
    await f.getByTestId('consultation-create-doc-title').fill('Dự thảo Nghị quyết chuyên đề về chuyển đổi số');
    await f
      .getByTestId('consultation-create-doc-text')
      .fill(
        'NGHỊ QUYẾT CHUYÊN ĐỀ về chuyển đổi số\n1. Đến năm 2027, ' +
          '100% văn bản của cấp ủy được ký số.\n2. Mỗi xã có một cán bộ chuyên trách chuyển đổi số.',
      );
    await expect
      .poll(() => f.getByTestId('consultation-create-doc-matter').locator('option').count())
      .toBeGreaterThan(2);
    await f.getByTestId('consultation-create-doc-matter').selectOption('NQ_CHUYEN_DE');
    await f.getByTestId('consultation-create-filter').fill('tan lap');
    await f.locator('[data-testid="consultation-create-recipient"][data-code="ORG-X01"]').check();
    await f.getByTestId('consultation-create-submit').click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('open');
    const id = new URL(page.url()).pathname.split('/')[2]!;
    await page.close();

    const x01 = await loggedIn('vanthu.x01');
    await x01.goto(`${base}/consultations/${id}`);
    const para = x01.locator('[data-testid="provision"][data-eid="doan_2"]');
    await expect.poll(() => para.count()).toBe(1);
    expect(await para.innerText()).toContain('100% văn bản của cấp ủy được ký số');
    await para.click();
    const form = x01.getByTestId('comment-form');
    await expect.poll(() => form.getAttribute('data-target')).toBe('doan_2');
    expect(await form.innerText()).toContain('đoạn 2');
    await form.getByTestId('comment-kind').selectOption('proposal');
    await form.getByTestId('comment-proposed').fill('1. Đến năm 2028, 100% văn bản của cấp ủy được ký số.');
    await form.getByTestId('comment-text').fill('Cấp xã chưa đủ chữ ký số năm 2027.');
    await form.getByTestId('comment-submit').click();
    await expect.poll(() => x01.getByTestId('comment-done').count()).toBe(1);
    expect(await x01.getByTestId('comment').getByTestId('comment-cite').innerText()).toBe('đoạn 2');
    await x01.close();

    const admin2 = await loggedIn();
    await admin2.goto(`${base}/consultations/${id}`);
    await expect.poll(() => admin2.getByTestId('comment').count()).toBe(1);
    await admin2.getByTestId('comment').getByTestId('dispose-open').click();
    await admin2.getByTestId('dispose-accepted').click();
    await admin2.getByTestId('dispose-submit').click();
    await expect.poll(() => admin2.getByTestId('comment').getAttribute('data-disposition')).toBe('accepted');
    await admin2.getByTestId('tab-revision').click();
    await admin2.getByTestId('revision-memo').fill('Tờ trình dự thảo Nghị quyết sau lấy ý kiến');
    await admin2.getByTestId('revision-submit').click();
    await expect.poll(() => state(admin2)).toBe('revised');
    const row = admin2.locator('[data-testid="comparison-row"][data-eid="doan_2"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-change')).toBe('changed');
    expect(await row.innerText()).toContain('năm 2028');
    await admin2.screenshot({ path: '.test-results/consultation-document.png', fullPage: true });
    await admin2.close();
  });
});
