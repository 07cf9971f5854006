import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import writeXlsxFile from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import { SHEET_COLUMNS } from './services/task-sheet.service.js';

const drivers = await testDrivers();
const API = '/api/v1';
const TITLES = SHEET_COLUMNS.map((c) => c.title);
const xlsx = async (rows: string[][]) =>
  (
    await writeXlsxFile(
      rows.map((r) => r.map((value) => ({ value, type: String }))),
      {},
    ).toBuffer()
  ).toString('base64');

describe.each(drivers)('tasks as a spreadsheet (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  const count = async () =>
    (
      await qb(t.db)
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const taskAudits = async () =>
    (
      await qb(t.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'task')
        .executeTakeFirstOrThrow()
    ).n;
  const post = (s: Session, payload: object) => t.as(s, { method: 'POST', url: `${API}/tasks/import`, payload });

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  it('exports the tasks of the list as XLSX, one row per task with its 6 rõ', async () => {
    const r = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.xlsx?orgId=${al}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = (await readSheet(r.rawPayload)) as (string | null)[][];
    expect(rows[0]).toEqual(TITLES);
    const list = (await t.as(admin, { method: 'GET', url: `${API}/tasks?orgId=${al}&pageSize=500` })).json() as {
      total: number;
      items: { id: string; title: string; lead: { name: string } | null; status: { due: string | null } }[];
    };
    expect(rows.length - 1).toBe(list.total);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    for (const task of list.items) {
      const row = byId.get(task.id)!;
      expect(row[1]).toBe(task.title);
      expect(row[2] ?? null).toBe(task.lead?.name ?? null);
    }
    const overdue = rows.find((row) => row[1]?.startsWith('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU'));
    expect(overdue?.[4]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('exports CSV with a byte-order mark and the Vietnamese headers', async () => {
    const r = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.csv?orgId=${al}&state=overdue` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.body.charCodeAt(0)).toBe(0xfeff);
    const lines = r.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(TITLES.map((x) => (x.includes(',') ? `"${x}"` : x)).join(','));
    const overdue = (await t.as(admin, { method: 'GET', url: `${API}/tasks?orgId=${al}&state=overdue` })).json() as {
      total: number;
    };
    expect(lines.length - 1).toBe(overdue.total);
  });

  it('reads back its own export unchanged: every lead and supervisor found again, nothing to write', async () => {
    const exported = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.xlsx?orgId=${al}` });
    const before = await count();
    const r = await post(admin, {
      orgId: al,
      fileName: 'nhiem-vu.xlsx',
      contentBase64: exported.rawPayload.toString('base64'),
    });
    expect(r.statusCode, r.body).toBe(200);
    const res = r.json() as { created: number; updated: number; unchanged: number };
    const exportedRows = ((await readSheet(exported.rawPayload)) as unknown[][]).length - 1;
    expect(exportedRows).toBeGreaterThan(20);
    expect(res.created).toBe(0);
    expect(res.updated).toBe(0);
    expect(res.unchanged).toBe(exportedRows);
    expect(await count()).toBe(before);
  });

  it('updates a task whose row was edited, creates new rows as assigned tasks, with an audit entry each', async () => {
    const exported = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.xlsx?orgId=${al}&state=open` });
    const rows = ((await readSheet(exported.rawPayload)) as (string | null)[][]).map((row) => row.map((c) => c ?? ''));
    const target = rows.find((row) => row[1]!.startsWith('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU'))!;
    target[4] = '30/12/2026';
    const fresh = [
      '',
      'Tổng hợp ý kiến cử tri trước kỳ họp cuối năm',
      'Văn phòng Tỉnh ủy',
      'Ban Tổ chức Tỉnh ủy',
      '15/12/2026',
      '',
      'M02',
      'BTV',
      'Báo cáo tổng hợp',
      'Thông báo 33-TB/TU',
      'Khác',
      '',
      '',
      '',
    ];
    const before = await count();
    const audits = await taskAudits();
    const dry = (
      await post(admin, { orgId: al, fileName: 'a.xlsx', contentBase64: await xlsx([...rows, fresh]), dryRun: true })
    ).json() as { created: number; updated: number };
    expect(dry).toMatchObject({ created: 1, updated: 1 });
    expect(await count()).toBe(before);
    const r = await post(admin, { orgId: al, fileName: 'a.xlsx', contentBase64: await xlsx([...rows, fresh]) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await count()).toBe(before + 1);
    const edited = await qb(t.db)
      .selectFrom('task')
      .select('due_date')
      .where('id', '=', target[0]!)
      .executeTakeFirstOrThrow();
    expect(edited.due_date).toBe('2026-12-30');
    const made = await qb(t.db)
      .selectFrom('task')
      .select(['state', 'lead_name', 'deciding_body', 'supporting'])
      .where('title', '=', fresh[1]!)
      .executeTakeFirstOrThrow();
    expect(made).toMatchObject({ state: 'assigned', lead_name: 'Văn phòng Tỉnh ủy', deciding_body: 'BTV' });
    expect((made.supporting as { name: string }[]).map((s) => s.name)).toEqual(['Ban Tổ chức Tỉnh ủy']);
    expect(await taskAudits()).toBe(audits + 2);
  });

  it('refuses a sheet with errors, naming each row and column, and imports none of its rows', async () => {
    const good = [
      '',
      'Chuẩn bị hội nghị sơ kết',
      'Văn phòng Tỉnh ủy',
      '',
      '20/12/2026',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const twoLeads = [
      '',
      'Xây dựng CTr làm việc và CTr KTGS năm 2027',
      'Văn phòng Tỉnh ủy; Ủy ban Kiểm tra Tỉnh ủy',
      '',
      '20/01/2027',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const badDate = ['', 'Báo cáo quý IV', 'Ban Tổ chức Tỉnh ủy', '', '31/02/2027', '', '', '', '', '', '', '', '', ''];
    const unknown = ['', 'Khảo sát', 'Ban Không Có Thật', '', '', '', '', 'Cấp xã', '', '', '', '', '', ''];
    const noTitle = ['', '', 'Văn phòng Tỉnh ủy', '', '', '', '', '', '', '', '', '', '', ''];
    const before = await count();
    const r = await post(admin, {
      orgId: al,
      fileName: 'loi.xlsx',
      contentBase64: await xlsx([TITLES, good, twoLeads, badDate, unknown, noTitle]),
    });
    expect(r.statusCode).toBe(422);
    const p = r.json() as {
      code: string;
      title: string;
      detail: string;
      errors: { row: number; column: string; message: string }[];
    };
    expect(p.code).toBe('BANG_TINH_CO_LOI');
    expect(p.title).toContain('chưa nhập nhiệm vụ nào');
    const at = p.errors.map((e) => `${e.row}${e.column}`);
    expect(at).toEqual(['3C', '4E', '5C', '5H', '6B']);
    expect(p.errors[0]!.message).toMatch(/một đơn vị chủ trì|chủ trì/);
    expect(p.errors[1]!.message).toContain('31/02/2027');
    expect(p.errors[2]!.message).toContain('Ban Không Có Thật');
    expect(p.detail).toContain('Dòng 3, cột C');
    expect(await count()).toBe(before);
  });

  it('refuses a file that is not a spreadsheet and a sheet without the header, clearly', async () => {
    const junk = await post(admin, {
      orgId: al,
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('không phải excel').toString('base64'),
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.contentBase64' });
    expect(junk.body).not.toMatch(/at .*\.js/);
    const noHeader = await post(admin, {
      orgId: al,
      fileName: 'x.xlsx',
      contentBase64: await xlsx([
        ['Việc', 'Ai làm'],
        ['Báo cáo', 'Văn phòng Tỉnh ủy'],
      ]),
    });
    expect(noHeader.statusCode).toBe(422);
    expect((noHeader.json() as { errors: { row: number }[] }).errors.map((e) => e.row)).toEqual([1, 1]);
  });

  it(
    'refuses an import into an organization outside the user’s scope, and rows naming another organization’s ' +
      'tasks',
    async () => {
      const clerk = await t.login('vanthu.x01');
      const sheet = await xlsx([
        TITLES,
        ['', 'Việc lạ', 'Văn phòng Tỉnh ủy', '', '', '', '', '', '', '', '', '', '', ''],
      ]);
      expect((await post(clerk, { orgId: al, fileName: 'x.xlsx', contentBase64: sheet })).statusCode).toBe(403);
      const tanLap = await t.orgId('ORG-X01');
      const foreign = (
        await qb(t.db).selectFrom('task').select('id').where('org_id', '=', al).limit(1).executeTakeFirstOrThrow()
      ).id;
      const before = await count();
      const r = await post(clerk, {
        orgId: tanLap,
        fileName: 'x.xlsx',
        contentBase64: await xlsx([
          TITLES,
          [foreign, 'Việc lạ', 'Văn phòng Tỉnh ủy', '', '', '', '', '', '', '', '', '', '', ''],
        ]),
      });
      expect(r.statusCode).toBe(422);
      const errs = (r.json() as { errors: { row: number; column: string; message: string }[] }).errors;
      // The foreign task's id is refused, and so is a lead outside the commune.
      expect(errs.map((e) => `${e.row}${e.column}`).sort()).toEqual(['2A', '2C']);
      expect(await count()).toBe(before);
    },
  );
});
