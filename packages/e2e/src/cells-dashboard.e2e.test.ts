import { DEMO_TODAY } from '@quyche/server';
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };

/**
 * Issue 15, item 7: what a committee watches in its cells — the month's missed meetings with their clause,
 * attendance, the members the record flags, copied plans side by side, dues in arrears — on the demo kept on the day
 * its record stands on.
 */
describe.skipIf(skipReason !== null)('the cells in a committee’s view, in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ today: DEMO_TODAY });
  });
  afterAll(async () => demo?.close());

  it('shows the province the cell that skipped August with its clause, flagged members and arrears', async () => {
    const page = await logIn(demo.browser, demo.base, 'admin', WIDE);
    await page.goto(`${demo.base}/cells?year=2026&month=8`);
    const row = page.getByTestId('cells-compliance-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy');
    expect(await row.innerText()).toContain('Chi bộ không họp thường lệ');
    expect(await row.getByTestId('cells-compliance-clause').innerText()).toContain('khoản 1 Điều 1');
    expect(await page.getByTestId('cells-fig-short').getAttribute('data-value')).toBe('1');
    // The members the record flags: two absent, one unpaid (Điều 8), two probations ending.
    const alerts = page.getByTestId('cells-alert-row');
    await expect.poll(() => alerts.count()).toBe(5);
    expect(await page.locator('[data-testid="cells-alert-row"][data-kind="absent_3_months"]').count()).toBe(2);
    const absent = page.locator('[data-testid="cells-alert-row"][data-kind="absent_3_months"]');
    expect(await absent.first().innerText()).toContain('Điều 8 khoản 1 Điều lệ Đảng');
    const arrears = page.getByTestId('cells-arrears-row');
    await expect.poll(() => arrears.count()).toBe(1);
    expect(await arrears.innerText()).toContain('02/2026, 03/2026, 06/2026');
    expect(await arrears.innerText()).toContain('240.000 đ');
    // Every cell, once asked: the office cell among those that met in May, with its attendance.
    await page.getByTestId('cells-month').selectOption('5');
    await expect.poll(() => page.getByTestId('cells-compliance-none').count()).toBe(1);
    await page.getByTestId('cells-compliance-all').check();
    await expect.poll(() => row.count()).toBeGreaterThan(1);
    const low = page.getByTestId('cells-attendance-row').first();
    await expect.poll(() => low.innerText()).toContain('Chi bộ Phòng Tổng hợp');
    expect(await low.innerText()).toContain('90,9%');
    await page.close();
  });

  it('opens two copied plans side by side at 390 px with the shared passages marked, and logs the read', async () => {
    const page = await logIn(demo.browser, demo.base, 'admin', PHONE);
    await page.goto(`${demo.base}/cells?year=2026&month=11`);
    await expect.poll(() => page.getByTestId('cells-plan-pair').count()).toBe(4);
    await noHorizontalScroll(page);
    await page.getByTestId('cells-plan-compare').first().click();
    await expect.poll(() => page.getByTestId('plan-side').count()).toBe(2);
    const shared = await page.getByTestId('plan-shared').allInnerTexts();
    expect(shared.join(' ')).toContain('Tham mưu xây dựng 02 báo cáo chuyên đề về công tác văn phòng cấp ủy');
    // What one plan says alone is not marked.
    const texts = await page.getByTestId('plan-text').allInnerTexts();
    expect(texts[0]).not.toEqual(texts[1]);
    await noHorizontalScroll(page);
    const reads = await qb(demo.db)
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'read_member_plan')
      .execute();
    expect(reads).toHaveLength(2);
    await page.close();
  });

  it('shows a commune clerk its own cells only, and a member’s file with the citizen ID masked', async () => {
    const page = await logIn(demo.browser, demo.base, 'vanthu.x01', PHONE);
    await page.goto(`${demo.base}/cells?year=2026&month=5`);
    await page.getByTestId('cells-compliance-all').check();
    await expect.poll(() => page.getByTestId('cells-compliance-row').count()).toBe(5);
    // A cell's register on a date opens from its row; each name opens the member's file.
    await page.getByTestId('cells-compliance-row').first().locator('a').first().click();
    await expect.poll(() => page.getByTestId('cell-register-row').count()).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await page.goBack();
    expect(await page.getByTestId('cells-dashboard').innerText()).not.toContain('Văn phòng Tỉnh ủy');
    // Tân Lập's probations ending are its own to consider; the office cell's members are not shown.
    await expect.poll(() => page.getByTestId('cells-alert-row').count()).toBe(2);
    await page.getByTestId('cells-alert-row').first().locator('a').first().click();
    await page.getByTestId('member-citizen-id').waitFor();
    expect(await page.getByTestId('member-history-row').count()).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await page.close();
    const admin = await logIn(demo.browser, demo.base, 'admin', PHONE);
    await admin.goto(`${demo.base}/cells?year=2026&month=8`);
    // A member of the office cell (its members' citizen IDs are on file; a village probationer's is not).
    await admin.locator('[data-testid="cells-alert-row"][data-kind="absent_3_months"] a').first().click();
    const id = await admin.getByTestId('member-citizen-id').innerText();
    expect(id).toMatch(/^•{9}\d{3}$/);
    await admin.close();
  });

  it('lets a cell secretary at 390 px collect the month’s dues, refusing a short payment with the clause', async () => {
    const page = await logIn(demo.browser, demo.base, 'bithu.cb', PHONE);
    await page.goto(`${demo.base}/chi-bo-cua-toi`);
    await page.getByTestId('collect-dues').click();
    await page.waitForURL(/\/dues/);
    await page.goto(`${page.url().split('?')[0]}?month=2026-12`);
    await expect.poll(() => page.getByTestId('cell-dues-member').count()).toBe(12);
    const first = page.getByTestId('cell-dues-member').first();
    expect(await first.innerText()).toContain('Điều 3 khoản 1 Quy định 01-QĐ/TW ngày 03/02/2026');
    await page.getByTestId('cell-dues-status').nth(0).getByText('Đã đóng').click();
    await page.getByTestId('cell-dues-amount').first().fill('10.000');
    await page.getByTestId('cell-dues-status').nth(1).getByText('Chưa đóng').click();
    await page.getByTestId('cell-dues-submit').click();
    const err = page.getByTestId('cell-dues-error');
    await expect.poll(() => err.count()).toBe(1);
    expect(await err.innerText()).toMatch(/số tiền 10\.000 đ ít hơn mức phải đóng [\d.]+ đ/);
    const due = await first.getByTestId('cell-dues-due').innerText();
    await page.getByTestId('cell-dues-amount').first().fill(due.replace(' đ', ''));
    await page.getByTestId('cell-dues-submit').click();
    await page.getByTestId('cell-dues-saved').waitFor();
    expect(await page.getByTestId('cell-dues-totals').innerText()).toContain(`Đã thu ${due}`);
    await noHorizontalScroll(page);
    const rows = await qb(demo.db)
      .selectFrom('member_dues')
      .select(['status'])
      .where('month', '=', '2026-12')
      .orderBy('status')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['paid', 'unpaid']);
    await page.close();
  });

  it('lets the cell score its meeting at 390 px and the committee check it, the checked score final', async () => {
    const cell = (
      await qb(demo.db)
        .selectFrom('organization')
        .select('id')
        .where('code', '=', 'ORG-CB-VP1')
        .executeTakeFirstOrThrow()
    ).id;
    const { id } = await qb(demo.db)
      .selectFrom('meeting')
      .select('id')
      .where('org_id', '=', cell)
      .where('kind', '=', 'regular')
      .where('meeting_date', '>=', '2026-10-01')
      .where('meeting_date', '<=', '2026-10-31')
      .executeTakeFirstOrThrow();
    const page = await logIn(demo.browser, demo.base, 'bithu.cb', PHONE);
    await page.goto(`${demo.base}/meetings/${id}`);
    const section = page.getByTestId('meeting-score');
    await expect.poll(() => section.getByTestId('meeting-score-criterion').count()).toBe(5);
    expect(await section.innerText()).toContain('khoản 1 Điều 5');
    const own = section.getByTestId('meeting-score-own');
    for (const [i, v] of ['19', '18', '27', '14'].entries()) await own.nth(i).fill(v);
    await section.getByTestId('meeting-score-own-submit').click();
    const err = section.getByTestId('meeting-score-own-error');
    await expect.poll(() => err.count()).toBe(1);
    expect(await err.innerText()).toContain('Chưa chấm tiêu chí "Kết quả lãnh đạo thực hiện nghị quyết của chi bộ"');
    await own.nth(4).fill('12');
    await section.getByTestId('meeting-score-own-submit').click();
    const result = section.getByTestId('meeting-score-result');
    await expect.poll(() => result.innerText()).toContain('Chi bộ tự chấm: 90 điểm — Tốt');
    expect(await section.getByTestId('meeting-score-check').count()).toBe(0);
    await noHorizontalScroll(page);
    await page.close();

    const committee = await logIn(demo.browser, demo.base, 'vanthu.vptu', WIDE);
    await committee.goto(`${demo.base}/meetings/${id}`);
    const check = committee.getByTestId('meeting-score-check');
    await expect.poll(() => check.count()).toBe(5);
    await check.nth(0).fill('17');
    await committee.getByTestId('meeting-score-note').fill('Hai đảng viên vắng: trừ 2 điểm tiêu chí 1.');
    await committee.getByTestId('meeting-score-check-submit').click();
    await expect
      .poll(() => committee.getByTestId('meeting-score-result').innerText())
      .toContain('Đảng ủy cơ sở kiểm tra (điểm chính thức): 88 điểm — Khá');
    await committee.close();
  });
});
