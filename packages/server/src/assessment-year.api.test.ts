import { qb, uuidv7 } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import { mailbox } from './test-mailbox.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Step {
  step: string;
  state: string | null;
  pending: number | null;
  total: number;
  daysLeft: number;
}

/**
 * The year's timetable of Tân Lập's 2026 assessment (seeded under way: nothing decided) on 16/12/2026, the day after
 * An Lạc's last day for members (before 15/12) and before the one for organizations (before 25/12).
 */
describe.each(drivers)('the assessment year: timetable, reminders, tasks exceeded (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let clerk: Session;
  let commune: string;
  let box: Awaited<ReturnType<typeof mailbox>>;
  const run = (today: string) => t.as(admin, { method: 'POST', url: `${API}/reminders/run`, payload: { today } });

  beforeAll(async () => {
    box = await mailbox();
    t = await createTestApp(driver, {
      today: '2026-12-16',
      smtpUrl: box.url,
      mailFrom: 'Văn phòng Tỉnh ủy <vptu@tinhuy-anlac.example>',
      remindBeforeWorkingDays: 3,
      baseUrl: 'http://quyche.test',
    });
    [admin, clerk] = await Promise.all([t.login('admin'), t.login('vanthu.x01')]);
    commune = (
      await qb(t.db).selectFrom('assessment').select('unit_id').where('year', '=', 2026).executeTakeFirstOrThrow()
    ).unit_id;
  });
  afterAll(async () => {
    await t?.close();
    await box?.close();
  });

  it('shows the members’ step late, each undecided member’s sheet marked, the organizations’ open', async () => {
    const r = await t.as(clerk, { method: 'GET', url: `${API}/organizations/${commune}/assessments?year=2026` });
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as {
      timetable: { steps: Step[] };
      rows: { subject: string; state: string; late: boolean }[];
    };
    const members = list.rows.filter((x) => x.subject === 'member');
    const [member, organization] = list.timetable.steps;
    expect(member).toMatchObject({ step: 'member', state: 'late', pending: members.length, daysLeft: -2 });
    expect(organization).toMatchObject({ step: 'organization', state: 'open', pending: 5, daysLeft: 8 });
    expect(members.every((x) => x.late)).toBe(true);
    expect(list.rows.filter((x) => x.subject === 'organization').some((x) => x.late)).toBe(false);
  });

  it('counts a task accepted on time as beyond what was asked among the member’s exceeded', async () => {
    const sheet = await qb(t.db)
      .selectFrom('assessment')
      .select(['id', 'person_id'])
      .where('year', '=', 2026)
      .where('subject', '=', 'member')
      .where('state', '=', 'self_assessed')
      .executeTakeFirstOrThrow();
    const task = (title: string, due: string) => ({
      id: uuidv7(),
      org_id: commune,
      title,
      lead_kind: 'person',
      lead_id: sheet.person_id,
      lead_name: 'Đảng viên',
      due_date: due,
      source_kind: 'direct',
      state: 'reported',
      assigned_on: '2026-03-01',
      product: 'Báo cáo',
    });
    const [early, late] = [task('Vận động hội viên mới', '2026-11-30'), task('Tổng hợp ý kiến cử tri', '2026-10-31')];
    await qb(t.db).insertInto('task').values([early, late]).execute();
    const accept = async (id: string, on: string, extra: object) => {
      const v = (await t.as(admin, { method: 'GET', url: `${API}/tasks/${id}` })).json().version as number;
      return t.as(admin, {
        method: 'POST',
        url: `${API}/tasks/${id}/transition`,
        payload: { version: v, to: 'done', on, ...extra },
      });
    };
    // Only when accepting a result.
    const v = (await t.as(admin, { method: 'GET', url: `${API}/tasks/${early.id}` })).json().version as number;
    const wrong = await t.as(admin, {
      method: 'POST',
      url: `${API}/tasks/${early.id}/transition`,
      payload: { version: v, to: 'in_progress', exceeded: 'Vượt chỉ tiêu' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'body.exceeded' });
    const ok = await accept(early.id, '2026-11-28', { exceeded: 'Kết nạp 12 hội viên, vượt chỉ tiêu 10' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().exceeded).toBe('Kết nạp 12 hội viên, vượt chỉ tiêu 10');
    // Exceeded but accepted after its due date: late, not counted as beyond what was asked.
    expect(
      (await accept(late.id, '2026-11-05', { exceeded: 'Tổng hợp thêm ý kiến của doanh nghiệp' })).statusCode,
    ).toBe(200);
    const s = (await t.as(admin, { method: 'GET', url: `${API}/assessments/${sheet.id}` })).json() as {
      evidence: Record<string, { value: number; records: string[]; basis_vi: string }>;
    };
    expect(s.evidence['tasks_exceeded']).toMatchObject({
      value: 1,
      records: [early.id],
      basis_vi: 'Hoàn thành đúng hạn, được ghi vượt mức yêu cầu khi nhận kết quả',
    });
    expect(s.evidence['tasks_on_time']!.records).toContain(early.id);
    expect(s.evidence['tasks_late']!.records).toContain(late.id);
  });

  it('reminds the committee and each member not self-assessed: once, weekly when late, near the day', async () => {
    const open = await qb(t.db)
      .selectFrom('assessment')
      .select('person_id')
      .where('year', '=', 2026)
      .where('subject', '=', 'member')
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();
    await qb(t.db)
      .updateTable('person')
      .set({ email: 'thanhvien.thon@tanlap.example' })
      .where('id', '=', open.person_id!)
      .execute();
    const first = await run('2026-12-16');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ failed: 0 });
    const late = box.received.filter((m) => m.subject?.startsWith('[Quychế] Đánh giá, xếp loại đảng viên năm 2026'));
    expect(late.length, box.received.map((m) => m.subject).join(' | ')).toBeGreaterThan(0);
    expect(late[0]!.subject).toBe(
      '[Quychế] Đánh giá, xếp loại đảng viên năm 2026: đã quá hạn (phải xong trước ngày 15/12/2026)',
    );
    expect(late[0]!.text).toContain('phiếu đánh giá, xếp loại đảng viên năm 2026 chưa được quyết định xếp loại');
    expect(late[0]!.text).toContain('trước ngày 15/12/2026 (khoản 1 Điều 5 Quy định của Ban Thường vụ Tỉnh ủy An Lạc');
    // The clerk's account hears of it in the application, with the year's list as its link.
    const mine = (await t.as(clerk, { method: 'GET', url: `${API}/notifications` })).json() as {
      kind: string;
      title: string;
      link: string | null;
    }[];
    expect(mine.find((n) => n.kind === 'assessment')).toMatchObject({
      title: 'Đánh giá, xếp loại đảng viên năm 2026: đã quá hạn (phải xong trước ngày 15/12/2026)',
      link: `/assessments?org=${commune}&year=2026`,
    });
    // Each member yet to self-assess (here the one with an e-mail on file) is asked by name of the year and the day.
    const asked = box.received.filter((m) => m.rcpt.includes('thanhvien.thon@tanlap.example'));
    expect(asked.map((m) => m.subject)).toEqual([
      '[Quychế] Bản tự đánh giá, xếp loại năm 2026: đã quá hạn (phải xong trước ngày 15/12/2026)',
    ]);
    expect(asked[0]!.text).toContain('Đồng chí chưa làm bản tự kiểm điểm, tự đánh giá, xếp loại năm 2026.');
    // The same day again, and the next: nothing more; a week on, the late reminder again.
    const sent = box.received.length;
    expect((await run('2026-12-16')).json().queued).toBe(0);
    expect((await run('2026-12-17')).json().queued).toBe(0);
    expect(box.received.length).toBe(sent);
    // Three working days before the organizations' last day (24/12): the committee is told they are due soon.
    await run('2026-12-21');
    const soon = box.received.filter((m) => m.subject?.startsWith('[Quychế] Đánh giá, xếp loại tổ chức đảng năm 2026'));
    expect(soon.map((m) => m.subject)).toContain(
      '[Quychế] Đánh giá, xếp loại tổ chức đảng năm 2026: phải xong trước ngày 25/12/2026',
    );
    expect(
      box.received.filter((m) => m.subject?.startsWith('[Quychế] Đánh giá, xếp loại đảng viên năm 2026')).length,
    ).toBe(late.length * 2);
  });
});
