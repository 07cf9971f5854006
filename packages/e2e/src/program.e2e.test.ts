import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';
import { SHEET_COLUMNS } from '../../server/src/services/task-sheet.service.js';

interface Item {
  id: string;
  title: string;
  startsOn: string;
  dueDate: string;
  percent: number;
  status: { code: string; label_vi: string };
  tasks: { id: string; state: string; title: string }[];
}
interface Program {
  id: string;
  state: string;
  symbol: string | null;
  lateItems: number;
  itemsDetail: Item[];
}
interface Recommendation {
  id: string;
  title: string;
  dueOn: string | null;
  fromLabel: string;
  status: { overdue: boolean; label_vi: string };
}

describe.skipIf(skipReason !== null)('programs, inspections and recommendations in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let session: Session;

  beforeAll(async () => {
    ({ db, app, browser, base } = demo = await startDemo());
    session = await apiSession(app);
  });
  afterAll(async () => demo?.close());

  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);

  /** Fixtures and expectations through the API (the browser tests what is on the page). */
  const call = <T = Program>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> =>
    apiCall<T>(app, session, method, url, payload);
  const orgId = async (code: string) =>
    (await qb(db).selectFrom('organization').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const programId = async (title: string) =>
    (await qb(db).selectFrom('program').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  const meetingId = async (titleStart: string) =>
    (await qb(db).selectFrom('meeting').select('id').where('title', 'like', `${titleStart}%`).executeTakeFirstOrThrow())
      .id;
  /** A colour that reads as red: rgb(r, g, b) with red well above green and blue. */
  const isRed = (css: string) => {
    const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    return r > 150 && g < 90 && b < 90;
  };
  const row = (page: Page, title: string) => page.locator(`[data-testid="gantt-row"][data-title="${title}"]`);

  it("draws the 2026 work program as a Gantt chart: a bar or diamond per item, today's line, " +
    'the resolution on digital transformation done, and an item late once it has one more task past its date', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/programs?year=2026`);
    await expect
      .poll(() =>
        page.getByTestId('program-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-symbol')).sort()),
      )
      .toEqual(['01-CTr/TU', '02-CTr/TU', '03-CTr/TU', '04-CTr/TU']);
    await page
      .getByTestId('program-link')
      .filter({ hasText: /^Chương trình làm việc năm 2026$/ })
      .click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const id = await programId('Chương trình làm việc năm 2026');
    expect(new URL(page.url()).pathname).toBe(`/programs/${id}`);
    const p = await call('GET', `/programs/${id}`);

    // Its header: the number, who adopted it at which meeting, and the clause that makes it competent.
    expect(await page.getByTestId('program-symbol').innerText()).toBe('Số 03-CTr/TU');
    expect(await page.getByTestId('program-adopted').innerText()).toContain(
      'Ban Thường vụ Tỉnh ủy thông qua ngày 06/01/2026 tại Phiên họp Ban Thường vụ Tỉnh ủy ngày 06/01/2026',
    );
    expect(await page.getByTestId('program-competence').innerText()).toContain('khoản 2 Điều 2');

    // One row per item, each a bar over its period or a diamond on its meeting's date; months as the scale.
    const rows = page.getByTestId('gantt-row');
    await expect.poll(() => rows.count()).toBe(p.itemsDetail.length);
    expect(p.itemsDetail.length).toBe(6);
    expect(await page.getByTestId('gantt').getAttribute('data-scale')).toBe('month');
    expect(await page.getByTestId('gantt-tick').allInnerTexts()).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
    ]);
    const drawn = await rows.evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-id'),
        start: e.getAttribute('data-start'),
        end: e.getAttribute('data-end'),
        shape: e.getAttribute('data-shape'),
        marks: e.querySelectorAll('[data-testid="gantt-bar"], [data-testid="gantt-diamond"]').length,
      })),
    );
    expect(drawn).toEqual(
      p.itemsDetail.map((i) => ({
        id: i.id,
        start: i.startsOn,
        end: i.dueDate,
        shape: i.startsOn === i.dueDate ? 'diamond' : 'bar',
        marks: 1,
      })),
    );
    expect(drawn.filter((d) => d.shape === 'diamond').length).toBe(4);
    const q2 = row(page, 'Sơ kết 1 năm thực hiện mô hình chính quyền địa phương 2 cấp');
    expect(await q2.getAttribute('data-start')).toBe('2026-04-01');
    expect(await q2.getAttribute('data-end')).toBe('2026-06-30');
    // Today's line on every row.
    const today = todayInVietnam();
    expect(await page.locator('[data-testid="gantt-today"]').count()).toBeGreaterThanOrEqual(p.itemsDetail.length);
    expect(await page.getByTestId('gantt-today').first().getAttribute('data-date')).toBe(today);

    // The resolution on digital transformation: done, green, its task linked.
    const dx = row(page, 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số cơ quan Đảng');
    expect(await dx.getAttribute('data-status')).toBe('done');
    expect(await dx.getAttribute('data-shape')).toBe('diamond');
    expect(await dx.locator('.qc-g-diamond.qc-g-done').count()).toBe(1);
    expect(await dx.getByTestId('gantt-status').innerText()).toBe('HOÀN THÀNH');
    expect(await dx.innerText()).toContain('Hội nghị Tỉnh ủy lần thứ 6 (10/04/2026)');
    const dxTask = page.locator(`[data-testid="gantt-task-row"][data-item="${await dx.getAttribute('data-id')}"]`);
    expect(await dxTask.count()).toBe(1);
    expect(await dxTask.getAttribute('data-state')).toBe('done');

    // One more task under the six-month report, due at its end (30/06/2026), still open: the item is late, in red.
    const six = row(page, 'Báo cáo 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ tỉnh');
    expect(await six.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('program-late').getAttribute('data-late')).toBe(String(p.lateItems));
    await six.getByTestId('item-more-task').click();
    const form = page.getByTestId('more-task-form');
    expect(await form.getByTestId('more-task-title').inputValue()).toBe(
      'Báo cáo 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ tỉnh',
    );
    expect(await form.getByTestId('more-task-due').inputValue()).toBe('30/06/2026');
    await form.getByTestId('more-task-title').fill('Bổ sung số liệu của các đảng ủy trực thuộc vào báo cáo 6 tháng');
    await form.getByTestId('more-task-lead').selectOption({ label: 'Ban Tổ chức Tỉnh ủy' });
    await form.getByTestId('more-task-submit').click();
    await expect.poll(() => page.getByTestId('more-task-done').count()).toBe(1);
    const taskHref = await page.getByTestId('more-task-link').getAttribute('href');
    await page.getByTestId('more-task-close').click();
    await expect.poll(() => six.getAttribute('data-status')).toBe('late');
    expect(await six.getAttribute('class')).toContain('qc-g-row-late');
    expect(await six.locator('.qc-g-bar.qc-g-late').count()).toBe(1);
    expect(await six.getByTestId('gantt-status').textContent()).toBe('Chậm so với chương trình (hạn 30/06/2026)');
    expect(await page.getByTestId('program-late').getAttribute('data-late')).toBe(String(p.lateItems + 1));
    const sixTasks = page.locator(`[data-testid="gantt-task-row"][data-item="${await six.getAttribute('data-id')}"]`);
    await expect.poll(() => sixTasks.count()).toBe(2);
    const added = sixTasks.filter({ hasText: 'Bổ sung số liệu của các đảng ủy trực thuộc' });
    expect(await added.getAttribute('data-overdue')).toBe('true');
    expect(await added.getByTestId('gantt-task').getAttribute('href')).toBe(taskHref);
    expect((await call('GET', `/programs/${id}`)).lateItems).toBe(p.lateItems + 1);
    await page.screenshot({ path: '.test-results/program-gantt.png', fullPage: true });

    // The task links back to its program.
    await added.getByTestId('gantt-task').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('task-source-program').getAttribute('href')).toBe(`/programs/${id}`);
    expect(await page.getByTestId('task-source-program').innerText()).toBe('Chương trình làm việc năm 2026');
    await page.close();
  });

  it('drafts the 2027 work program with two items, ' +
    'is refused at Hội nghị Tỉnh ủy lần thứ 9 in Vietnamese citing khoản 2 Điều 2, ' +
    'and adopts it at the BTV session of 01/12/2026', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn('vanthu.vptu');
    await page.goto(`${base}/programs?year=2027`);
    const create = page.getByTestId('program-create');
    await expect.poll(() => create.count()).toBe(1);
    await create.getByTestId('program-create-kind').selectOption('work');
    await create.getByTestId('program-create-span').selectOption('year');
    await create.getByTestId('program-create-year').selectOption('2027');
    await create.getByTestId('program-create-submit').click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const programPage = page.getByTestId('program-page');
    await expect.poll(() => programPage.getAttribute('data-state')).toBe('draft');
    expect(await page.getByTestId('program-title').innerText()).toBe(
      'Chương trình làm việc năm 2027 của Đảng bộ tỉnh An Lạc',
    );
    expect(await page.getByTestId('program-competence').innerText()).toContain('Ban Thường vụ Tỉnh ủy');
    expect(await page.getByTestId('gantt-empty').count()).toBe(1);

    // Two items: a quarter and a month, each with its 6 rõ.
    const addItem = async (title: string, kind: 'quarter' | 'month', n: string, lead: string, product: string) => {
      await page.getByTestId('item-add').click();
      const f = page.getByTestId('item-form');
      await f.getByTestId('item-title').fill(title);
      await f.getByTestId('item-period-kind').selectOption(kind);
      await f.getByTestId('item-period-n').selectOption(n);
      expect(await f.getByTestId('item-period-year').inputValue()).toBe('2027');
      await f.getByTestId('item-lead').selectOption({ label: lead });
      await expect
        .poll(() => f.getByTestId('item-supervisor').locator('option', { hasText: 'Võ Thị Thu Hà' }).count())
        .toBe(1);
      await f.getByTestId('item-supervisor').selectOption({ label: 'Võ Thị Thu Hà' });
      await f.getByTestId('item-deciding').selectOption('BTV');
      await f.getByTestId('item-product').fill(product);
      await expect.poll(() => f.getByTestId('item-six').getAttribute('data-complete')).toBe('true');
      await f.getByTestId('item-submit').click();
      await expect.poll(() => page.getByTestId('item-form').count()).toBe(0);
    };
    await addItem(
      'Tổ chức hội nghị sơ kết công tác quý I năm 2027',
      'quarter',
      '1',
      'Văn phòng Tỉnh ủy',
      'Báo cáo sơ kết quý I',
    );
    await addItem(
      'Báo cáo tình hình thực hiện nhiệm vụ chính trị tháng 5/2027',
      'month',
      '5',
      'Ban Tổ chức Tỉnh ủy',
      'Báo cáo tháng 5',
    );
    const rows = page.getByTestId('gantt-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(
      await rows.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-start'), e.getAttribute('data-end'), e.getAttribute('data-status')]),
      ),
    ).toEqual([
      ['2027-01-01', '2027-03-31', 'no_task'],
      ['2027-05-01', '2027-05-31', 'no_task'],
    ]);

    // At the Tỉnh ủy's conference: refused, the competent body and its clause named.
    await page.getByTestId('adopt-open').click();
    const dialog = page.getByTestId('adopt-dialog');
    await expect.poll(() => dialog.getByTestId('adopt-competent').innerText()).toContain('Ban Thường vụ Tỉnh ủy');
    expect(await dialog.getByTestId('adopt-competent').getAttribute('data-competent')).toBe('BTV');
    const hn9 = await meetingId('Hội nghị Tỉnh ủy lần thứ 9');
    await expect.poll(() => dialog.getByTestId('adopt-meeting').locator(`option[value="${hn9}"]`).count()).toBe(1);
    await dialog.getByTestId('adopt-meeting').selectOption(hn9);
    expect(await dialog.getByTestId('adopt-mismatch').count()).toBe(1);
    await dialog.getByTestId('adopt-submit').click();
    const refusal = dialog.getByTestId('adopt-error');
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.getAttribute('data-code')).toBe('CHUONG_TRINH_SAI_THAM_QUYEN');
    expect(await refusal.getAttribute('data-status')).toBe('422');
    const why = await refusal.innerText();
    expect(why).toContain('Sai thẩm quyền thông qua chương trình');
    expect(why).toContain('không có thẩm quyền thông qua chương trình này');
    expect(why).toContain('cơ quan có thẩm quyền là Ban Thường vụ Tỉnh ủy');
    expect(why).toContain('khoản 2 Điều 2');
    expect((await call('GET', `/programs/${id}`)).state).toBe('draft');

    // At the BTV session in progress: adopted, numbered, its items' tasks assigned.
    const btv = await meetingId('Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026');
    await dialog.getByTestId('adopt-meeting').selectOption(btv);
    expect(await dialog.getByTestId('adopt-mismatch').count()).toBe(0);
    expect(await dialog.getByTestId('adopt-error').count()).toBe(0);
    await dialog.getByTestId('adopt-submit').click();
    await expect.poll(() => programPage.getAttribute('data-state')).toBe('adopted');
    const p = await call('GET', `/programs/${id}`);
    expect(p.state).toBe('adopted');
    expect(p.symbol).toMatch(/^\d{2}-CTr\/TU$/);
    const done = page.getByTestId('adopt-done');
    expect(await done.getAttribute('data-symbol')).toBe(p.symbol);
    expect(await done.getAttribute('data-tasks')).toBe('2');
    expect(await done.innerText()).toContain(`Số ${p.symbol}; đã giao 2 nhiệm vụ`);
    expect(await page.getByTestId('program-symbol').innerText()).toBe(`Số ${p.symbol}`);
    expect(await page.getByTestId('program-adopted').innerText()).toContain(
      'Ban Thường vụ Tỉnh ủy thông qua ngày 01/12/2026 tại Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026',
    );
    expect(await page.getByTestId('program-competence').innerText()).toContain('Đúng thẩm quyền');
    // Each item's task, assigned with its 6 rõ, under its item.
    const tasks = page.getByTestId('gantt-task-row');
    await expect.poll(() => tasks.count()).toBe(2);
    expect(await tasks.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual([
      'assigned',
      'assigned',
    ]);
    expect(await page.getByTestId('gantt-task').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(
      p.itemsDetail.map((i) => `/tasks/${i.tasks[0]!.id}`),
    );
    expect(await page.getByTestId('item-edit').count()).toBe(0);
    expect(await page.getByTestId('adopt-open').count()).toBe(0);

    // The list of 2027 shows it with its number, beside the full-term programs.
    await page.goto(`${base}/programs?year=2027`);
    await expect
      .poll(() => page.locator(`[data-testid="program-row"][data-id="${id}"]`).getAttribute('data-symbol'))
      .toBe(p.symbol);
    expect(await page.locator('[data-testid="program-row"][data-span="term"]').count()).toBe(2);
    await page.close();
  });

  it('takes an inspection from its decision through the findings to its conclusion with one remedy; ' +
    'verifying stays disabled while the remedy is open', {
    timeout: 120_000,
  }, async () => {
    const today = todayInVietnam();
    const from = addDays(today, 5);
    const to = addDays(today, 16);
    const page = await loggedIn();
    await page.goto(`${base}/inspections`);
    await page.getByTestId('inspection-create-open').click();
    const f = page.getByTestId('inspection-create');
    const title = 'Giám sát chuyên đề việc thực hiện quy chế làm việc tại Đảng ủy xã Tân Lập';
    await f.getByTestId('inspection-create-title').fill(title);
    await f.getByTestId('inspection-create-kind').selectOption('thematic_supervision');
    await expect.poll(() => f.getByTestId('inspection-create-deciding').locator('option[value="BTV"]').count()).toBe(1);
    await f.getByTestId('inspection-create-deciding').selectOption('BTV');
    await expect
      .poll(() =>
        f.getByTestId('inspection-create-targets-add').locator('option', { hasText: 'Đảng ủy xã Tân Lập' }).count(),
      )
      .toBe(1);
    await f.getByTestId('inspection-create-targets-add').selectOption({ label: 'Đảng ủy xã Tân Lập' });
    await expect
      .poll(() => f.getByTestId('inspection-create-targets-chip').allInnerTexts())
      .toEqual(['Đảng ủy xã Tân Lập']);
    await f.getByTestId('inspection-create-from').fill(formatDateVi(from));
    await f.getByTestId('inspection-create-to').fill(formatDateVi(to));
    const people = f.getByTestId('inspection-create-team-person');
    await expect.poll(() => people.first().locator('option', { hasText: 'Đặng Minh Quân' }).count()).toBe(1);
    await people.nth(0).selectOption({ label: 'Đặng Minh Quân' });
    await people.nth(1).selectOption({ label: 'Bùi Quốc Kiên' });
    expect(
      await f
        .getByTestId('inspection-create-team-role')
        .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)),
    ).toEqual(['leader', 'member']);
    await f.getByTestId('inspection-create-submit').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const ip = page.getByTestId('inspection-page');
    await expect.poll(() => ip.getAttribute('data-state')).toBe('planned');
    expect(await page.getByTestId('inspection-title').innerText()).toBe(title);
    expect(
      await page
        .getByTestId('team-member')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-role'), (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]),
        ),
    ).toEqual([
      ['leader', 'TRƯỞNG ĐOÀN Đặng Minh Quân'],
      ['member', 'THÀNH VIÊN Bùi Quốc Kiên'],
    ]);
    expect(await page.getByTestId('inspection-window').innerText()).toContain(
      `${formatDateVi(from)} – ${formatDateVi(to)}`,
    );

    // Decided: the team decision numbered by the system.
    const step = (to: string) => page.getByTestId(`inspection-step-${to}`);
    expect(await step('decided').isEnabled()).toBe(true);
    await step('decided').click();
    expect(await page.getByTestId('inspection-step-date').inputValue()).toBe(formatDateVi(today));
    await page.getByTestId('inspection-step-submit').click();
    await expect.poll(() => ip.getAttribute('data-state')).toBe('decided');
    expect(await page.getByTestId('inspection-decided').innerText()).toMatch(/Quyết định số \d{2}-QĐ\/TU ngày /);

    // In progress; concluding needs a finding for the target (the conclusion's own date and text are the form's).
    await step('in_progress').click();
    await page.getByTestId('inspection-step-submit').click();
    await expect.poll(() => ip.getAttribute('data-state')).toBe('in_progress');
    expect(await step('concluded').isDisabled()).toBe(true);
    const problems = await page.getByTestId('inspection-step-concluded-problems').innerText();
    expect(problems).toContain('Chưa có kết quả đối với: Đảng ủy xã Tân Lập');
    expect(problems).not.toContain('Chưa có nội dung kết luận');
    const finding = page.locator('[data-testid="finding"][data-target="Đảng ủy xã Tân Lập"]');
    await finding
      .getByTestId('finding-text')
      .fill('Chưa xây dựng quy chế làm việc khóa mới; chưa phân công Ủy viên Ban Thường vụ theo dõi nhiệm vụ.');
    await finding.getByTestId('finding-violation').check();
    await page.getByTestId('findings-save').click();
    await expect.poll(() => page.getByTestId('findings-saved').count()).toBe(1);
    await expect.poll(() => step('concluded').isEnabled()).toBe(true);
    expect(await page.getByTestId('inspection-step-concluded-problems').count()).toBe(0);

    // Concluded with one remedy: a task with one lead.
    await step('concluded').click();
    expect(await page.getByTestId('inspection-step-date').inputValue()).toBe(formatDateVi(to));
    await page
      .getByTestId('inspection-step-text')
      .fill('Yêu cầu Đảng ủy xã Tân Lập xây dựng, ban hành quy chế làm việc khóa mới.');
    await page.getByTestId('remedy-add').click();
    const remedy = page.getByTestId('remedy');
    await remedy
      .getByTestId('remedy-title')
      .fill('Xây dựng, ban hành quy chế làm việc khóa mới của Đảng ủy xã Tân Lập');
    await remedy.getByTestId('remedy-lead').selectOption({ label: 'Đảng ủy xã Tân Lập' });
    await remedy.getByTestId('remedy-due').fill(formatDateVi(addDays(to, 45)));
    await remedy.getByTestId('remedy-supervisor').selectOption({ label: 'Đặng Minh Quân' });
    await page.getByTestId('inspection-step-submit').click();
    await expect.poll(() => ip.getAttribute('data-state')).toBe('concluded');
    expect(await page.getByTestId('inspection-conclusion-line').innerText()).toMatch(
      /Thông báo kết luận số \d{2}-TB\/TU ngày /,
    );
    const task = page.getByTestId('remedy-task');
    expect(await task.count()).toBe(1);
    expect(await task.getAttribute('data-state')).toBe('assigned');
    expect(await task.innerText()).toContain('Chủ trì: Đảng ủy xã Tân Lập');
    expect(await page.locator('[data-testid="finding"]').getAttribute('data-violation')).toBe('true');

    // Verifying the remedies: disabled, the open remedy named.
    expect(await step('verified').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspection-step-verified-problems').innerText()).toBe(
      'Còn 1 nhiệm vụ khắc phục chưa hoàn thành: Xây dựng, ban hành quy chế làm việc khóa mới của Đảng ủy xã Tân Lập',
    );
    expect(await page.getByTestId('inspection-findings').locator('textarea').count()).toBe(0);
    await page.screenshot({ path: '.test-results/inspection-concluded.png', fullPage: true });

    // The list shows it with its decision and its one target.
    await page.goto(`${base}/inspections`);
    const listed = page.getByTestId('inspection-row').filter({ hasText: title });
    await expect.poll(() => listed.getAttribute('data-state')).toBe('concluded');
    expect(await listed.getByTestId('inspection-targets-count').innerText()).toBe('1 đối tượng');
    expect(await listed.getByTestId('inspection-decision').innerText()).toMatch(/\d{2}-QĐ\/TU/);
    await page.close();
  });

  it('lets the commune clerk send a recommendation up to the province and find it under "Đã gửi" with its due date; ' +
    'shows the province the overdue one from Bắc Sơn in red', {
    timeout: 120_000,
  }, async () => {
    const title = 'Kiến nghị hỗ trợ kinh phí sửa chữa hội trường Đảng ủy xã';
    const clerk = await loggedIn('vanthu.x01');
    await clerk.goto(`${base}/recommendations`);
    await clerk.getByTestId('rec-create-open').click();
    const f = clerk.getByTestId('rec-create');
    await expect.poll(() => f.getAttribute('data-mode')).toBe('up');
    await expect.poll(() => f.getByTestId('rec-create-to').innerText()).toContain('Gửi đến: Đảng bộ tỉnh An Lạc');
    await f.getByTestId('rec-create-title').fill(title);
    await f
      .getByTestId('rec-create-text')
      .fill('Hội trường Đảng ủy xã xuống cấp sau sắp xếp; đề nghị Ban Thường vụ Tỉnh ủy xem xét hỗ trợ kinh phí.');
    expect(await f.getByTestId('rec-create-date').inputValue()).toBe(formatDateVi(todayInVietnam()));
    await f.getByTestId('rec-create-submit').click();
    await expect.poll(() => new URL(clerk.url()).searchParams.get('tab')).toBe('sent');
    const sent = clerk.getByTestId('rec-row').filter({ hasText: title });
    await expect.poll(() => sent.count()).toBe(1);
    const x01 = await orgId('ORG-X01');
    const mine = (await call<Recommendation[]>('GET', `/recommendations?orgId=${x01}&direction=sent`)).find(
      (r) => r.title === title,
    )!;
    expect(mine.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await sent.getByTestId('rec-due').innerText()).toBe(formatDateVi(mine.dueOn));
    expect(await sent.getByTestId('rec-due-basis').innerText()).toContain('15 ngày làm việc');
    expect(await sent.getByTestId('rec-due-basis').innerText()).toContain('khoản 3 Điều 19');
    expect(await sent.getByTestId('rec-party').innerText()).toContain('Đảng bộ tỉnh An Lạc');
    expect(await sent.getByTestId('rec-status').innerText()).toBe(
      `Đã tiếp nhận, hạn trả lời ${formatDateVi(mine.dueOn)}`,
    );
    expect(await sent.getAttribute('data-overdue')).toBe('false');
    // The clerk may withdraw it but not answer it.
    await sent.getByTestId('rec-link').click();
    await clerk.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    await expect.poll(() => clerk.getByTestId('rec-step-withdrawn').count()).toBe(1);
    expect(await clerk.getByTestId('rec-step-answered').count()).toBe(0);
    expect(await clerk.getByTestId('rec-step-assigned').count()).toBe(0);
    await clerk.close();

    const page = await loggedIn();
    await page.goto(`${base}/recommendations`);
    // Bắc Sơn's is overdue since 10/11/2026; others may be by the day the test runs (the demo stands on 01/12/2026).
    const overdue = page
      .locator('[data-testid="rec-row"][data-overdue="true"]')
      .filter({ has: page.getByTestId('rec-party').filter({ hasText: 'Đảng ủy phường Bắc Sơn' }) });
    await expect.poll(() => overdue.count()).toBe(1);
    const status = overdue.getByTestId('rec-status');
    expect(await status.innerText()).toBe('Đã tiếp nhận, quá hạn trả lời từ 10/11/2026');
    expect(isRed(await status.evaluate((e) => getComputedStyle(e).color))).toBe(true);
    expect(isRed(await overdue.getByTestId('rec-due').evaluate((e) => getComputedStyle(e).color))).toBe(true);
    expect(
      isRed(
        await page
          .locator('[data-testid="rec-row"][data-overdue="false"]')
          .first()
          .getByTestId('rec-status')
          .evaluate((e) => getComputedStyle(e).color),
      ),
    ).toBe(false);
    expect(await overdue.getByTestId('rec-overdue-badge').innerText()).toBe('QUÁ HẠN');
    // "Quá hạn" keeps the overdue ones alone, Bắc Sơn's among them; a search without diacritics finds by words.
    await page.getByTestId('rec-filter-state').selectOption('overdue');
    await expect
      .poll(() => page.getByTestId('rec-row').evaluateAll((els) => [...new Set(els.map((e) => e.dataset['overdue']))]))
      .toEqual(['true']);
    expect(await overdue.count()).toBe(1);
    await page.getByTestId('rec-filter-state').selectOption('');
    await page.getByTestId('rec-search').fill('giai phong mat bang');
    await expect
      .poll(() => page.getByTestId('rec-link').allInnerTexts())
      .toEqual(['Kiến nghị tháo gỡ vướng mắc giải phóng mặt bằng dự án cao tốc đoạn qua tỉnh']);
    await page.getByTestId('rec-search').fill('hoi truong');
    await expect.poll(() => page.getByTestId('rec-link').allInnerTexts()).toEqual([title]);

    // The province assigns the new one to a lead: a task, shown on the page.
    await page.getByTestId('rec-link').click();
    await page.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    await page.getByTestId('rec-step-assigned').click();
    await expect
      .poll(() => page.getByTestId('rec-assign-lead').locator('option', { hasText: 'Văn phòng Tỉnh ủy' }).count())
      .toBe(1);
    // No lead chosen: the form names the field as the API would, sends nothing and keeps the date typed.
    await page.getByTestId('rec-assign-due').fill(formatDateVi(addDays(mine.dueOn!, -1)));
    await page.getByTestId('rec-assign-submit').click();
    await expect.poll(() => page.getByTestId('rec-assign-form').innerText()).toContain('Thiếu Đơn vị chủ trì tham mưu');
    expect(await page.getByTestId('recommendation-page').getAttribute('data-state')).toBe('received');
    expect(await page.getByTestId('rec-assign-due').inputValue()).toBe(formatDateVi(addDays(mine.dueOn!, -1)));
    await page.getByTestId('rec-assign-due').fill(formatDateVi(mine.dueOn));
    await page.getByTestId('rec-assign-lead').selectOption({ label: 'Văn phòng Tỉnh ủy' });
    expect(await page.getByTestId('rec-assign-due').inputValue()).toBe(formatDateVi(mine.dueOn));
    await page.getByTestId('rec-assign-submit').click();
    await expect.poll(() => page.getByTestId('recommendation-page').getAttribute('data-state')).toBe('assigned');
    expect(await page.getByTestId('rec-task-lead').innerText()).toBe('Văn phòng Tỉnh ủy');
    expect(await page.getByTestId('rec-task-link').innerText()).toBe(`Tham mưu trả lời kiến nghị: ${title}`);
    await page.close();
  });

  it('refuses a malformed task sheet with a table of its errors by row and column, importing nothing; ' +
    'a correct sheet is checked, then imported', {
    timeout: 120_000,
  }, async () => {
    const al = await orgId('ORG-AL');
    const alTasks = async () =>
      Number(
        (
          await qb(db)
            .selectFrom('task')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', al)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sheet = (rows: Partial<Record<(typeof SHEET_COLUMNS)[number]['key'], string>>[]) =>
      writeXlsxFile([
        SHEET_COLUMNS.map((c) => ({ value: c.title })),
        ...rows.map((r) => SHEET_COLUMNS.map((c) => (r[c.key] ? { value: r[c.key]!, type: String } : null))),
      ]).toBuffer();
    const bad = await sheet([
      {
        title: 'Tổng hợp kết quả giám sát việc thực hiện "6 rõ" năm 2026',
        lead: 'Văn phòng Tỉnh ủy; Ủy ban Kiểm tra Tỉnh ủy',
        dueDate: '31/01/2027',
        decidingBody: 'BTV',
        product: 'Báo cáo tổng hợp',
      },
      {
        title: 'Chuẩn bị hội nghị sơ kết công tác kiểm tra, giám sát',
        lead: 'Văn phòng Tỉnh ủy',
        dueDate: '31/02/2027',
        decidingBody: 'BTV',
        product: 'Báo cáo sơ kết',
      },
    ]);
    const before = await alTasks();
    const page = await loggedIn();
    // Every state: the imported task is a draft until its 6 rõ are complete (the list opens on open tasks only).
    await page.goto(`${base}/tasks?state=all`);
    const total = page.getByTestId('task-total');
    await expect.poll(() => total.count()).toBe(1);
    const shown = await total.getAttribute('data-total');
    await page.getByTestId('task-import-open').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'nhiem-vu-loi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    const errors = page.getByTestId('import-error');
    await expect.poll(() => errors.count()).toBe(2);
    const cells = await errors.evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(cells[0]!.slice(0, 3)).toEqual(['2', 'C', 'Rõ người: đơn vị, người chủ trì']);
    expect(cells[0]![3]).toContain('Mỗi nhiệm vụ chỉ có một đầu mối chủ trì');
    expect(cells[0]![3]).toContain('Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy');
    expect(cells[1]!.slice(0, 3)).toEqual(['3', 'E', 'Rõ thời gian: hạn (dd/mm/yyyy)']);
    expect(cells[1]![3]).toBe('"31/02/2027" không phải một ngày dạng dd/mm/yyyy');
    expect(await page.getByTestId('import-errors').locator('th').allInnerTexts()).toEqual([
      'Dòng',
      'Cột',
      'Cột tên',
      'Lỗi',
    ]);
    expect(await page.getByTestId('import-refused').getAttribute('data-status')).toBe('422');
    expect(await page.getByTestId('import-refused').innerText()).toContain('Bảng tính có lỗi: chưa nhập nhiệm vụ nào');
    expect(await page.getByTestId('import-nothing').innerText()).toContain('Chưa nhập nhiệm vụ nào');
    expect(await page.getByTestId('import-submit').count()).toBe(0);
    expect(await alTasks()).toBe(before);
    await page.screenshot({ path: '.test-results/task-import-errors.png', fullPage: false });

    // The corrected sheet: a dry run shows the row to be created, then "Nhập" creates it.
    const good = await sheet([
      {
        title: 'Tổng hợp kết quả giám sát việc thực hiện "6 rõ" năm 2026',
        lead: 'Văn phòng Tỉnh ủy',
        supporting: 'Ủy ban Kiểm tra Tỉnh ủy',
        dueDate: '31/01/2027',
        decidingBody: 'BTV',
        product: 'Báo cáo tổng hợp',
      },
    ]);
    await page.getByTestId('import-file').setInputFiles({
      name: 'nhiem-vu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    const plan = page.getByTestId('import-plan');
    await expect.poll(() => plan.getAttribute('data-created')).toBe('1');
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(
      await page
        .getByTestId('import-row')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-action')])),
    ).toEqual([['2', 'create']]);
    expect(await alTasks()).toBe(before);
    await page.getByTestId('import-submit').click();
    await expect.poll(() => page.getByTestId('import-done').getAttribute('data-created')).toBe('1');
    expect(await alTasks()).toBe(before + 1);
    await expect.poll(() => total.getAttribute('data-total')).toBe(String(Number(shown) + 1));
    await page.close();
  });

  it('shows a read-only account a program, an inspection and the recommendations with no write control; ' +
    'the pages fit a phone 390 px wide', {
    timeout: 120_000,
  }, async () => {
    const work = await programId('Chương trình làm việc năm 2026');
    const inspection = (
      await qb(db)
        .selectFrom('inspection')
        .select('id')
        .where('title', '=', 'Giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh')
        .executeTakeFirstOrThrow()
    ).id;
    const page = await loggedIn('xem');
    await page.goto(`${base}/programs/${work}`);
    await expect.poll(() => page.getByTestId('gantt-row').count()).toBe(6);
    expect(await page.getByTestId('read-only').innerText()).toContain('chỉ được xem');
    expect(await page.getByTestId('program-page').locator('button, select, textarea, input').count()).toBe(0);
    await page.goto(`${base}/inspections/${inspection}`);
    await expect.poll(() => page.getByTestId('inspection-page').getAttribute('data-state')).toBe('in_progress');
    expect(await page.getByTestId('read-only').innerText()).toContain('chỉ được xem');
    expect(await page.getByTestId('inspection-steps').count()).toBe(0);
    expect(await page.getByTestId('inspection-page').locator('button, select, textarea, input').count()).toBe(0);
    expect(await page.getByTestId('team-member').count()).toBe(3);
    // The lists offer nothing to write.
    await page.goto(`${base}/programs`);
    await expect.poll(() => page.getByTestId('program-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('program-create').count()).toBe(0);
    await page.goto(`${base}/inspections`);
    await expect.poll(() => page.getByTestId('inspection-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('inspection-create-open').count()).toBe(0);
    await page.goto(`${base}/recommendations`);
    await expect.poll(() => page.getByTestId('rec-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('rec-create-open').count()).toBe(0);
    await page.getByTestId('rec-link').first().click();
    await expect.poll(() => page.getByTestId('recommendation-page').count()).toBe(1);
    expect(await page.getByTestId('rec-steps').count()).toBe(0);
    await page.goto(`${base}/tasks`);
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('task-import-open').count()).toBe(0);
    await page.close();

    // On a phone: the Gantt chart, the inspection and the lists never scroll sideways.
    for (const username of ['xem', 'admin']) {
      const phone = await loggedIn(username, { width: 390, height: 844 });
      await phone.goto(`${base}/programs/${work}`);
      await expect.poll(() => phone.getByTestId('gantt-row').count()).toBe(6);
      await noHorizontalScroll(phone);
      if (username === 'admin') {
        await phone.getByTestId('item-more-task').first().click();
        await expect.poll(() => phone.getByTestId('more-task-form').count()).toBe(1);
        await noHorizontalScroll(phone);
      }
      await phone.screenshot({ path: `.test-results/program-phone-${username}.png`, fullPage: true });
      await phone.goto(`${base}/inspections/${inspection}`);
      await expect.poll(() => phone.getByTestId('inspection-page').count()).toBe(1);
      await noHorizontalScroll(phone);
      for (const [url, form] of [
        ['/programs', ''],
        ['/inspections', 'inspection-create-open'],
        ['/recommendations', 'rec-create-open'],
      ] as const) {
        await phone.goto(`${base}${url}`);
        await expect
          .poll(() =>
            phone
              .locator('[data-testid="program-row"], [data-testid="inspection-row"], [data-testid="rec-row"]')
              .count(),
          )
          .toBeGreaterThan(0);
        await noHorizontalScroll(phone);
        // The writer's forms too: drafting a program, setting up an inspection, sending a recommendation.
        if (username === 'admin' && form) {
          await phone.getByTestId(form).click();
          await expect
            .poll(() => phone.locator('[data-testid="inspection-create"], [data-testid="rec-create"]').count())
            .toBe(1);
        }
        if (username === 'admin') await noHorizontalScroll(phone);
      }
      await phone.close();
    }
  });

  it('links a conclusion\'s action items to "Tạo nhiệm vụ theo dõi" for writers only', {
    timeout: 90_000,
  }, async () => {
    const m = (
      await qb(db)
        .selectFrom('conclusion as c')
        .innerJoin('conclusion_item as i', 'i.conclusion_id', 'c.id')
        .select('c.meeting_id as id')
        .where('i.kind', '=', 'action')
        .orderBy('c.issued_on')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    const page = await loggedIn();
    await page.goto(`${base}/meetings/${m}`);
    const link = page.getByTestId('conclusion-follow-up');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(`/tasks?pick=conclusions&meeting=${m}`);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/tasks' && u.searchParams.get('pick') === 'conclusions');
    expect(new URL(page.url()).searchParams.get('meeting')).toBe(m);
    await expect.poll(() => page.getByTestId('from-conclusion').count()).toBe(1);
    await page.close();
    const viewer = await loggedIn('xem');
    await viewer.goto(`${base}/meetings/${m}`);
    await expect.poll(() => viewer.getByTestId('conclusion-item').count()).toBeGreaterThan(0);
    expect(await viewer.getByTestId('conclusion-follow-up').count()).toBe(0);
    await viewer.close();
  });
});
