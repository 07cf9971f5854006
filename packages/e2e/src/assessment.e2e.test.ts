import { DEMO_TODAY } from '@quyche/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };

/**
 * Issue 16 in the browser, on the demo kept on 02/12/2026: the office opens the year, a member fills their
 * self-assessment on a phone, the cell's secretary gives the cell's opinion, the committee classifies — refused above
 * what the record allows and over the quota — and downloads the summary table.
 */
describe.skipIf(skipReason !== null)('the annual assessment in Chromium', () => {
  let demo: Demo;
  let unit: string;
  let sheetUrl: string;
  beforeAll(async () => {
    demo = await startDemo({ today: DEMO_TODAY });
  });
  afterAll(async () => demo?.close());

  it('opens the year for the office’s party organization and lists each member’s sheet', async () => {
    const page = await logIn(demo.browser, demo.base, 'vanthu.vptu', WIDE);
    const member = await logIn(demo.browser, demo.base, 'dangvien', PHONE);
    const cell = await member.evaluate(async () => (await (await fetch('/api/v1/me/cell')).json()).cell.id as string);
    unit = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/organizations/${id}`)).json()).parent.id as string,
      cell,
    );
    await page.goto(`${demo.base}/assessments?org=${unit}&year=2026`);
    await expect.poll(() => page.getByTestId('assessments-none').count()).toBe(1);
    await page.getByTestId('assessments-open').click();
    const opened = page.getByTestId('assessments-opened');
    await expect.poll(() => opened.count()).toBe(1);
    expect(await opened.innerText()).toContain('điểm 2.1 khoản 2 Điều 5 Quy định 366-QĐ/TW');
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('assessments-rules').innerText()).toContain('Ban Thường vụ Tỉnh ủy An Lạc');
    await page.close();
    await member.close();
  });

  it('shows a commune its year under way: each member’s level by the record, the roll-up by cell', async () => {
    for (const size of [WIDE, PHONE]) {
      const page = await logIn(demo.browser, demo.base, 'vanthu.x01', size);
      await page.goto(`${demo.base}/assessments?year=2026`);
      const rollup = page.getByTestId('assessments-rollup');
      await rollup.waitFor();
      // Tân Lập's five village cells, each a row of the organizations directly below, and the total: nothing decided.
      expect(await page.getByTestId('assessments-rollup-row').count()).toBe(5);
      const total = page.getByTestId('assessments-rollup-total');
      const members = Number(await page.getByTestId('assessments-fig-all').getAttribute('data-value')) - 5;
      expect(await total.locator('[data-level=undecided]').innerText()).toContain(String(members));
      // A self-assessed member's level by the record; a member not self-assessed has none yet.
      const selfAssessed = page.locator('[data-testid=assessment-row][data-state=self_assessed]').first();
      expect(await selfAssessed.getByTestId('assessment-record-level').innerText()).toMatch(/Hoàn thành/);
      const open = page.locator('[data-testid=assessment-row][data-state=open][data-subject=member]').first();
      expect(await open.getByTestId('assessment-record-level').innerText()).toContain('—');
      // The year's deadlines as An Lạc's rules set them, 12 days before the members' last day (14/12/2026).
      const member = page.locator('[data-testid=assessments-step][data-step=member]');
      expect(await member.getAttribute('data-state')).toBe('open');
      expect(await member.innerText()).toContain('Trước ngày 15/12/2026 (khoản 1 Điều 5)');
      expect(await member.innerText()).toContain(`Còn 12 ngày, ${members} phiếu chưa xong`);
      expect(await page.locator('[data-testid=assessments-step][data-step=report]').innerText()).toContain(
        'Trước ngày 15/01/2027',
      );
      expect(await page.getByTestId('assessments-order').innerText()).toContain('tổ chức đảng sau (khoản 2 Điều 5)');
      expect(await page.getByTestId('assessment-late').count()).toBe(0);
      await page.getByTestId('assessments-timetable').screenshot({
        path: `.test-results/assessment-timetable-${size.width}.png`,
      });
      if (size === PHONE) await noHorizontalScroll(page);
      await page.close();
    }
  });

  it('lets the member fill the self-assessment at 390 px, with the level the record allows and why', async () => {
    const page = await logIn(demo.browser, demo.base, 'dangvien', PHONE);
    await page.goto(`${demo.base}/`);
    // The year just opened first, the demo's decided 2025 below it.
    const mine = page.getByTestId('my-assessment');
    await expect.poll(() => mine.count()).toBe(2);
    expect(await mine.first().innerText()).toContain('Năm 2026');
    expect(await mine.first().innerText()).toContain('Chưa tự đánh giá');
    expect(await mine.first().getByTestId('my-assessment-due').innerText()).toBe(
      'Hạn xếp loại: trước ngày 15/12/2026 (khoản 1 Điều 5)',
    );
    expect(await mine.nth(1).getByTestId('my-assessment-due').count()).toBe(0);
    await mine.first().locator('a').click();
    await page.getByTestId('assessment-self').waitFor();
    sheetUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('assessment-assessor').count()).toBe(0);
    const points = { chinh_tri: 9, dao_duc: 9, phe_binh: 8, chuyen_mon: 38, chi_bo: 18, cam_ket: 9 };
    for (const [k, v] of Object.entries(points)) await page.getByTestId(`assessment-points-${k}`).fill(String(v));
    await page
      .getByTestId('assessment-self-text')
      .fill('Hoàn thành các nhiệm vụ được giao, tham gia đầy đủ sinh hoạt chi bộ.');
    await page.getByTestId('assessment-self-save').click();
    const level = page.getByTestId('assessment-classification');
    await expect.poll(() => level.getAttribute('data-level')).toBe('tot');
    expect(await page.getByTestId('assessment-self-total').innerText()).toContain('91/100');
    // 91 points, but no task recorded as exceeded: not the top level, and the reason says so with its clause.
    expect(await page.getByTestId('assessment-reason').innerText()).toContain(
      'không đạt "Hoàn thành xuất sắc nhiệm vụ" (khoản 1 Điều 2)',
    );
    await noHorizontalScroll(page);
    await page.close();
  });

  it('takes the cell’s opinion from its secretary, and the committee’s decision within the rules', async () => {
    const secretary = await logIn(demo.browser, demo.base, 'bithu.cb', PHONE);
    await secretary.goto(`${demo.base}${sheetUrl}`);
    await secretary.getByTestId('assessment-opinion-text').fill('Chi bộ nhất trí với bản tự đánh giá của đồng chí.');
    await secretary.getByTestId('assessment-opinion-level').selectOption('tot');
    await secretary.getByTestId('assessment-opinion-save').click();
    await expect.poll(() => secretary.getByTestId('assessment-page').getAttribute('data-state')).toBe('reviewed');
    await noHorizontalScroll(secretary);
    await secretary.close();

    const page = await logIn(demo.browser, demo.base, 'vanthu.vptu', WIDE);
    await page.goto(`${demo.base}${sheetUrl}`);
    // Above what the record allows: refused with the rule's own title and the clause.
    await page.getByTestId('assessment-decide-level').selectOption('xuat_sac');
    await page.getByTestId('assessment-decide-save').click();
    const refused = page.getByTestId('assessment-decide-error');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.innerText()).toContain('Mức xếp loại cao hơn mức hồ sơ cho phép');
    expect(await refused.innerText()).toContain('khoản 1 Điều 2');
    // A changed figure needs its reason.
    await page.getByTestId('assessment-adjust-value').fill('1');
    await page.getByTestId('assessment-adjust-save').click();
    await expect.poll(() => page.getByTestId('assessment-adjust-error').innerText()).toContain('Lý do');
    await page.getByTestId('assessment-decide-level').selectOption('tot');
    await page.getByTestId('assessment-decide-save').click();
    await expect.poll(() => page.getByTestId('assessment-decision').getAttribute('data-level')).toBe('tot');
    await page.screenshot({ path: '.test-results/assessment-decided.png', fullPage: true });
    // The sheet on the guidance's form, as a Word file.
    const form = page.waitForEvent('download');
    await page.getByTestId('assessment-form-docx').click();
    expect((await form).suggestedFilename()).toMatch(/^mau-02B-2026-.+\.docx$/);

    // The list shows the quota as decided, and the summary table downloads.
    await page.goto(`${demo.base}/assessments?org=${unit}&year=2026`);
    const quota = page.getByTestId('assessments-quota-row').first();
    await expect.poll(() => quota.innerText()).toContain('tối đa 20% của 1 xếp loại "Hoàn thành tốt nhiệm vụ" là 0');
    const download = page.waitForEvent('download');
    await page.getByTestId('assessments-docx').click();
    expect((await download).suggestedFilename()).toBe('tong-hop-xep-loai-2026.docx');
    // The members' results over the years as bars, each year's shares named for a screen reader.
    const chart = page.getByTestId('assessments-trend-chart');
    await chart.waitFor();
    expect(await chart.locator('[data-year]').count()).toBeGreaterThan(1);
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/2025: .*Hoàn thành tốt nhiệm vụ [\d,]+%/);
    await page.getByTestId('assessments-rollup').screenshot({ path: '.test-results/assessment-rollup-1440.png' });
    await page.setViewportSize(PHONE);
    await noHorizontalScroll(page);
    await page.getByTestId('assessments-rollup').screenshot({ path: '.test-results/assessment-rollup-390.png' });
    await page.close();
  });
});
