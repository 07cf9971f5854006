import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { addDays, todayInVietnam } from '@quyche/core';
import { qb } from '@quyche/db';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
/** LibreOffice, when installed (CI installs it): the report must open in Writer. */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const API = '/api/v1';
const FROM = '2026-01-01';
const TO = '2026-06-30';
const HELD = ['in_session', 'closed', 'minutes_approved'];

type Indicator = {
  code: string;
  bodyId?: string;
  value: number;
  previous: number | null;
  ruleIds: string[];
  eIds: string[];
  basis_vi: string | null;
  evidence: { kind: string; ids: string[] };
};

describe.each(drivers)('reviews (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let commune: Session;
  let al: string;
  let x01: string;
  let review: {
    from: string;
    to: string;
    asOf: string;
    period: { label_vi: string };
    previousPeriod: { code: string };
    compared: boolean;
    orgSince: string;
    indicators: Indicator[];
  };

  const get = async (s: Session, url: string) => {
    const r = await t.as(s, { method: 'GET', url: `${API}${url}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const one = (code: string, bodyId?: string) => {
    const found = review.indicators.filter((i) => i.code === code && (!bodyId || i.bodyId === bodyId));
    expect(found, code).toHaveLength(1);
    return found[0]!;
  };

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    commune = await t.login('vanthu.x01');
    al = await t.orgId('ORG-AL');
    x01 = await t.orgId('ORG-X01');
    review = await get(admin, `/organizations/${al}/review?from=${FROM}&to=${TO}`);
  });
  afterAll(async () => t?.close());
  /** The An Lạc meeting of a body (BCH, BTV) on a date. */
  const meetingAt = async (kind: string, date: string) =>
    (
      await qb(t.db)
        .selectFrom('meeting as m')
        .innerJoin('body as b', 'b.id', 'm.body_id')
        .innerJoin('organization as o', 'o.id', 'm.org_id')
        .select('m.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', kind)
        .where('m.meeting_date', '=', date)
        .executeTakeFirstOrThrow()
    ).id;

  it(
    'answers the contract: the period, its label, the previous period, ' +
      'every indicator with its value, previous value, rules and evidence',
    () => {
      expect(review).toMatchObject({
        from: FROM,
        to: TO,
        asOf: TO,
        period: { label_vi: '6 tháng đầu năm 2026' },
        previousPeriod: { code: '2025-H1' },
      });
      // An Lạc was formed on 01/07/2025: its first half of 2025 did not exist, nothing is compared with it.
      expect(review).toMatchObject({ orgSince: '2025-07-01', compared: false });
      expect(review.indicators.every((i) => i.previous === null)).toBe(true);
      for (const code of [
        'meetings_held',
        'meetings_required',
        'deviations',
        'tasks_assigned',
        'tasks_done_on_time',
        'tasks_done_late',
        'tasks_overdue',
        'recommendations_answered_on_time',
      ]) {
        expect(
          review.indicators.some((i) => i.code === code),
          code,
        ).toBe(true);
      }
      for (const i of review.indicators) {
        expect(typeof i.value).toBe('number');
        expect(i.evidence.ids.length).toBeLessThanOrEqual(500);
        if (i.code !== 'meetings_required' && i.value <= 500) expect(i.evidence.ids, i.code).toHaveLength(i.value);
      }
      // The regime figures are per body and cite the clause that sets the regime.
      const btv = review.indicators.find((i) => i.code === 'meetings_required' && i.basis_vi?.includes('Điều 13'));
      expect(btv, JSON.stringify(review.indicators.filter((i) => i.code === 'meetings_required'))).toBeDefined();
      expect(btv!.ruleIds).toContain('hop-btv');
      expect(btv!.value).toBe(12);
    },
  );

  it('counts meetings held per body as the meeting list does, those required as the body calendar does', async () => {
    const meetings = (await get(admin, `/meetings?orgId=${al}&from=${FROM}&to=${TO}`)) as
      | { items?: unknown[] }
      | { bodyId: string; kind: string; state: string; meetingDate: string; id: string }[];
    const list = Array.isArray(meetings)
      ? meetings
      : (meetings.items as { bodyId: string; kind: string; state: string; meetingDate: string; id: string }[]);
    const held = review.indicators.filter((i) => i.code === 'meetings_held');
    expect(held.length).toBe(3);
    for (const h of held) {
      const mine = list.filter((m) => m.bodyId === h.bodyId && m.kind === 'regular' && HELD.includes(m.state));
      expect(h.value, h.bodyId).toBe(mine.length);
      expect(new Set(h.evidence.ids)).toEqual(new Set(mine.map((m) => m.id)));
      const cal = await get(admin, `/bodies/${h.bodyId}/calendar?year=2026&asOf=${TO}`);
      const required = (cal.regime.periods as { from: string; to: string; expected: number }[])
        .filter((p) => p.from >= FROM && p.to <= TO)
        .reduce((n, p) => n + p.expected, 0);
      expect(one('meetings_required', h.bodyId).value).toBe(required);
    }
    const other = list.filter((m) => m.kind !== 'regular' && HELD.includes(m.state));
    expect(one('meetings_other').value).toBe(other.length);
  });

  it('counts the departures the deviation report lists for the same half-year, each citing its clause', async () => {
    const report = await get(admin, `/organizations/${al}/meeting-deviations?year=2026&asOf=${TO}`);
    const inside = (report.deviations as { code: string; date: string; eIds: string[] }[]).filter(
      (d) => d.date >= FROM && d.date <= TO,
    );
    expect(one('deviations').value).toBe(inside.length);
    expect(inside.length).toBeGreaterThan(0);
    for (const d of inside) expect(d.eIds.length, d.code).toBeGreaterThan(0);
    expect(one('documents_late').value).toBe(inside.filter((d) => d.code === 'TAI_LIEU_GUI_CHAM').length);
    expect(one('conclusions_late').value).toBe(
      inside.filter((d) => d.code === 'THONG_BAO_KET_LUAN_CHAM' || d.code === 'CHUA_CO_THONG_BAO_KET_LUAN').length,
    );
    expect(one('agenda_outside_competence').value).toBe(inside.filter((d) => d.code === 'SAI_THAM_QUYEN').length);
  });

  it(
    'counts tasks as the task list and each task page do: overdue at 30/06 (those done later included), ' +
      'assigned, done on time and late',
    async () => {
      const overdue = await get(admin, `/tasks?orgId=${al}&state=overdue&asOf=${TO}&pageSize=500`);
      expect(one('tasks_overdue').value).toBe(overdue.total);
      expect(new Set(one('tasks_overdue').evidence.ids)).toEqual(
        new Set(overdue.items.map((x: { id: string }) => x.id)),
      );
      // Task 17 (due 31/05, still open) was overdue then; so is none that was done by 30/06.
      const all = (await get(admin, `/tasks?orgId=${al}&pageSize=500`)).items as {
        id: string;
        state: string;
        assignedOn: string | null;
      }[];
      expect(one('tasks_assigned').value).toBe(
        all.filter((x) => x.state !== 'draft' && x.assignedOn && x.assignedOn >= FROM && x.assignedOn <= TO).length,
      );
      let onTime = 0;
      let late = 0;
      for (const x of all.filter((x) => x.state === 'done')) {
        const d = await get(admin, `/tasks/${x.id}`);
        const due = d.extendedTo ?? d.dueDate;
        if (d.doneOn < FROM || d.doneOn > TO) continue;
        if (!due || d.doneOn <= due) onTime++;
        else late++;
      }
      expect(one('tasks_done_on_time').value).toBe(onTime);
      expect(one('tasks_done_late').value).toBe(late);
      expect(onTime).toBeGreaterThan(5);
    },
  );

  it('counts recommendations answered within the deadline as the recommendation list does', async () => {
    const recs = (await get(admin, `/recommendations?orgId=${al}`)) as
      | { items?: unknown[] }
      | { answeredOn: string | null; dueOn: string | null }[];
    const list = (Array.isArray(recs) ? recs : recs.items) as { answeredOn: string | null; dueOn: string | null }[];
    const expected = list.filter(
      (r) => r.answeredOn && r.answeredOn >= FROM && r.answeredOn <= TO && (!r.dueOn || r.answeredOn <= r.dueOn),
    ).length;
    expect(one('recommendations_answered_on_time').value).toBe(expected);
  });

  it(
    'counts conclusions, program items, inspections, recommendations, consultations and shortcomings as ' +
      'their own lists and pages do',
    async () => {
      // Conclusions issued in the half (of meetings held in it or just before), and their action items followed by a
      // task.
      const meetings = (await get(admin, `/meetings?orgId=${al}&from=2025-10-01&to=${TO}`)) as
        | { id: string }[]
        | { items: { id: string }[] };
      const mlist = Array.isArray(meetings) ? meetings : meetings.items;
      const issued: string[] = [];
      const actions: string[] = [];
      const followed: string[] = [];
      type AgendaItem = { id: string; reportsBack: boolean; competence: { ok: boolean; reason_vi: string } | null };
      const details = new Map<
        string,
        { id: string; bodyKind: string; kind: string; state: string; meetingDate: string; agenda: AgendaItem[] }
      >();
      for (const m of mlist) {
        const detail = await get(admin, `/meetings/${m.id}`);
        details.set(m.id, {
          ...(m as unknown as { bodyKind: string; kind: string; state: string; meetingDate: string }),
          id: m.id,
          agenda: detail.agenda,
        });
        const c = detail.conclusion as {
          id: string;
          issuedOn: string;
          items: { id: string; kind: string; taskId?: string | null; task?: { id: string } | null }[];
        } | null;
        if (!c || c.issuedOn < FROM || c.issuedOn > TO) continue;
        issued.push(c.id);
        for (const i of c.items.filter((x) => x.kind === 'action')) {
          actions.push(i.id);
          if (i.taskId ?? i.task?.id) followed.push(i.id);
        }
      }
      expect(new Set(one('conclusions_issued').evidence.ids)).toEqual(new Set(issued));
      expect(one('conclusion_actions').value).toBe(actions.length);
      expect(one('conclusion_actions_followed').value).toBe(followed.length);
      expect(issued.length).toBeGreaterThan(3);
      expect(followed.length).toBeGreaterThan(0);

      // Conferences (the quota of Kết luận 226-KL/TW counts them): BCH meetings and thematic, expanded, briefing ones
      // held.
      const held = (Array.isArray(meetings) ? meetings : meetings.items) as unknown as {
        id: string;
        bodyKind: string;
        kind: string;
        state: string;
        format: string;
        meetingDate: string;
      }[];
      const conferences = held.filter(
        (x) =>
          x.meetingDate >= FROM &&
          x.meetingDate <= TO &&
          HELD.includes(x.state) &&
          x.kind !== 'written_consultation' &&
          (x.bodyKind === 'BCH' || ['thematic', 'expanded', 'briefing'].includes(x.kind)),
      );
      expect(new Set(one('conferences_held').evidence.ids)).toEqual(new Set(conferences.map((x) => x.id)));
      expect(new Set(one('conferences_in_person').evidence.ids)).toEqual(
        new Set(conferences.filter((x) => x.format === 'in_person').map((x) => x.id)),
      );
      expect(conferences.length).toBeGreaterThan(0);
      expect(one('conferences_held').ruleIds).toContain('han-muc-hoi-nghi');
      // Tasks assigned in the half whose deciding body lacks competence, as each task page says.
      const assignedInHalf = (
        (await get(admin, `/tasks?orgId=${al}&pageSize=500`)).items as {
          id: string;
          assignedOn: string | null;
          state: string;
        }[]
      ).filter((x) => x.state !== 'draft' && x.assignedOn && x.assignedOn >= FROM && x.assignedOn <= TO);
      const outside: string[] = [];
      for (const x of assignedInHalf)
        if ((await get(admin, `/tasks/${x.id}`)).competence?.ok === false) outside.push(x.id);
      expect(new Set(one('tasks_outside_competence').evidence.ids)).toEqual(new Set(outside));

      // Decisions the TT took that it must report to the BTV's next session (khoản 2 Điều 3), and whether it did.
      const sessions = [...details.values()]
        .filter((x) => HELD.includes(x.state) && x.meetingDate >= FROM && x.meetingDate <= TO)
        .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
      const owed = sessions
        .filter((x) => x.bodyKind === 'TT')
        .flatMap((x) =>
          x.agenda
            .filter(
              (a) =>
                a.competence?.ok &&
                a.competence.reason_vi.includes('báo cáo Ban Thường vụ Tỉnh ủy tại phiên họp gần nhất'),
            )
            .map((a) => ({ id: a.id, date: x.meetingDate })),
        );
      const next = (date: string) =>
        sessions.find(
          (x) => x.bodyKind === 'BTV' && ['regular', 'extraordinary'].includes(x.kind) && x.meetingDate > date,
        );
      expect(new Set(one('delegated_decisions').evidence.ids)).toEqual(new Set(owed.map((x) => x.id)));
      expect(new Set(one('delegated_reported_back').evidence.ids)).toEqual(
        new Set(owed.filter((x) => next(x.date)?.agenda.some((a) => a.reportsBack)).map((x) => x.id)),
      );
      expect(new Set(one('delegated_not_reported_back').evidence.ids)).toEqual(
        new Set(owed.filter((x) => next(x.date) && !next(x.date)!.agenda.some((a) => a.reportsBack)).map((x) => x.id)),
      );
      // The demo's BTV session of 21/04 heard no report back.
      expect(one('delegated_not_reported_back').value).toBeGreaterThan(0);
      expect(one('delegated_reported_back').value).toBeGreaterThan(one('delegated_not_reported_back').value);
      expect(one('delegated_decisions').basis_vi).toMatch(/khoản 2 Điều 3/);

      // Program items due in the half, of the programs adopted by its end; done when every task under it was done by
      // 30/06.
      const programs = (await get(admin, `/programs?orgId=${al}&year=2026`)) as {
        id: string;
        state: string;
        adoptedOn: string | null;
      }[];
      const planned: string[] = [];
      const done: string[] = [];
      for (const p of programs.filter((x) => x.state === 'adopted' && x.adoptedOn && x.adoptedOn <= TO)) {
        for (const i of (
          (await get(admin, `/programs/${p.id}`)).itemsDetail as {
            id: string;
            dueDate: string;
            tasks: { id: string; state: string }[];
          }[]
        ).filter((x) => x.dueDate >= FROM && x.dueDate <= TO)) {
          planned.push(i.id);
          const live = i.tasks.filter((x) => !['cancelled', 'transferred'].includes(x.state));
          let all = i.tasks.length > 0;
          for (const x of live) {
            const d = await get(admin, `/tasks/${x.id}`);
            if (!d.doneOn || d.doneOn > TO) all = false;
          }
          if (all) done.push(i.id);
        }
      }
      expect(planned.length).toBeGreaterThan(done.length);
      expect(new Set(one('program_items_planned').evidence.ids)).toEqual(new Set(planned));
      expect(new Set(one('program_items_done').evidence.ids)).toEqual(new Set(done));

      const inspections = (await get(admin, `/inspections?orgId=${al}`)) as {
        id: string;
        concludedOn: string | null;
        verifiedOn: string | null;
      }[];
      const within = (d: string | null) => !!d && d >= FROM && d <= TO;
      expect(new Set(one('inspections_concluded').evidence.ids)).toEqual(
        new Set(inspections.filter((i) => within(i.concludedOn)).map((i) => i.id)),
      );
      expect(new Set(one('inspections_remedies_verified').evidence.ids)).toEqual(
        new Set(inspections.filter((i) => within(i.verifiedOn)).map((i) => i.id)),
      );

      const recs = (await get(admin, `/recommendations?orgId=${al}`)) as {
        id: string;
        state: string;
        receivedOn: string;
        answeredOn: string | null;
        dueOn: string | null;
      }[];
      expect(new Set(one('recommendations_received').evidence.ids)).toEqual(
        new Set(recs.filter((r) => within(r.receivedOn)).map((r) => r.id)),
      );
      expect(new Set(one('recommendations_answered_late').evidence.ids)).toEqual(
        new Set(recs.filter((r) => within(r.answeredOn) && r.dueOn && r.answeredOn! > r.dueOn).map((r) => r.id)),
      );
      expect(new Set(one('recommendations_overdue').evidence.ids)).toEqual(
        new Set(
          recs
            .filter(
              (r) =>
                r.receivedOn <= TO &&
                r.state !== 'withdrawn' &&
                r.dueOn &&
                r.dueOn < TO &&
                (!r.answeredOn || r.answeredOn > TO),
            )
            .map((r) => r.id),
        ),
      );

      // Consultations whose deadline fell in the half: each recipient, answered by the deadline.
      const consultations = (await get(admin, `/consultations?orgId=${al}`)) as {
        id: string;
        state: string;
        sentOn: string;
        deadline: string;
      }[];
      const recipients: string[] = [];
      const answered: string[] = [];
      for (const c of consultations.filter((x) => x.state !== 'cancelled' && x.sentOn <= TO && within(x.deadline))) {
        for (const r of (await get(admin, `/consultations/${c.id}`)).recipients as {
          id: string;
          answeredOn: string | null;
        }[]) {
          recipients.push(r.id);
          if (r.answeredOn && r.answeredOn <= c.deadline && r.answeredOn <= TO) answered.push(r.id);
        }
      }
      expect(one('consultation_recipients').value).toBe(recipients.length);
      expect(one('consultation_answered').value).toBe(answered.length);

      // Shortcomings in the register: those named before the half and open at its start are carried over.
      const register = (await get(admin, `/shortcomings?orgId=${al}`)) as {
        id: string;
        identifiedOn: string;
        fixedOn: string | null;
      }[];
      expect(one('shortcomings_carried_over').value).toBe(
        register.filter((x) => x.identifiedOn < FROM && (!x.fixedOn || x.fixedOn >= FROM)).length,
      );
      expect(one('shortcomings_open').value).toBe(
        register.filter((x) => x.identifiedOn <= TO && (!x.fixedOn || x.fixedOn > TO)).length,
      );
    },
  );

  it('puts beside each figure the same figure of the period a year earlier', async () => {
    const now = await get(admin, `/organizations/${al}/review?period=2026-H2`);
    const before = await get(admin, `/organizations/${al}/review?period=2025-H2`);
    expect(now).toMatchObject({ previousPeriod: { code: '2025-H2' }, compared: true });
    expect(now.asOf).toBe(todayInVietnam());
    const byKey = (r: { indicators: Indicator[] }) =>
      new Map(r.indicators.map((i) => [`${i.code}|${i.bodyId ?? ''}`, i.value]));
    const earlier = byKey(before);
    let compared = 0;
    for (const i of now.indicators as Indicator[]) {
      if (i.bodyId && !earlier.has(`${i.code}|${i.bodyId}`)) expect(i.previous, i.code).toBeNull();
      else {
        expect(i.previous, i.code).toBe(earlier.get(`${i.code}|${i.bodyId ?? ''}`));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('opens the records behind a figure', async () => {
    const ev = await get(admin, `/organizations/${al}/review/evidence?from=${FROM}&to=${TO}&code=deviations`);
    expect(ev.value).toBe(one('deviations').value);
    expect(ev.records).toHaveLength(ev.value);
    for (const r of ev.records) expect(r.detail_vi).toMatch(/Điều \d+/);
    const tasks = await get(
      admin,
      `/organizations/${al}/review/evidence?from=${FROM}&to=${TO}&code=tasks_done_on_time`,
    );
    expect(new Set(tasks.records.map((r: { href: string }) => r.href))).toEqual(
      new Set(one('tasks_done_on_time').evidence.ids.map((id) => `/tasks/${id}`)),
    );
    for (const r of tasks.records) expect(r.detail_vi).toMatch(/hoàn thành \d\d\/\d\d\/2026/);
    expect(tasks.records.length).toBeGreaterThan(0);
  });

  it(
    'drafts the six-month report from the figures; a figure changed without an explanation is refused naming ' +
      'it, with one it is kept beside the figure',
    async () => {
      const created = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports`,
        payload: { orgId: al, period: '2026-H1' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const rep = created.json();
      expect(rep).toMatchObject({
        title: 'Báo cáo sơ kết 6 tháng đầu năm 2026',
        state: 'draft',
        kindLabel_vi: 'Báo cáo sơ kết, tổng kết',
      });
      expect([...new Set(rep.paragraphs.map((p: { section: string }) => p.section))]).toEqual(['I', 'II', 'III', 'IV']);
      const onTime = one('tasks_done_on_time').value;
      const tasksPara = rep.paragraphs.find((p: { text: string }) => p.text.includes('{{tasks_done_on_time}}'));
      expect(tasksPara.rendered).toContain(`hoàn thành đúng hạn ${onTime} nhiệm vụ`);
      // Every figure of the report is the one on the review page, with the same records.
      for (const f of rep.figures as {
        code: string;
        value: number;
        bodyId: string | null;
        evidence: { ids: string[] };
      }[]) {
        const i = one(f.code, f.bodyId ?? undefined);
        expect(f.value, f.code).toBe(i.value);
        expect(f.evidence.ids, f.code).toEqual(i.evidence.ids);
      }
      // Each departure is a line of part II with its clause.
      const lines = rep.paragraphs.filter(
        (p: { section: string; text: string }) => p.section === 'II' && p.text.startsWith('- '),
      );
      expect(lines).toHaveLength(one('deviations').value);
      for (const l of lines) expect(l.text).toMatch(/\(.*Điều \d+\)+$/);
      const bad = await t.as(admin, {
        method: 'PATCH',
        url: `${API}/review-reports/${rep.id}`,
        payload: {
          version: rep.version,
          overrides: [{ key: 'tasks_done_on_time', stated: onTime + 1, explanation: '' }],
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        field: 'body.overrides[0].explanation',
        detail:
          `Số liệu "Hoàn thành đúng hạn" tính từ hồ sơ là ${onTime}, báo cáo ghi ${onTime + 1}: ` +
          'cần ghi rõ lý do (giải trình) cho số liệu đã sửa',
      });
      const good = await t.as(admin, {
        method: 'PATCH',
        url: `${API}/review-reports/${rep.id}`,
        payload: {
          version: rep.version,
          overrides: [
            {
              key: 'tasks_done_on_time',
              stated: onTime + 1,
              explanation: 'Một nhiệm vụ hoàn thành ngày 30/6, nhận kết quả ngày 1/7',
            },
          ],
        },
      });
      expect(good.statusCode, good.body).toBe(200);
      const after = good.json();
      expect(
        after.paragraphs.find((p: { text: string }) => p.text.includes('{{tasks_done_on_time}}')).rendered,
      ).toContain(`hoàn thành đúng hạn ${onTime + 1} nhiệm vụ`);
      expect(after.figures.find((f: { key: string }) => f.key === 'tasks_done_on_time')).toMatchObject({
        value: onTime,
        stated: onTime + 1,
        explanation: 'Một nhiệm vụ hoàn thành ngày 30/6, nhận kết quả ngày 1/7',
      });
      // The DOCX in the Party format: its header elements, and every sentence as the page renders it.
      const docx = await t.as(admin, { method: 'GET', url: `${API}/review-reports/${rep.id}/report.docx` });
      expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']);
      const text = xml.replace(/<[^>]+>/g, '');
      for (const e of [
        'TỈNH ỦY AN LẠC',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        '-BC/TU',
        'An Lạc, ngày',
        'DỰ THẢO',
        'BÁO CÁO',
        'sơ kết 6 tháng đầu năm 2026',
        'I. KẾT QUẢ THỰC HIỆN',
        'II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN',
        'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
        'IV. KIẾN NGHỊ, ĐỀ XUẤT',
        'Nơi nhận:',
      ])
        expect(text, e).toContain(e);
      for (const p of after.paragraphs as { rendered: string }[])
        expect(text).toContain(
          p.rendered.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
        );
      expect(text).toContain(`hoàn thành đúng hạn ${onTime + 1} nhiệm vụ`);
      if (SOFFICE) {
        // LibreOffice Writer opens it, and reads back the same figures.
        const dir = mkdtempSync(join(tmpdir(), 'qc-bc-'));
        writeFileSync(join(dir, 'bao-cao.docx'), docx.rawPayload);
        const r = spawnSync(
          SOFFICE,
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'txt:Text',
            '--outdir',
            dir,
            join(dir, 'bao-cao.docx'),
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(r.status, r.stderr).toBe(0);
        const txt = readFileSync(join(dir, 'bao-cao.txt'), 'utf8');
        expect(txt).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
        expect(txt).toContain(`hoàn thành đúng hạn ${onTime + 1} nhiệm vụ`);
        rmSync(dir, { recursive: true, force: true });
      }
      const audit = await qb(t.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'review_report')
        .where('entity_id', '=', rep.id)
        .executeTakeFirstOrThrow();
      expect(audit.n).toBe(2);
      // A commune clerk drafts its own report, not the province's.
      expect(
        (
          await t.as(commune, {
            method: 'POST',
            url: `${API}/review-reports`,
            payload: { orgId: al, period: '2026-H1' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await t.as(commune, {
            method: 'POST',
            url: `${API}/review-reports`,
            payload: { orgId: x01, period: '2026-H1' },
          })
        ).statusCode,
      ).toBe(201);
    },
  );

  it('gives the report as a PDF made by LibreOffice, and says clearly when the server has no LibreOffice', async () => {
    const list = (await get(admin, `/review-reports?orgId=${al}`)) as { id: string; title: string }[];
    const h1 = list.find((r) => r.title === 'Báo cáo sơ kết 6 tháng đầu năm 2026')!;
    expect(SOFFICE, 'LibreOffice is installed here (CI installs it)').toBeDefined();
    const pdf = await t.as(admin, { method: 'GET', url: `${API}/review-reports/${h1.id}/report.pdf` });
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain('filename="Bao-cao-so-ket-6-thang-dau-nam-2026.pdf"');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const saved = process.env.QUYCHE_SOFFICE;
    process.env.QUYCHE_SOFFICE = '/khong/co/soffice';
    try {
      const none = await t.as(admin, { method: 'GET', url: `${API}/review-reports/${h1.id}/report.pdf` });
      expect(none.statusCode).toBe(503);
      expect(none.json()).toMatchObject({
        code: 'PDF_UNAVAILABLE',
        title: 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF: hãy tải tệp DOCX',
      });
    } finally {
      if (saved === undefined) delete process.env.QUYCHE_SOFFICE;
      else process.env.QUYCHE_SOFFICE = saved;
    }
    expect((await t.as(commune, { method: 'GET', url: `${API}/review-reports/${h1.id}/report.pdf` })).statusCode).toBe(
      403,
    );
  });

  it(
    'has the demo’s adopted six-month review with three shortcomings, carried into the annual review until ' +
      'closed with evidence, which leaves the next review',
    async () => {
      const list = (await get(admin, `/review-reports?orgId=${al}`)) as { id: string; title: string; state: string }[];
      const h1 = list.find((r) => r.title === 'Báo cáo sơ kết 6 tháng đầu năm 2026' && r.state === 'adopted')!;
      expect(h1).toBeDefined();
      const adopted = await get(admin, `/review-reports/${h1.id}`);
      expect(adopted.adoptedOn).toBe('2026-07-07');
      // Adopted, it is issued with its number: the DOCX carries it and the day of adoption, and no longer says draft.
      expect(adopted.symbol).toMatch(/^\d{2,}-BC\/TU$/);
      const docx = await t.as(admin, { method: 'GET', url: `${API}/review-reports/${h1.id}/report.docx` });
      const docText = new TextDecoder()
        .decode(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'])
        .replace(/<[^>]+>/g, '');
      expect(docText).toContain(`Số ${adopted.symbol}`);
      expect(docText).toContain('An Lạc, ngày 07 tháng 07 năm 2026');
      expect(docText).not.toContain('DỰ THẢO');
      const register = (await get(admin, `/shortcomings?orgId=${al}`)) as {
        id: string;
        text: string;
        state: string;
        version: number;
        source_vi: string;
        reviewReportId: string;
      }[];
      expect(register).toHaveLength(3);
      expect(
        register.every((x) => x.reviewReportId === h1.id && x.source_vi === 'Báo cáo sơ kết 6 tháng đầu năm 2026'),
      ).toBe(true);
      expect(register.filter((x) => x.state === 'fixed')).toHaveLength(1);
      const year = await get(admin, `/organizations/${al}/review?period=2026`);
      const v = (code: string) => (year.indicators as Indicator[]).find((i) => i.code === code)!;
      expect([
        v('shortcomings_carried_over').value,
        v('shortcomings_fixed').value,
        v('shortcomings_open').value,
      ]).toEqual([3, 1, 2]);
      // The annual report lists what was fixed and what carries on, each with its lead and date.
      const annual = (
        await t.as(admin, { method: 'POST', url: `${API}/review-reports`, payload: { orgId: al, period: '2026' } })
      ).json();
      const text = (annual.paragraphs as { rendered: string }[]).map((p) => p.rendered).join('\n');
      expect(text).toContain('Đã khắc phục 1 hạn chế, khuyết điểm nêu ở lần sơ kết, kiểm tra trước:');
      expect(text).toMatch(
        new RegExp(
          '- Một số phiên họp Ban Thường vụ gửi tài liệu chậm so với quy chế \\(khoản 2 Điều 13\\) ' +
            '\\(Văn phòng Tỉnh ủy chủ trì; khắc phục ngày 16/11/2026\\)\\.',
        ),
      );
      expect(text).toContain('Còn 2 hạn chế, khuyết điểm chưa khắc phục xong, chuyển sang kỳ sau:');
      // Closing one needs its evidence, named by field; closed, it leaves the next review.
      const open = register.find((x) => x.state === 'open' && x.text.startsWith('Thông báo kết luận'))!;
      const noEvidence = await t.as(admin, {
        method: 'POST',
        url: `${API}/shortcomings/${open.id}/fix`,
        payload: { version: open.version, fixedOn: '2026-11-20' },
      });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().field).toBe('body.evidence');
      const fixed = await t.as(admin, {
        method: 'POST',
        url: `${API}/shortcomings/${open.id}/fix`,
        payload: {
          version: open.version,
          fixedOn: '2026-11-20',
          evidence: 'Từ tháng 9, 100% thông báo kết luận ban hành trong 5 ngày làm việc (sổ văn bản)',
        },
      });
      expect(fixed.statusCode, fixed.body).toBe(200);
      const again = await t.as(admin, {
        method: 'POST',
        url: `${API}/shortcomings/${open.id}/fix`,
        payload: { version: fixed.json().version, fixedOn: '2026-11-21', evidence: 'Lần nữa' },
      });
      expect(again.json()).toMatchObject({ code: 'DA_KHAC_PHUC', detail: 'Hạn chế đã được khắc phục ngày 20/11/2026' });
      const next = await get(admin, `/organizations/${al}/review?from=2026-12-01&to=2026-12-06`);
      const ids = (code: string) => (next.indicators as Indicator[]).find((i) => i.code === code)!.evidence.ids;
      expect(ids('shortcomings_carried_over')).not.toContain(open.id);
      expect(ids('shortcomings_carried_over')).toHaveLength(1);
      expect(ids('shortcomings_fixed')).toEqual([]);
    },
  );

  it(
    'adopts a nine-month review at the BTV, as the regulation says, and refuses it at the BCH conference ' +
      'citing the clause',
    async () => {
      const rep = (
        await t.as(admin, { method: 'POST', url: `${API}/review-reports`, payload: { orgId: al, period: '2026-M9' } })
      ).json();
      const meeting = meetingAt;
      const atBch = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports/${rep.id}/adopt`,
        payload: { version: rep.version, meetingId: await meeting('BCH', '2026-10-09') },
      });
      expect(atBch.statusCode).toBe(422);
      expect(atBch.json()).toMatchObject({ code: 'SAI_THAM_QUYEN', field: 'body.meetingId' });
      expect(atBch.json().detail).toMatch(/thẩm quyền của Ban Thường vụ Tỉnh ủy.*khoản 4 Điều 19/);
      const ok = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports/${rep.id}/adopt`,
        payload: { version: rep.version, meetingId: await meeting('BTV', '2026-10-20') },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ state: 'adopted', adoptedOn: '2026-10-20' });
      expect(ok.json().symbol).toMatch(/^\d{2,}-BC\/TU$/);
      const edit = await t.as(admin, {
        method: 'PATCH',
        url: `${API}/review-reports/${rep.id}`,
        payload: { version: ok.json().version, title: 'Sửa sau khi thông qua' },
      });
      expect(edit.json()).toMatchObject({ code: 'BAO_CAO_DA_THONG_QUA' });
    },
  );

  it('circulates a draft report for comments to the communes, paragraph by paragraph, with a deadline', async () => {
    // A deadline ahead of the day the test runs (a past one is refused).
    const deadline = addDays(todayInVietnam(), 14);
    const rep = (
      await t.as(admin, { method: 'POST', url: `${API}/review-reports`, payload: { orgId: al, period: '2026-Q3' } })
    ).json();
    const communes = ['ORG-X03', 'ORG-X04', 'ORG-X05'];
    const recipients = await Promise.all(communes.map(async (c) => ({ kind: 'org', id: await t.orgId(c) })));
    const none = await t.as(admin, {
      method: 'POST',
      url: `${API}/review-reports/${rep.id}/circulate`,
      payload: { version: rep.version, deadline, recipients: [] },
    });
    expect(none.statusCode).toBe(400);
    const sent = await t.as(admin, {
      method: 'POST',
      url: `${API}/review-reports/${rep.id}/circulate`,
      payload: { version: rep.version, deadline, recipients },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'circulated' });
    const c = await get(admin, `/consultations/${sent.json().consultationId}`);
    expect(c.title).toBe('Lấy ý kiến dự thảo báo cáo sơ kết quý III năm 2026');
    expect(c.recipients).toHaveLength(3);
    const doc = await qb(t.db)
      .selectFrom('consultation')
      .select(['document_text', 'matter'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(doc.matter).toBe('SO_KET_CONG_TAC');
    for (const p of sent.json().paragraphs as { rendered: string }[]) expect(doc.document_text).toContain(p.rendered);
    expect(doc.document_text!.split('\n')[0]).toBe('I. KẾT QUẢ THỰC HIỆN');
    const again = await t.as(admin, {
      method: 'POST',
      url: `${API}/review-reports/${rep.id}/circulate`,
      payload: { version: sent.json().version, deadline, recipients },
    });
    expect(again.json()).toMatchObject({ code: 'BAO_CAO_KHONG_CON_DU_THAO', detail: 'Dự thảo đã được gửi xin ý kiến' });
  });

  it(
    'drafts the report on building and implementing the working regulation from the start of the term to ' +
      'today; a meeting before that day cannot adopt it',
    async () => {
      const r = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports`,
        payload: { orgId: al, kind: 'regulation' },
      });
      expect(r.statusCode, r.body).toBe(201);
      const rep = r.json();
      expect(rep).toMatchObject({
        kind: 'regulation',
        kindLabel_vi: 'Báo cáo kết quả xây dựng và tổ chức thực hiện Quy chế làm việc',
        period: { from: '2025-07-01', to: todayInVietnam() },
      });
      expect(rep.title).toBe(
        'Báo cáo kết quả xây dựng và tổ chức thực hiện Quy chế làm việc từ đầu nhiệm kỳ đến ngày ' +
          todayInVietnam().split('-').reverse().join('/'),
      );
      const btv = await meetingAt('BTV', '2026-12-01');
      const atBtv = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports/${rep.id}/adopt`,
        payload: { version: rep.version, meetingId: btv },
      });
      expect(atBtv.statusCode).toBe(422);
      expect(atBtv.json()).toMatchObject({ code: 'HOI_NGHI_TRUOC_KY', field: 'body.meetingId' });
    },
  );

  it(
    'refuses a quarter 5, a mid-term review before the midpoint, dates out of order and an unknown figure, ' +
      'naming the field',
    async () => {
      const bad = async (url: string) => {
        const r = await t.as(admin, { method: 'GET', url: `${API}/organizations/${al}${url}` });
        expect(r.statusCode, r.body).toBe(400);
        return r.json();
      };
      expect(await bad('/review?period=2026-Q5')).toMatchObject({
        field: 'query.period',
        detail: 'Quý 5 không có: một năm có 4 quý (từ quý 1 đến quý 4)',
      });
      expect((await bad('/review?period=nhiem-ky-giua')).detail).toMatch(
        /^Nhiệm kỳ khóa XVIII \(01\/07\/2025 – 11\/10\/2030\) chưa tới giữa nhiệm kỳ/,
      );
      expect(await bad('/review?from=2026-06-30&to=2026-01-01')).toMatchObject({ field: 'query.to' });
      expect(await bad('/review?from=2026-13-01&to=2026-12-31')).toMatchObject({ field: 'query.from' });
      expect(await bad('/review')).toMatchObject({ field: 'query.from' });
      expect(await bad(`/review/evidence?period=2026-H1&code=khong_co`)).toMatchObject({ field: 'query.code' });
    },
  );

  it('shows a commune clerk its own review, not another commune’s nor the province’s table', async () => {
    const own = await t.as(commune, { method: 'GET', url: `${API}/organizations/${x01}/review?period=2026-H1` });
    expect(own.statusCode, own.body).toBe(200);
    const x02 = await t.orgId('ORG-X02');
    const other = await t.as(commune, { method: 'GET', url: `${API}/organizations/${x02}/review?period=2026-H1` });
    expect([403, 404]).toContain(other.statusCode);
    const table = await t.as(commune, {
      method: 'GET',
      url: `${API}/organizations/${al}/subordinates-review?period=2026-H1`,
    });
    expect([403, 404]).toContain(table.statusCode);
  });

  it(
    'gives Tân Lập its own six-month review under its own regulation, each departure with the commune ' +
      'regulation’s clause',
    async () => {
      const r = await get(commune, `/organizations/${x01}/review?period=2026-H1`);
      const val = (code: string, bodyName?: RegExp) =>
        (r.indicators as (Indicator & { bodyName?: string })[])
          .filter((i) => i.code === code && (!bodyName || bodyName.test(i.bodyName ?? '')))
          .map((i) => i.value);
      expect(val('meetings_held', /^Ban Chấp hành/)).toEqual([6]);
      expect(val('meetings_required', /^Ban Chấp hành/)).toEqual([6]);
      expect(val('meetings_held', /^Ban Thường vụ/)).toEqual([11]);
      expect(val('meetings_required', /^Ban Thường vụ/)).toEqual([12]);
      expect(val('conclusions_issued')).toEqual([17]);
      const ev = await get(commune, `/organizations/${x01}/review/evidence?period=2026-H1&code=deviations`);
      expect(ev.records.map((x: { detail_vi: string }) => x.detail_vi.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(
          /^Tháng 2\/2026: Ban Thường vụ Đảng ủy xã họp 1\/2 kỳ họp thường lệ \((khoản \d+ )?Điều \d+\)$/,
        ),
        expect.stringMatching(/^Chậm: tài liệu gửi ngày 04\/05\/2026.*Điều \d+\)$/),
        expect.stringMatching(/^Ban hành chậm: Hạn 16\/06\/2026.*Điều \d+\)$/),
      ]);
    },
  );

  it(
    'shows the province every commune in the subordinates’ table, ranked, with the figures of the communes’ ' +
      'own reviews',
    async () => {
      const table = await get(admin, `/organizations/${al}/subordinates-review?from=${FROM}&to=${TO}`);
      const children = await get(admin, `/organizations/${al}/subtree?asOf=${TO}`);
      expect(table.rows.length).toBeGreaterThanOrEqual(96);
      expect(table.rows.map((r: { rank: number }) => r.rank)).toEqual(table.rows.map((_: unknown, i: number) => i + 1));
      const row = table.rows.find((r: { orgId: string }) => r.orgId === x01);
      expect(row).toBeDefined();
      const own = await get(admin, `/organizations/${x01}/review?from=${FROM}&to=${TO}`);
      for (const code of ['tasks_assigned', 'tasks_done_on_time', 'tasks_done_late', 'tasks_overdue']) {
        const mine = own.indicators.find((i: Indicator) => i.code === code).value;
        expect(row.indicators.find((i: { code: string }) => i.code === code).value, code).toBe(mine);
      }
      expect(children).toBeDefined();
      // The demo's two communes that finished their first-half tasks weeks late stand out; Tân Lập for its meetings.
      const flagged = table.rows.filter((r: { flag_vi: string | null }) => r.flag_vi);
      expect(
        flagged.filter((r: { flag_vi: string }) =>
          /^Đúng hạn \d+% nhiệm vụ \(\d+\/\d+\), thấp hơn nhiều/.test(r.flag_vi),
        ),
      ).toHaveLength(2);
      expect(flagged.find((r: { orgId: string }) => r.orgId === x01)?.flag_vi).toBe(
        'Họp thường lệ 17/18 kỳ theo quy chế',
      );
    },
  );
  it(
    'drafts the next half-year’s program from the six-month review: its key tasks and the half’s unfinished ' +
      'items carried over with their tasks, adopted only at the BTV',
    async () => {
      type Item = {
        id: string;
        title: string;
        dueDate: string;
        status: { code: string };
        tasks: { id: string; state: string }[];
        carriedFrom: { itemId: string } | null;
        carriedTo: { itemId: string; programId: string } | null;
      };
      type Program = {
        id: string;
        title: string;
        span: string;
        period: string | null;
        periodLabel: string | null;
        state: string;
        version: number;
        sourceReport: { id: string } | null;
        itemsDetail: Item[];
        competence: { competent: string | null };
      };
      const list = (await get(admin, `/review-reports?orgId=${al}`)) as { id: string; title: string; state: string }[];
      const h1Report = list.find((r) => r.title === 'Báo cáo sơ kết 6 tháng đầu năm 2026' && r.state === 'adopted')!;
      const h1 = await get(admin, `/review-reports/${h1Report.id}`);
      const overdueBefore = one('tasks_overdue').value;
      // An independent count of what the half left unfinished: the adopted work programs' items due in it, not done.
      const programs = (await get(admin, `/programs?orgId=${al}&year=2026`)) as {
        id: string;
        kind: string;
        state: string;
      }[];
      const unfinished: Item[] = [];
      for (const p of programs.filter((x) => x.kind === 'work' && x.state === 'adopted')) {
        const full = (await get(admin, `/programs/${p.id}`)) as Program;
        unfinished.push(
          ...full.itemsDetail.filter(
            (i) =>
              i.dueDate >= FROM &&
              i.dueDate <= TO &&
              (i.tasks.length === 0 || i.tasks.some((t) => ['draft', 'assigned', 'in_progress'].includes(t.state))),
          ),
        );
      }
      expect(unfinished.length).toBeGreaterThan(0);
      // The demo's unfinished item of the half has no task yet: the office assigns one now, still open when carried
      // over.
      const late = unfinished.find((i) => i.tasks.length === 0)!;
      const office = await qb(t.db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select(['b.id', 'b.name'])
        .where('o.code', '=', 'ORG-AL')
        .where('b.name', 'like', 'Văn phòng%')
        .executeTakeFirstOrThrow();
      const assigned = await t.as(admin, {
        method: 'POST',
        url: `${API}/program-items/${late.id}/tasks`,
        payload: { leads: [{ kind: 'unit', id: office.id, name: office.name }] },
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
      late.tasks.push({ id: assigned.json().id, state: assigned.json().state });
      const section3 = (h1.paragraphs as { section: string; rendered: string }[])
        .filter((p) => p.section === 'III')
        .map((p) => p.rendered)
        .join(' ');

      const made = await t.as(commune, {
        method: 'POST',
        url: `${API}/review-reports/${h1.id}/next-program`,
        payload: {},
      });
      expect(made.statusCode).toBe(403);
      const res = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports/${h1.id}/next-program`,
        payload: {},
      });
      expect(res.statusCode, res.body).toBe(201);
      const next = res.json() as Program;
      expect(next).toMatchObject({
        span: 'half',
        period: '2026-H2',
        periodLabel: '6 tháng cuối năm 2026',
        state: 'draft',
        sourceReport: { id: h1.id },
        title: 'Chương trình làm việc 6 tháng cuối năm 2026 của Ban Thường vụ Tỉnh ủy',
      });
      expect(next.competence.competent).toBe('BTV');
      const keyTasks = next.itemsDetail.filter((i) => !i.carriedFrom);
      const carried = next.itemsDetail.filter((i) => i.carriedFrom);
      expect(keyTasks.length).toBeGreaterThan(0);
      for (const k of keyTasks) expect(section3.toLocaleLowerCase('vi')).toContain(k.title.toLocaleLowerCase('vi'));
      expect(new Set(carried.map((i) => i.carriedFrom!.itemId))).toEqual(new Set(unfinished.map((i) => i.id)));
      expect(carried.map((i) => i.title).sort()).toEqual(unfinished.map((i) => i.title).sort());
      expect(next.itemsDetail.every((i) => i.dueDate === '2026-12-31')).toBe(true);
      expect((await get(admin, `/review-reports/${h1.id}`)).nextProgram).toMatchObject({ id: next.id, state: 'draft' });
      const twice = await t.as(admin, {
        method: 'POST',
        url: `${API}/review-reports/${h1.id}/next-program`,
        payload: {},
      });
      expect(twice.json()).toMatchObject({
        code: 'CHUONG_TRINH_DA_CO',
        detail: expect.stringContaining('Chương trình làm việc 6 tháng cuối năm 2026'),
      });

      // The BCH does not adopt it: the regulation gives it to the BTV (khoản 5 Điều 19).
      const meeting = meetingAt;
      const atBch = await t.as(admin, {
        method: 'POST',
        url: `${API}/programs/${next.id}/adopt`,
        payload: { version: next.version, meetingId: await meeting('BCH', '2026-10-09') },
      });
      expect(atBch.statusCode).toBe(422);
      expect(atBch.json().detail).toMatch(/Ban Thường vụ.*khoản 5 Điều 19/);
      const adopted = await t.as(admin, {
        method: 'POST',
        url: `${API}/programs/${next.id}/adopt`,
        payload: { version: next.version, meetingId: await meeting('BTV', '2026-07-07') },
      });
      expect(adopted.statusCode, adopted.body).toBe(200);
      const after = adopted.json() as Program & { symbol: string };
      // An unfinished item's open task moves under the new item with its history; its new deadline is an extension
      // the BTV decided on 07/07.
      const withOpen = unfinished.find((i) => i.tasks.some((x) => ['assigned', 'in_progress'].includes(x.state)));
      expect(withOpen, 'an item of the half with a task still open').toBeDefined();
      {
        const moved = withOpen!.tasks.find((x) => ['assigned', 'in_progress'].includes(x.state))!;
        const now = after.itemsDetail.find((i) => i.carriedFrom?.itemId === withOpen!.id)!;
        expect(now.tasks.map((x) => x.id)).toContain(moved.id);
        const task = await get(admin, `/tasks/${moved.id}`);
        expect(task.extensions.at(-1)).toMatchObject({
          state: 'approved',
          requestedTo: '2026-12-31',
          decidedOn: '2026-07-07',
          decisionRef: after.symbol,
        });
        const oldProgramId = (
          await qb(t.db)
            .selectFrom('program_item')
            .select('program_id')
            .where('id', '=', withOpen!.id)
            .executeTakeFirstOrThrow()
        ).program_id;
        const was = ((await get(admin, `/programs/${oldProgramId}`)) as Program).itemsDetail.find(
          (i) => i.id === withOpen!.id,
        )!;
        expect(was.carriedTo).toMatchObject({ programId: next.id });
        expect(was.status.code).toBe('carried');
      }
      // The half's own figures do not change: a task overdue on 30/06 was overdue then.
      const again = await get(admin, `/organizations/${al}/review?from=${FROM}&to=${TO}`);
      expect(again.indicators.find((i: Indicator) => i.code === 'tasks_overdue').value).toBe(overdueBefore);
    },
  );
  it(
    'counts the subordinates’ regulations to revise after the province amends its own, and those found ' +
      'inconsistent, with their records',
    async () => {
      const regId = (
        await qb(t.db)
          .selectFrom('regulation')
          .select('id')
          .where('work', '=', '/vn-an-lac/quy-che/tinh-uy/2025/qclv')
          .executeTakeFirstOrThrow()
      ).id;
      const amendment = `---
work: /vn-an-lac/quyet-dinh/tinh-uy/2026/21-qd-tu
amends: /vn-an-lac/quy-che/tinh-uy/2025/qclv
title: Quyết định số 21-QĐ/TU sửa đổi khoản 3 Điều 12 Quy chế làm việc 01-QC/TU
adopted_on: 2026-12-20
in_force_from: 2027-01-01
---
effects:
  - { op: replace, target: art_12__para_3,
      text: "Tài liệu hội nghị Tỉnh ủy được gửi đến Tỉnh ủy viên chậm nhất 10 ngày làm việc trước ngày khai mạc.",
      rules: [ { id: tl-bch, kind: notice, body: BCH, documents_before_meeting: { min: 10, unit: working_day } } ] }
`;
      const a = await t.as(admin, {
        method: 'POST',
        url: `${API}/regulations/${regId}/amendments`,
        payload: { text: amendment },
      });
      expect(a.statusCode, a.body).toBe(201);
      const impact = a.json().impact as { orgName: string; findings: { severity: string }[] }[];
      expect(impact.length).toBeGreaterThan(0);
      const today = todayInVietnam();
      const r = await get(admin, `/organizations/${al}/review?from=2026-12-01&to=${today}`);
      const v = (code: string) => (r.indicators as Indicator[]).find((i) => i.code === code)!;
      expect(v('subordinate_regulations_to_review').value).toBe(impact.length);
      expect(v('subordinate_regulations_inconsistent').value).toBe(
        impact.filter((x) => x.findings.some((f) => f.severity === 'error')).length,
      );
      expect(v('subordinate_regulations_inconsistent').value).toBeGreaterThan(0);
      expect(v('subordinate_regulations_revised_on_time').value).toBe(0);
      expect(v('subordinate_regulations_inconsistent').basis_vi).toMatch(/Điều 27/);
      const ev = await get(
        admin,
        `/organizations/${al}/review/evidence?from=2026-12-01&to=${today}&code=subordinate_regulations_inconsistent`,
      );
      expect(ev.records.map((x: { title: string }) => x.title)).toEqual([expect.stringContaining('Tân Lập')]);
    },
  );
});
