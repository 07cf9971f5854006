import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

/** The review's follow-through in the browser: a working-group review, the next period's program, the PDF. */
describe.skipIf(skipReason !== null)('working groups, next program and PDF in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let tanLap: Session;

  beforeAll(async () => {
    ({ db, app, browser, base } = demo = await startDemo());
    tanLap = await apiSession(app, 'vanthu.x01');
  });
  afterAll(async () => demo?.close());

  const orgId = async (code: string) =>
    (await qb(db).selectFrom('organization').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  it('sends a working-group request to Tân Lập, which submits its own report; ' +
    'the group concludes with a shortcoming and a recommendation', {
    timeout: 180_000,
  }, async () => {
    const admin = await logIn(browser, base, 'admin');
    await admin.goto(`${base}/review-requests`);
    await admin.getByTestId('request-add').click();
    // No organization chosen: nothing is sent, the field says so in the API's words, and the topics typed stay.
    const requestPosts: string[] = [];
    admin.on(
      'request',
      (q) => q.method() === 'POST' && q.url().endsWith('/api/v1/review-requests') && requestPosts.push(q.url()),
    );
    await admin.getByTestId('request-topics').fill('Thực hiện chế độ họp');
    await admin.getByTestId('request-send').click();
    const requestForm = admin.getByTestId('request-form');
    await expect.poll(() => requestForm.innerText()).toContain('Thiếu Tổ chức được làm việc');
    expect(requestPosts).toEqual([]);
    expect(await admin.getByTestId('request-topics').inputValue()).toBe('Thực hiện chế độ họp');
    await admin
      .getByTestId('request-topics')
      .fill(
        'Việc xây dựng, ban hành Quy chế làm việc của cấp ủy\nThực hiện chế độ họp, gửi tài liệu\n' +
          'Theo dõi, đôn đốc thực hiện nhiệm vụ được giao\nKhó khăn, vướng mắc và kiến nghị, đề xuất',
      );
    const option = admin.getByTestId('request-target').locator('option', { hasText: 'Tân Lập' });
    await admin.getByTestId('request-target').selectOption((await option.first().getAttribute('value'))!);
    await admin.getByTestId('request-send').click();
    await admin.waitForURL(/\/review-requests\/[0-9a-f-]{36}$/);
    const id = admin.url().split('/').pop()!;
    await expect.poll(() => admin.getByTestId('request-state').innerText()).toBe('Đã gửi yêu cầu, chờ báo cáo');
    expect(await admin.getByTestId('request-topics-list').locator('li').count()).toBe(4);
    expect(await admin.getByTestId('conclude-form').count()).toBe(0);

    // Tân Lập finds it among the requests from above and submits a report of its own.
    const x01 = await orgId('ORG-X01');
    const own = await apiCall<{ id: string; title: string }>(app, tanLap, 'POST', '/review-reports', {
      orgId: x01,
      kind: 'regulation',
    });
    const clerk = await logIn(browser, base, 'vanthu.x01', { width: 390, height: 844 });
    await clerk.goto(`${base}/review-requests`);
    await clerk.locator(`a[href="/review-requests/${id}"]`).click();
    await clerk.waitForURL(new RegExp(`/review-requests/${id}$`));
    await expect.poll(() => clerk.getByTestId('submit-report').locator('option').count()).toBeGreaterThan(1);
    await noHorizontalScroll(clerk);
    await clerk.getByTestId('submit-report').selectOption(own.id);
    await clerk.getByTestId('submit-save').click();
    await expect.poll(() => clerk.getByTestId('request-report').innerText()).toContain(own.title);
    expect(await clerk.getByTestId('request-state').innerText()).toBe('Đã nhận báo cáo');
    await clerk.close();

    // The group concludes: an empty conclusion is refused in words; then one shortcoming and one recommendation.
    await admin.reload();
    await admin.getByTestId('conclude-save').click();
    const concludeForm = admin.getByTestId('conclude-form');
    await expect.poll(() => concludeForm.innerText()).toContain('Nội dung kết luận không được để trống');
    await admin
      .getByTestId('conclude-text')
      .fill('Đảng ủy xã ban hành quy chế đúng hạn; còn chậm gửi tài liệu phiên họp.');
    await admin.getByTestId('conclude-add-finding').click();
    await admin.getByTestId('conclude-save').click();
    await expect.poll(() => concludeForm.innerText()).toContain('Hạn chế (mục 1) không được để trống');
    expect(await concludeForm.innerText()).toContain('Biện pháp khắc phục (mục 1) không được để trống');
    expect(await concludeForm.innerText()).not.toContain('Nội dung kết luận không được để trống');
    await admin.getByTestId('conclude-finding-text').fill('Gửi tài liệu phiên họp chậm');
    await admin.getByTestId('conclude-finding-remedy').fill('Lập lịch gửi tài liệu trước 3 ngày làm việc');
    await admin.getByTestId('conclude-add-rec').click();
    await admin.getByTestId('conclude-rec-title').fill('Hướng dẫn mẫu quy chế làm việc của đảng ủy xã');
    await admin.getByTestId('conclude-rec-text').fill('Đề nghị Văn phòng Tỉnh ủy ban hành hướng dẫn.');
    await admin.getByTestId('conclude-save').click();
    await expect.poll(() => admin.getByTestId('request-state').innerText()).toBe('Đã kết luận');
    expect(await admin.getByTestId('request-shortcoming').innerText()).toContain('Gửi tài liệu phiên họp chậm');
    expect(await admin.getByTestId('request-recommendation').innerText()).toMatch(
      /Hướng dẫn mẫu quy chế làm việc của đảng ủy xã · hạn trả lời \d{2}\/\d{2}\/\d{4}/,
    );
    await admin.close();
  });

  it('drafts the next half-year’s program from the six-month review, with the half’s unfinished item carried over, ' +
    'and downloads the report as PDF', {
    timeout: 180_000,
  }, async () => {
    const id = (
      await qb(db)
        .selectFrom('review_report as r')
        .innerJoin('organization as o', 'o.id', 'r.org_id')
        .select('r.id')
        .where('o.code', '=', 'ORG-AL')
        .where('r.title', '=', 'Báo cáo sơ kết 6 tháng đầu năm 2026')
        .where('r.state', '=', 'adopted')
        .executeTakeFirstOrThrow()
    ).id;
    const page = await logIn(browser, base, 'admin');
    await page.goto(`${base}/review-reports/${id}`);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('report-pdf').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('Báo-cáo-sơ-kết-6-tháng-đầu-năm-2026.pdf');
    await page.getByTestId('report-next-program-create').click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('program-title').innerText())
      .toBe('Chương trình làm việc 6 tháng cuối năm 2026 của Ban Thường vụ Tỉnh ủy');
    expect(await page.getByTestId('program-source-report').innerText()).toBe(
      'Nhiệm vụ trọng tâm theo Báo cáo sơ kết 6 tháng đầu năm 2026',
    );
    expect(await page.getByTestId('item-carried-from').first().innerText()).toMatch(/^Chuyển từ kỳ trước \(/);
    await page.goto(`${base}/review-reports/${id}`);
    await expect
      .poll(() => page.getByTestId('report-next-program').innerText())
      .toBe('Chương trình làm việc 6 tháng cuối năm 2026 của Ban Thường vụ Tỉnh ủy');
    await page.close();
  });
});
