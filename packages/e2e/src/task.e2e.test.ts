import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Meeting {
  id: string;
  version: number;
  attendance: { id: string }[];
  conclusion: { symbol: string; items: { id: string; kind: string }[] } | null;
}
interface Task {
  id: string;
  state: string;
  version: number;
}

/** The demo's data stands on 01/12/2026: the pages are asked at that date. */
const AS_OF = '2026-12-01';

describe.skipIf(skipReason !== null)('follow-up of tasks in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let session: Session;

  beforeAll(async () => {
    // The fixture's records alone: the lists and the board below are counted against the fixture (the generated
    // volume of the communes' tasks is on in the demo and in the other browser tests).
    ({ db, app, browser, base } = demo = await startDemo({ volume: false }));
    session = await apiSession(app);
  });
  afterAll(async () => demo?.close());

  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);

  /** Fixtures through the API (the browser tests what is on the page, not how the data got there). */
  const call = <T = Meeting>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> =>
    apiCall<T>(app, session, method, url, payload);
  const unit = async (name: string) => ({
    kind: 'unit',
    id: (await qb(db).selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
    name,
  });
  const person = async (code: string) =>
    (await qb(db).selectFrom('person').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const taskId = async (title: string) =>
    (await qb(db).selectFrom('task').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  const taskCount = async () =>
    Number(
      (
        await qb(db)
          .selectFrom('task')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const state = (page: Page) => page.getByTestId('task-page').getAttribute('data-state');

  /** A BTV session convened by the TT, opened, 12 of 17 present, closed, its notice issued with one action item. */
  async function conclusionWithActionItem(text: string) {
    const btv = (
      await qb(db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', 'BTV')
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
    let m = await call('POST', '/meetings', {
      bodyId: btv,
      kind: 'regular',
      title: 'Phiên họp Ban Thường vụ Tỉnh ủy ngày 10/12/2026',
      meetingDate: '2026-12-10',
      startsAt: '08:00',
    });
    m = await call('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
    m = await call('POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    for (const a of m.attendance.slice(0, 12))
      m = await call('PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' });
    m = await call('POST', `/meetings/${m.id}/close`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    m = await call('POST', `/meetings/${m.id}/conclusion`, {
      issuedOn: '2026-12-11',
      summary: 'Ban Thường vụ Tỉnh ủy kết luận như sau:',
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
      items: [
        {
          kind: 'action',
          text,
          leads: [await unit('Ban Tuyên giáo và Dân vận Tỉnh ủy')],
          dueDate: '2026-12-25',
          supervisorPersonId: await person('M07'),
          decidingBody: 'BTV',
          product: 'Báo cáo tổng kết',
        },
      ],
    });
    return m;
  }

  it("takes a conclusion's action item to a task from the task list, reports 40 % with a file, " +
    'reports it finished and accepts it', {
    timeout: 120_000,
  }, async () => {
    const text = 'Tổng kết công tác dân vận của hệ thống chính trị năm 2026';
    const m = await conclusionWithActionItem(text);
    const symbol = m.conclusion!.symbol;
    const page = await loggedIn();
    await page.goto(`${base}/tasks?asOf=${AS_OF}`);
    await page.getByTestId('from-conclusion-open').click();
    const item = page.getByTestId('pending-item').filter({ hasText: text });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain(symbol);
    expect(await item.innerText()).toContain('Ban Tuyên giáo và Dân vận Tỉnh ủy');
    await item.getByTestId('pending-make').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('assigned');
    expect(await page.getByTestId('task-title').innerText()).toBe(text);

    // Its six "rõ", all stated, from the conclusion; the source links back to the meeting.
    await expect.poll(() => page.getByTestId('six-card').count()).toBe(6);
    expect(await page.locator('[data-testid="six-card"][data-ok="true"]').count()).toBe(6);
    expect(await page.getByTestId('six-summary').innerText()).toBe('ĐỦ 6 RÕ');
    expect(await page.locator('[data-testid="six-card"][data-code="ro_nguoi"]').innerText()).toContain(
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    );
    expect(await page.locator('[data-testid="six-card"][data-code="ro_thoi_gian"]').innerText()).toContain(
      '25/12/2026',
    );
    expect(await page.locator('[data-testid="six-card"][data-code="ro_tham_quyen"]').innerText()).toContain(
      'Ban Thường vụ Tỉnh ủy',
    );
    expect(await page.locator('[data-testid="six-card"][data-code="ro_san_pham"]').innerText()).toContain(
      'Báo cáo tổng kết',
    );
    await expect.poll(() => page.getByTestId('task-source-meeting').getAttribute('href')).toBe(`/meetings/${m.id}`);
    expect(await page.getByTestId('task-source-meeting').innerText()).toContain(symbol);
    expect(await page.getByTestId('extension-authority').getAttribute('data-code')).toBe('BTV');

    // 150 % is refused in words and nothing is sent (it used to go out as 0 %), what was typed kept.
    await page.getByTestId('report-percent').fill('150');
    await page.getByTestId('report-text').fill('Vượt kế hoạch');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-form').innerText()).toContain('Tiến độ (%) tối đa 100');
    expect(await page.getByTestId('report').count()).toBe(0);
    expect(await page.getByTestId('report-text').inputValue()).toBe('Vượt kế hoạch');
    // 40 % with evidence.
    await page.getByTestId('report-percent').fill('40');
    await page.getByTestId('report-text').fill('Đã tổng hợp báo cáo của 96 đảng ủy xã, phường.');
    await page
      .getByTestId('report-files')
      .setInputFiles({ name: 'tien-do.txt', mimeType: 'text/plain', buffer: Buffer.from('Báo cáo tiến độ') });
    await page.getByTestId('report-submit').click();
    await expect.poll(() => state(page)).toBe('in_progress');
    expect(await page.getByTestId('task-percent').first().getAttribute('data-percent')).toBe('40');
    expect(await page.getByTestId('report').count()).toBe(1);
    const file = page.getByTestId('report-file');
    expect(await file.innerText()).toContain('tien-do.txt');
    const download = await page.request.get(`${base}${await file.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('Báo cáo tiến độ');

    // Finished at 100 %: it goes to the assigning level, which accepts it.
    await page.getByTestId('report-text').fill('Đã trình Ban Thường vụ Báo cáo tổng kết.');
    await page.getByTestId('report-finished').check();
    expect(await page.getByTestId('report-percent').inputValue()).toBe('100%');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => state(page)).toBe('reported');
    expect(await page.getByTestId('report').count()).toBe(2);
    expect(await page.getByTestId('awaiting-acceptance').isVisible()).toBe(true);
    expect(await page.getByTestId('report-form').count()).toBe(0);
    expect(await page.getByTestId('step-done').innerText()).toBe('Nhận kết quả');
    expect(await page.getByTestId('step-in_progress').innerText()).toBe('Trả lại');
    await page.getByTestId('step-done').click();
    // Accepted as beyond what was asked: said in a sentence, which the year's assessment counts.
    await page.getByLabel(/Kết quả vượt mức yêu cầu/).check();
    await page.getByTestId('step-submit').click();
    await expect
      .poll(() => page.getByTestId('step-form').innerText())
      .toContain('Vượt mức ở điểm nào không được để trống');
    await page.getByTestId('step-exceeded-note').fill('Hoàn thành trước hạn 10 ngày, kèm đề xuất sửa quy chế');
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('done');
    expect(await page.getByTestId('task-exceeded').innerText()).toBe(
      'Hoàn thành vượt mức yêu cầu: Hoàn thành trước hạn 10 ngày, kèm đề xuất sửa quy chế',
    );
    expect(await page.getByTestId('task-state').first().innerText()).toBe('HOÀN THÀNH');
    expect(await page.getByTestId('task-percent').first().getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('task-steps').count()).toBe(0);
    await page.screenshot({ path: '.test-results/task-done.png', fullPage: true });

    // The item is no longer offered, and the list finds the task, done.
    await page.goto(`${base}/tasks?asOf=${AS_OF}&pick=conclusions`);
    await expect.poll(() => page.getByTestId('from-conclusion').count()).toBe(1);
    await expect.poll(() => page.getByTestId('from-conclusion-none').count()).toBe(1);
    await page.goto(`${base}/tasks?asOf=${AS_OF}&q=${encodeURIComponent('tong ket cong tac dan van')}`);
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    expect(await page.getByTestId('task-row').getAttribute('data-state')).toBe('done');
    await page.close();
  });

  it("renders the dashboard's charts and the coverage of responsibilities, each finding with its clause", {
    timeout: 90_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/tasks/dashboard?asOf=${AS_OF}`);
    // The page shows the API's count: the fixture's two planted overdue tasks, and those of the generated volume.
    const home = (
      await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-AL').executeTakeFirstOrThrow()
    ).id;
    const dash = await call<{ totals: { overdue: number } }>(
      'GET',
      `/organizations/${home}/task-dashboard?asOf=${AS_OF}`,
    );
    expect(dash.totals.overdue).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.getByTestId('dash-total-overdue').getAttribute('data-value'))
      .toBe(String(dash.totals.overdue));
    // ECharts draws in SVG: the bars and their labels are in the page.
    const byUnit = page.getByTestId('chart-by-unit');
    await expect.poll(() => byUnit.locator('svg').count()).toBe(1);
    await expect.poll(() => byUnit.locator('svg').textContent()).toContain('Ban Tổ chức Tỉnh ủy');
    expect(await byUnit.locator('svg').textContent()).toContain('Đảng ủy xã Tân Lập');
    expect(await byUnit.locator('svg path').count()).toBeGreaterThan(2);
    expect(await byUnit.getAttribute('aria-label')).toContain('Ban Tổ chức Tỉnh ủy 1');
    await expect
      .poll(() => page.getByTestId('chart-by-supervisor').locator('svg').textContent())
      .toContain('Võ Thị Thu Hà');
    await expect.poll(() => page.getByTestId('chart-completion').locator('svg').textContent()).toContain('Đúng hạn');
    expect(await page.getByTestId('chart-completion-card').innerText()).toContain('Hoàn thành theo tháng');
    expect(await page.getByTestId('chart-by-unit-card').innerText()).toContain('Quá hạn theo đơn vị chủ trì');
    expect(await page.getByTestId('chart-by-supervisor-card').innerText()).toContain(
      'Quá hạn theo Ủy viên Ban Thường vụ theo dõi',
    );

    // The bottlenecks link to their tasks.
    const longest = page.getByTestId('bottleneck-overdue-item').first();
    expect(await longest.innerText()).toContain('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử');
    expect(await longest.innerText()).toContain('quá hạn 123 ngày');
    expect(await page.getByTestId('bottleneck-extended').innerText()).toContain(
      'Xây dựng phương án xử lý vi phạm đất rừng tại xã Hòa Sơn',
    );

    // The coverage: the overlap, the gap and the overload the demo placed, each citing khoản 3 Điều 8.
    const findings = page.getByTestId('coverage-finding');
    await expect.poll(() => findings.count()).toBe(3);
    expect(
      await findings.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-subject')]),
      ),
    ).toEqual([
      ['overlap', 'Kinh tế, ngân sách, đầu tư'],
      ['gap', 'Quy hoạch, đất đai, tài nguyên, môi trường'],
      ['load', 'Lê Thị Minh Châu'],
    ]);
    for (const t of await page.getByTestId('coverage-message').allInnerTexts()) expect(t).toContain('khoản 3 Điều 8');
    expect(await findings.nth(0).textContent()).toContain('Chồng chéo');
    expect(await findings.nth(1).textContent()).toContain('Khoảng trống');
    expect(await findings.nth(2).textContent()).toContain('Quá tải');
    expect(await page.locator('[data-testid="coverage-load-row"][data-overloaded="true"]').innerText()).toContain(
      'Lê Thị Minh Châu',
    );
    await page.screenshot({ path: '.test-results/task-dashboard.png', fullPage: true });

    await longest.getByRole('link').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('task-title').innerText())
      .toBe('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử');
    await page.close();
  });

  it('opens the task list on the tasks still open, overdue first, by due date; ' +
    '"all states" and a search show the rest', {
    timeout: 90_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/tasks?asOf=${AS_OF}`);
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('filter-state').inputValue()).toBe('open');
    const states = await page
      .getByTestId('task-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.every((x) => ['assigned', 'in_progress', 'reported'].includes(x!))).toBe(true);
    expect(await page.getByTestId('task-row').first().getAttribute('data-overdue')).toBe('true');
    await page.getByTestId('filter-state').selectOption('all');
    await page.waitForURL(/state=all/);
    await expect
      .poll(async () =>
        (await page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))).some(
          (x) => x === 'done' || x === 'draft' || x === 'cancelled',
        ),
      )
      .toBe(true);
    await page.close();
  });

  it('refuses two lead units from the "Giao nhiệm vụ" form with the Vietnamese reason citing Kết luận 226-KL/TW, ' +
    'and assigns with one', {
    timeout: 90_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/tasks?asOf=${AS_OF}`);
    await page.getByTestId('task-create-open').click();
    await expect
      .poll(() => page.getByTestId('task-lead-0').locator('option', { hasText: 'Văn phòng Tỉnh ủy' }).count())
      .toBe(1);
    // Nothing stated yet: the live check names all six.
    expect(await page.getByTestId('task-six-preview').getAttribute('data-complete')).toBe('false');
    expect(await page.locator('[data-testid="six-field"][data-ok="false"]').count()).toBe(6);
    // Sent without its content: the form names the field as the API would, sends nothing, keeps what was chosen.
    const before = await taskCount();
    await page.getByTestId('task-lead-0').selectOption({ label: 'Văn phòng Tỉnh ủy' });
    await page.getByTestId('task-submit').click();
    await expect
      .poll(() => page.getByTestId('task-form').innerText())
      .toContain('Nội dung nhiệm vụ không được để trống');
    expect(await page.getByTestId('task-lead-0').inputValue()).not.toBe('');
    expect(await taskCount()).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/tasks');
    await page
      .getByTestId('task-title')
      .fill('Xây dựng Chương trình làm việc và Chương trình kiểm tra, giám sát năm 2027');
    await page.getByTestId('task-lead-0').selectOption({ label: 'Văn phòng Tỉnh ủy' });
    await page.getByTestId('task-due-date').fill('20/01/2027');
    await expect.poll(() => page.getByTestId('task-supervisor').locator('option').count()).toBeGreaterThan(10);
    await page.getByTestId('task-supervisor').selectOption({ label: 'Lê Thị Minh Châu' });
    await page.getByTestId('task-deciding').selectOption('BCH');
    expect(await page.getByTestId('task-six-preview-missing').innerText()).toContain('Thiếu Rõ sản phẩm');
    await page.getByTestId('task-product').fill('Dự thảo hai chương trình năm 2027');
    await expect.poll(() => page.getByTestId('task-six-preview').getAttribute('data-complete')).toBe('true');
    expect(await page.getByTestId('task-submit').innerText()).toBe('Giao nhiệm vụ');

    // A second lead: the live check refuses it, and so does the server when sent.
    await page.getByTestId('task-lead-add').click();
    await page.getByTestId('task-lead-1').selectOption({ label: 'Ủy ban Kiểm tra Tỉnh ủy' });
    await expect.poll(() => page.getByTestId('task-six-preview').getAttribute('data-refused')).toBe('true');
    expect(await page.getByTestId('task-six-preview-refused').innerText()).toContain('Kết luận 226-KL/TW');
    expect(await page.locator('[data-testid="six-field"][data-code="ro_nguoi"]').getAttribute('data-ok')).toBe('false');
    await page.getByTestId('task-submit').click();
    const refusal = page.getByTestId('task-form-error');
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.getAttribute('data-code')).toBe('MOT_DAU_MOI_CHU_TRI');
    const why = await refusal.innerText();
    expect(why).toContain('Mỗi nhiệm vụ chỉ có một đầu mối chủ trì');
    expect(why).toContain('Kết luận 226-KL/TW');
    expect(why).toContain('Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy');
    expect(why).toContain('Hãy tách thành 2 nhiệm vụ');
    expect(await taskCount()).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/tasks');

    // One lead, the other supporting: assigned at once.
    await page.getByTestId('task-lead-remove').click();
    await page.getByTestId('task-supporting').fill('Ủy ban Kiểm tra Tỉnh ủy');
    await expect.poll(() => page.getByTestId('task-six-preview').getAttribute('data-complete')).toBe('true');
    await page.getByTestId('task-submit').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect.poll(() => state(page)).toBe('assigned');
    expect(await page.locator('[data-testid="six-card"][data-code="ro_nguoi"]').innerText()).toContain(
      'Phối hợp: Ủy ban Kiểm tra Tỉnh ủy',
    );
    expect(await taskCount()).toBe(before + 1);
    await page.close();
  });

  it('lets the leader account accept a reported result from the task page, with no control to edit or assign', {
    timeout: 90_000,
  }, async () => {
    const text = 'Báo cáo kết quả sơ kết công tác dân vận (lãnh đạo nhận kết quả)';
    const m = await conclusionWithActionItem(text);
    const itemId = (
      await qb(db)
        .selectFrom('conclusion_item as i')
        .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
        .select('i.id')
        .where('c.meeting_id', '=', m.id)
        .where('i.kind', '=', 'action')
        .executeTakeFirstOrThrow()
    ).id;
    const task = await call<{ id: string }>('POST', `/conclusion-items/${itemId}/task`, {});
    const reported = await call<{ id: string; state: string }>('POST', `/tasks/${task.id}/reports`, {
      reportedOn: '2026-12-20',
      percent: 100,
      text: 'Đã trình báo cáo.',
      finished: true,
    });
    expect(reported.state).toBe('reported');
    const page = await loggedIn('lanhdao');
    await page.goto(`${base}/tasks/${task.id}`);
    await expect.poll(() => state(page)).toBe('reported');
    expect(await page.getByTestId('decide-only').count()).toBe(1);
    expect(await page.getByTestId('task-edit').count()).toBe(0);
    expect(
      await page
        .locator('[data-testid^="step-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).filter((x) => x !== 'step-submit')),
    ).toEqual(['step-done', 'step-in_progress']);
    await page.getByTestId('step-done').click();
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('done');
    await page.close();
  });

  it('shows a read-only account task 18 with its approved extension and no write control; ' +
    'the list fits a phone 390 px wide', {
    timeout: 90_000,
  }, async () => {
    const id = await taskId('Xây dựng phương án xử lý vi phạm đất rừng tại xã Hòa Sơn');
    const page = await loggedIn('xem');
    await page.goto(`${base}/tasks/${id}`);
    await expect.poll(() => state(page)).toBe('done');
    expect(await page.getByTestId('read-only').innerText()).toContain('chỉ được xem');
    expect(await page.getByTestId('task-status').innerText()).toBe('Hoàn thành, gia hạn đến 31/05/2026');
    expect(await page.getByTestId('six-extended').innerText()).toContain('gia hạn đến 31/05/2026');
    const ext = page.getByTestId('extension');
    expect(await ext.count()).toBe(1);
    expect(await ext.getAttribute('data-state')).toBe('approved');
    expect(await ext.textContent()).toContain('Đồng ý gia hạn');
    expect(await ext.innerText()).toContain('Gia hạn đến 31/05/2026');
    expect(await ext.getByTestId('extension-decision').innerText()).toContain('Ban Thường vụ Tỉnh ủy');
    expect(await page.getByTestId('extension-authority').innerText()).toContain('Ban Thường vụ Tỉnh ủy');
    // No write control at all on the task: no step, no report, no extension form, no edit.
    for (const form of ['task-steps', 'report-form', 'extension-request-form', 'extension-decision-form', 'task-edit'])
      expect(await page.getByTestId(form).count()).toBe(0);
    expect(await page.getByTestId('task-page').locator('button, select, textarea, input').count()).toBe(0);
    // Nor on the list: no "Giao nhiệm vụ", no "Từ kết luận", no board move.
    await page.goto(`${base}/tasks?asOf=${AS_OF}`);
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('task-create-open').count()).toBe(0);
    expect(await page.getByTestId('from-conclusion-open').count()).toBe(0);
    await page.goto(`${base}/tasks/board?asOf=${AS_OF}`);
    await expect.poll(() => page.getByTestId('board-card').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('board-move').count()).toBe(0);
    await page.close();

    // On a phone: the list, filtered as a user would, and with the assignment form open, never scrolls sideways.
    for (const username of ['xem', 'admin']) {
      const phone = await loggedIn(username, { width: 390, height: 844 });
      await phone.goto(`${base}/tasks?asOf=${AS_OF}&state=all`);
      await expect.poll(() => phone.getByTestId('task-row').count()).toBe(20);
      await noHorizontalScroll(phone);
      await phone.getByTestId('filter-state').selectOption('overdue');
      await expect.poll(() => phone.getByTestId('task-row').count()).toBe(2);
      expect(await phone.locator('[data-testid="task-row"][data-overdue="true"]').count()).toBe(2);
      expect(new URL(phone.url()).searchParams.get('state')).toBe('overdue');
      await noHorizontalScroll(phone);
      if (username === 'admin') {
        await phone.getByTestId('task-create-open').click();
        await expect.poll(() => phone.getByTestId('task-form').count()).toBe(1);
        await noHorizontalScroll(phone);
      }
      await phone.screenshot({ path: `.test-results/task-list-phone-${username}.png`, fullPage: false });
      await phone.close();
    }
  });

  it('filters the list by state, source, lead and supervisor in the address, ' +
    'and finds tasks with or without diacritics', {
    timeout: 90_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/tasks?asOf=${AS_OF}&state=all`);
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(20);
    await page.getByTestId('filter-state').selectOption('open');
    const allOpen = async () =>
      (await page.getByTestId('task-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).every(
        (x) => ['assigned', 'in_progress', 'reported'].includes(x!),
      );
    await expect.poll(allOpen).toBe(true);
    const open = (await call<{ total: number }>('GET', `/tasks?state=open&asOf=${AS_OF}`)).total;
    await expect.poll(() => page.getByTestId('task-total').getAttribute('data-total')).toBe(String(open));
    await page.getByTestId('filter-state').selectOption('in_progress');
    await expect.poll(() => page.locator('[data-testid="task-row"]:not([data-state="in_progress"])').count()).toBe(0);
    await page.getByTestId('filter-state').selectOption('all');
    await page.getByTestId('filter-lead').selectOption({ label: 'Ban Tổ chức Tỉnh ủy' });
    await expect
      .poll(async () => [...new Set(await page.getByTestId('task-lead').allInnerTexts())])
      .toEqual(['Ban Tổ chức Tỉnh ủy']);
    await page.getByTestId('filter-lead').selectOption('');
    await page.getByTestId('filter-source').selectOption('program_item');
    await expect
      .poll(() => page.getByTestId('task-source').allInnerTexts())
      .toSatisfy((xs: string[]) => xs.length > 0 && xs.every((x) => x.includes('Chương trình công tác')));
    await page.getByTestId('filter-source').selectOption('');
    await page.getByTestId('filter-supervisor').selectOption({ label: 'Võ Thị Thu Hà' });
    const hers = (
      await call<{ items: { title: string }[] }>(
        'GET',
        `/tasks?supervisorPersonId=${await person('M05')}&asOf=${AS_OF}`,
      )
    ).items.map((x) => x.title);
    expect(hers).toContain('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử');
    await expect.poll(() => page.getByTestId('task-link').allInnerTexts()).toEqual(hers);
    // Kept in the address: a reload shows the same.
    const supervisor = new URL(page.url()).searchParams.get('supervisor');
    expect(supervisor).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('filter-supervisor').inputValue()).toBe(supervisor);
    await page.getByTestId('filter-clear').click();
    for (const q of ['ra soat don thu', 'ĐƠN THƯ bắc sơn']) {
      await page.getByTestId('task-search').fill(q);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
      await expect
        .poll(() => page.getByTestId('task-link').allInnerTexts())
        .toEqual(['Rà soát đơn thư khiếu nại kéo dài tại phường Bắc Sơn']);
    }
    // The due range: tasks due in July 2026.
    await page.getByTestId('task-search').fill('');
    await page.getByTestId('filter-from').fill('01/07/2026');
    await page.getByTestId('filter-to').fill('31/07/2026');
    await expect.poll(() => page.getByTestId('task-due').allInnerTexts()).toEqual(['31/07/2026']);
    await page.close();
  });

  it("moves a card on the board through its menu, draws the timeline with today's line, and marks a reminder read", {
    timeout: 90_000,
  }, async () => {
    const al = (
      await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-AL').executeTakeFirstOrThrow()
    ).id;
    const task = await call<Task>('POST', '/tasks', {
      orgId: al,
      title: 'Sơ kết công tác chuyển đổi số trong cơ quan Đảng năm 2026',
      leads: [await unit('Văn phòng Tỉnh ủy')],
      dueDate: '2026-12-28',
      supervisorPersonId: await person('M02'),
      decidingBody: 'BTV',
      product: 'Báo cáo sơ kết',
      sourceKind: 'program_item',
      sourceLabel: 'Chương trình làm việc năm 2026',
    });
    expect(task.state).toBe('assigned');
    const admin = (
      await qb(db).selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    await db.query(
      'insert into notification (id, org_id, user_id, task_id, kind, title, body) values ($1, $2, $3, $4, $5, $6, $7)',
      [
        randomUUID(),
        al,
        admin,
        await taskId('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử'),
        'overdue',
        'Nhiệm vụ quá hạn: Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU',
        'Quá hạn từ 31/07/2026. Đơn vị chủ trì: Ban Tổ chức Tỉnh ủy.',
      ],
    );

    const page = await loggedIn();
    await page.goto(`${base}/tasks/board?asOf=${AS_OF}`);
    await expect
      .poll(() => page.getByTestId('board-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      .toEqual(['draft', 'assigned', 'in_progress', 'reported', 'done']);
    const inProgress = page.locator('[data-testid="board-column"][data-state="in_progress"]');
    await expect.poll(() => inProgress.locator('[data-testid="board-card"][data-overdue="true"]').count()).toBe(2);
    expect(await inProgress.getByTestId('board-overdue-count').innerText()).toBe('2 nhiệm vụ quá hạn');
    const card = page.locator(`[data-testid="board-card"][data-id="${task.id}"]`);
    await expect.poll(() => card.getAttribute('data-state')).toBe('assigned');
    await card.getByTestId('board-move').click();
    await page.getByTestId('board-move-in_progress').click();
    await expect.poll(() => inProgress.locator(`[data-testid="board-card"][data-id="${task.id}"]`).count()).toBe(1);
    // Cancelling asks for the reason.
    await inProgress.locator(`[data-testid="board-card"][data-id="${task.id}"]`).getByTestId('board-move').click();
    await page.getByTestId('board-move-cancelled').click();
    await page.getByTestId('board-note').fill('Gộp vào báo cáo tổng kết năm');
    await page.getByTestId('board-note-submit').click();
    await expect.poll(() => page.locator(`[data-testid="board-card"][data-id="${task.id}"]`).count()).toBe(0);
    expect((await call<Task>('GET', `/tasks/${task.id}`)).state).toBe('cancelled');

    // The timeline of the open tasks: the two overdue bars red, today's line.
    await page.goto(`${base}/tasks/timeline?asOf=${AS_OF}`);
    await expect.poll(() => page.locator('[data-testid="tl-row"][data-overdue="true"]').count()).toBe(2);
    const lateId = await taskId('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử');
    const late = page.locator(`[data-testid="tl-row"][data-id="${lateId}"]`);
    expect(await late.getAttribute('data-end')).toBe('2026-07-31');
    expect(await late.locator('.qc-tl-bar.qc-overdue').count()).toBe(1);
    expect(await late.getByTestId('tl-late').count()).toBe(1);
    expect(await page.getByTestId('tl-today').count()).toBeGreaterThan(0);
    expect(
      await page.getByTestId('tl-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-label'))),
    ).toEqual(expect.arrayContaining(['30-TB/TU', 'Chương trình làm việc năm 2026']));
    // A task due at a conference ends on its date.
    const atMeeting = page.locator(
      `[data-testid="tl-row"][data-id="${await taskId('Xây dựng Chương trình làm việc năm 2027 của Tỉnh ủy')}"]`,
    );
    expect(await atMeeting.getAttribute('data-end')).toMatch(/^2026-12-\d\d$/);
    await page.screenshot({ path: '.test-results/task-timeline.png', fullPage: true });

    // The reminders bell: one unread, marked read.
    const bell = page.getByTestId('notifications-bell');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('1');
    await bell.click();
    await expect.poll(() => page.getByTestId('notification').count()).toBe(1);
    expect(await page.getByTestId('notification').innerText()).toContain('Quá hạn từ 31/07/2026');
    await page.getByTestId('notification-read').click();
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0');
    expect(await page.getByTestId('notification').getAttribute('data-read')).toBe('true');
    await page.close();
  });
});
