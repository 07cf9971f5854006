import { foldVietnamese } from '@quyche/core';
import { appendAudit, qb } from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import { hashPassword } from '../auth/password.js';
import { communeNames, DEMO_PASSWORD, LEADERS, nameGenerator } from './an-lac.data.js';
import { seedRegulations } from './regulation.seed.js';
import { seedConsultations } from './consultation.seed.js';
import { Batch } from './batch.js';
import { DEMO_TODAY, MEETING_TABLES, regulation, seedMeetings2026 } from './meetings.seed.js';
import { seedFixtureTasks, TASK_TABLES } from './tasks.seed.js';
import { PROGRAM_TABLES, seedPrograms } from './programs.seed.js';
import { seedVolume } from './volume.seed.js';
import { seedCommuneMeetings } from './commune-meetings.seed.js';
import { CELL_TABLES, seedCellRecord } from './cells.seed.js';
import { seedReviews } from './reviews.seed.js';
import { seedAssessments } from './assessment.seed.js';
import { seedAssessmentsUnderWay } from './assessment-2026.seed.js';

type Row = Record<string, unknown>;

export async function isSeeded(db: Sql): Promise<boolean> {
  const al = await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-AL').executeTakeFirst();
  return al !== undefined;
}

export interface SeedSummary {
  organizations: number;
  people: number;
  memberships: number;
  meetings: number;
  tasks: number;
  users: { username: string; password: string; role: string }[];
}

/**
 * `volume`: the communes' generated tasks besides the fixture's records (on by default; QUYCHE_DEMO_VOLUME=0 turns
 * it off).
 */
export async function seedAnLac(db: Db, opts: { volume?: boolean } = {}): Promise<SeedSummary> {
  const volume = opts.volume ?? process.env['QUYCHE_DEMO_VOLUME'] !== '0';
  const b = new Batch();
  const gen = nameGenerator(2026);
  const org = (code: string, name: string, kind: string, from: string, until: string | null, extra: Row = {}) =>
    b.add('organization', {
      code,
      name,
      kind,
      valid_from: from,
      valid_until: until,
      search_text: foldVietnamese(`${name} ${extra['short_name'] ?? ''} ${code}`),
      ...extra,
    });
  const parent = (orgId: string, parentId: string, from: string, until: string | null) =>
    b.add('organization_parent', { org_id: orgId, parent_id: parentId, valid_from: from, valid_until: until });
  const succeed = (pred: string, succ: string, kind: string, on: string, ref: string) =>
    b.add('organization_succession', {
      org_id: succ,
      predecessor_id: pred,
      successor_id: succ,
      kind,
      effective_on: on,
      decision_ref: ref,
    });
  const person = (
    orgId: string,
    name: string,
    gender: string,
    code: string | null = null,
    confidentiality = 0,
    email: string | null = null,
  ) =>
    // Fictional addresses under a reserved domain (RFC 2606): reminders of the demo go nowhere real.
    b.add('person', {
      org_id: orgId,
      code,
      full_name: name,
      gender,
      search_text: foldVietnamese(`${name} ${code ?? ''}`),
      confidentiality,
      email: email ?? (code ? `${code.toLowerCase()}@tinhuy-anlac.example` : null),
    });
  const body = (orgId: string, kind: string, name: string, from: string, until: string | null, extra: Row = {}) =>
    b.add('body', {
      org_id: orgId,
      kind,
      name,
      valid_from: from,
      valid_until: until,
      search_text: foldVietnamese(name),
      ...extra,
    });
  const seat = (
    orgId: string,
    bodyId: string,
    personId: string,
    role: string,
    from: string,
    until: string | null,
    title: string | null = null,
  ) =>
    b.add('membership', {
      org_id: orgId,
      body_id: bodyId,
      person_id: personId,
      role,
      title,
      valid_from: from,
      valid_until: until,
      end_reason: until ? 'Hết nhiệm kỳ, sắp xếp tổ chức' : null,
    });
  const partyMember = (orgId: string, personId: string, status: string, from: string) =>
    b.add('party_membership', { org_id: orgId, person_id: personId, status, valid_from: from });

  // — Before the merger: two provinces, the bloc committee, districts.
  const alOld = org('ORG-AL-OLD', 'Đảng bộ tỉnh An Lạc (cũ)', 'PROVINCIAL_PARTY_ORG', '2020-10-15', '2025-06-30', {
    short_name: 'Tỉnh ủy An Lạc (cũ)',
    symbol: 'TU',
  });
  const bhOld = org('ORG-BH-OLD', 'Đảng bộ tỉnh Bình Hà (cũ)', 'PROVINCIAL_PARTY_ORG', '2020-10-20', '2025-06-30', {
    short_name: 'Tỉnh ủy Bình Hà (cũ)',
    symbol: 'TU',
  });
  const al = org('ORG-AL', 'Đảng bộ tỉnh An Lạc', 'PROVINCIAL_PARTY_ORG', '2025-07-01', null, {
    short_name: 'Tỉnh ủy An Lạc',
    symbol: 'TU',
  });
  const merger = '9xx-QĐ/TW (giả định)';
  succeed(alOld, al, 'merge', '2025-07-01', merger);
  succeed(bhOld, al, 'merge', '2025-07-01', merger);

  const duk = org('ORG-DUK', 'Đảng ủy Khối các cơ quan tỉnh', 'BLOC_PARTY_COMMITTEE', '2008-01-01', '2025-01-31', {
    short_name: 'Đảng ủy Khối',
    symbol: 'ĐUK',
  });
  parent(duk, alOld, '2020-10-15', '2025-01-31');
  /** Under the old province from `from` until the merger, under the merged province from the merger on. */
  const underProvince = (o: string, from: string) => {
    parent(o, alOld, from, '2025-06-30');
    parent(o, al, '2025-07-01', null);
  };
  /** Provincial party organizations under the province from `from` on, each with the short name of its committee. */
  const provincialOrgs = (from: string, rows: [code: string, name: string, kind: string, shortName: string][]) =>
    rows.map(([code, name, kind, shortName]) => org(code, name, kind, from, null, { short_name: shortName }));
  const [cqd, ubnd] = provincialOrgs('2025-02-01', [
    ['ORG-CQD', 'Đảng bộ các cơ quan Đảng tỉnh', 'AGENCIES_PARTY_ORG', 'Đảng ủy các cơ quan Đảng tỉnh'],
    ['ORG-UBND', 'Đảng bộ UBND tỉnh', 'GOVERNMENT_PARTY_ORG', 'Đảng ủy UBND tỉnh'],
  ]) as [string, string];
  for (const o of [cqd, ubnd]) {
    underProvince(o, '2025-02-01');
    succeed(duk, o, 'split', '2025-02-01', 'Quyết định của BTV Tỉnh ủy (giả định)');
  }
  const [qs, ca] = provincialOrgs('2020-10-15', [
    ['ORG-QS', 'Đảng bộ Quân sự tỉnh', 'GRASSROOTS_PARTY_ORG', 'Đảng ủy Quân sự tỉnh'],
    ['ORG-CA', 'Đảng bộ Công an tỉnh', 'GRASSROOTS_PARTY_ORG', 'Đảng ủy Công an tỉnh'],
  ]) as [string, string];
  for (const o of [qs, ca]) underProvince(o, '2020-10-15');
  const districtsAl = [
    'thành phố An Lạc',
    'huyện Tân Phú',
    'huyện Hòa Bình',
    'huyện Bắc Sơn',
    'thị xã Long Điền',
    'huyện Vĩnh Thạnh',
  ];
  const districtsBh = ['thành phố Bình Hà', 'huyện Mỹ Lộc', 'huyện Phước Hải', 'huyện Đông Yên', 'huyện Thanh Khánh'];
  /** A district party organization under its old province from `from`, dissolved at the merger (2025-07-01). */
  const district = (code: string, name: string, province: string, from: string, extra?: Row) => {
    const id = org(code, `Đảng bộ ${name}`, 'DISTRICT_PARTY_ORG', from, '2025-06-30', extra);
    parent(id, province, from, '2025-06-30');
    succeed(id, al, 'dissolve', '2025-07-01', 'Kết thúc hoạt động cấp huyện (giả định)');
  };
  for (const [i, d] of districtsAl.entries()) {
    district(`ORG-AL-H${String(i + 1).padStart(2, '0')}`, d, alOld, '2020-10-15', {
      short_name: `${d.startsWith('huyện') ? 'Huyện' : d.startsWith('thị') ? 'Thị' : 'Thành'} ủy ${d
        .split(' ')
        .slice(d.startsWith('thành phố') || d.startsWith('thị xã') ? 2 : 1)
        .join(' ')}`,
    });
  }
  for (const [i, d] of districtsBh.entries())
    district(`ORG-BH-H${String(i + 1).padStart(2, '0')}`, d, bhOld, '2020-10-20');

  // — After the merger: 96 commune party organizations.
  const communes = communeNames().map((n, i) => {
    const code = `ORG-X${String(i + 1).padStart(2, '0')}`;
    const id = org(code, `Đảng bộ ${n}`, 'COMMUNE_PARTY_ORG', '2025-07-01', null, { short_name: `Đảng ủy ${n}` });
    parent(id, al, '2025-07-01', null);
    return { id, code, name: n };
  });
  const byCode = new Map(communes.map((c) => [c.code.replace('ORG-', ''), c]));

  // — Terms.
  const termAl = b.add('term', {
    org_id: al,
    name: 'XVIII',
    ordinal: 18,
    valid_from: '2025-07-01',
    valid_until: '2030-10-11',
    congress_closed_on: '2025-10-12',
  });
  const termAlOld = b.add('term', {
    org_id: alOld,
    name: 'XVII',
    ordinal: 17,
    valid_from: '2020-10-15',
    valid_until: '2025-06-30',
    congress_closed_on: '2020-10-15',
  });
  const termBhOld = b.add('term', {
    org_id: bhOld,
    name: 'XVII',
    ordinal: 17,
    valid_from: '2020-10-20',
    valid_until: '2025-06-30',
    congress_closed_on: '2020-10-20',
  });

  // — People of the provincial committee (M01–M61).
  const start = '2025-07-01';
  const p = new Map<string, string>();
  for (const l of LEADERS) p.set(l.code, person(al, l.name, l.gender, l.code));
  for (let i = 18; i <= 61; i++) {
    const g = gen();
    p.set(`M${i}`, person(al, g.name, g.gender, `M${i}`));
  }
  const bch = body(al, 'BCH', 'Ban Chấp hành Đảng bộ tỉnh khóa XVIII', start, null, { term_id: termAl, symbol: 'TU' });
  const btv = body(al, 'BTV', 'Ban Thường vụ Tỉnh ủy', start, null, { term_id: termAl, part_of: bch, symbol: 'TU' });
  const tt = body(al, 'TT', 'Thường trực Tỉnh ủy', start, null, { term_id: termAl, part_of: btv });
  for (const l of LEADERS) {
    const id = p.get(l.code)!;
    seat(al, bch, id, l.bch, start, null, l.bch === 'UY_VIEN' ? null : l.title);
    seat(al, btv, id, l.bch, start, null, l.title);
    if (l.bch !== 'UY_VIEN') seat(al, tt, id, l.bch, start, null, l.title);
  }
  for (let i = 18; i <= 61; i++) seat(al, bch, p.get(`M${i}`)!, 'UY_VIEN', start, null, 'Tỉnh ủy viên');

  // UBKT: chair M06, 3 deputies and 7 members.
  const ubkt = body(al, 'UBKT', 'Ủy ban Kiểm tra Tỉnh ủy', start, null, { term_id: termAl, symbol: 'UBKTTU' });
  seat(al, ubkt, p.get('M06')!, 'CHU_NHIEM', start, null, 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy');
  for (let i = 0; i < 10; i++) {
    const g = gen();
    const id = person(al, g.name, g.gender, `UBKT${String(i + 1).padStart(2, '0')}`);
    seat(
      al,
      ubkt,
      id,
      i < 3 ? 'PHO_CHU_NHIEM' : 'UY_VIEN',
      start,
      null,
      i < 3 ? 'Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy' : 'Ủy viên Ủy ban Kiểm tra Tỉnh ủy',
    );
  }
  // Advisory units and public service units.
  const units: [string, string, string | null, string][] = [
    ['ADVISORY', 'Văn phòng Tỉnh ủy', 'VPTU', 'M09'],
    ['ADVISORY', 'Ban Tổ chức Tỉnh ủy', 'BTCTU', 'M05'],
    ['ADVISORY', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'BTGDVTU', 'M07'],
    ['ADVISORY', 'Ban Nội chính Tỉnh ủy', 'BNCTU', 'M08'],
    ['PUBLIC_UNIT', 'Báo và Phát thanh, Truyền hình An Lạc', null, ''],
    ['PUBLIC_UNIT', 'Trường Chính trị tỉnh An Lạc', null, ''],
  ];
  const unitIds = new Map<string, string>();
  for (const [kind, name, symbol, head] of units) {
    const id = body(al, kind, name, start, null, { symbol });
    unitIds.set(name, id);
    if (head)
      seat(
        al,
        id,
        p.get(head)!,
        'TRUONG_BAN',
        start,
        null,
        head === 'M09' ? 'Chánh Văn phòng Tỉnh ủy' : `Trưởng ${name.replace(' Tỉnh ủy', '')}`,
      );
  }
  // A confidential body: visible only to accounts cleared for "Tối mật".
  body(al, 'ADVISORY', 'Ban Chỉ đạo bảo vệ chính trị nội bộ Tỉnh ủy', start, null, { confidentiality: 2 });

  // Portfolio assignments (phân công phụ trách) of the BTV members.
  // Fields of the regulation's khoản 3 Điều 8 (one member each, three at most) — with the demo's planted coverage
  // findings: no one on "Quy hoạch, đất đai…", two on "Kinh tế, ngân sách, đầu tư" (M03, M12), M02 with four.
  for (const l of LEADERS) {
    l.fields.forEach((field, i) => {
      b.add('portfolio_assignment', {
        org_id: al,
        person_id: p.get(l.code)!,
        body_id: btv,
        field,
        locality_org_id: i === 0 && l.locality ? byCode.get(l.locality)!.id : null,
        valid_from: start,
      });
    });
  }

  // — History: the old committees, with some of today's leaders in earlier positions.
  /** An old province's BCH, its BTV and the TT within that, for the 2020–2025 term. */
  const oldCommittees = (orgId: string, province: string, termId: string, from: string) => {
    const until = '2025-06-30';
    const bch = body(orgId, 'BCH', `Ban Chấp hành Đảng bộ tỉnh ${province} khóa XVII`, from, until, {
      term_id: termId,
    });
    const btv = body(orgId, 'BTV', `Ban Thường vụ Tỉnh ủy ${province} khóa XVII`, from, until, {
      term_id: termId,
      part_of: bch,
    });
    const tt = body(orgId, 'TT', `Thường trực Tỉnh ủy ${province} khóa XVII`, from, until, {
      term_id: termId,
      part_of: btv,
    });
    return [bch, btv, tt] as const;
  };
  /** The secretaries of an old province, each in its BCH, BTV and TT; one without a code is a generated person. */
  const seatOldSecretaries = (
    orgId: string,
    bodies: readonly string[],
    from: string,
    leaders: [code: string, role: string, title?: string][],
    generatedCode: string,
  ) => {
    for (const [code, role, title] of leaders) {
      let id = code ? p.get(code)! : '';
      if (!code) {
        const g = gen();
        id = person(orgId, g.name, g.gender, generatedCode);
      }
      for (const bd of bodies) seat(orgId, bd, id, role, from, '2025-06-30', title);
    }
  };
  const [oldBch, oldBtv, oldTt] = oldCommittees(alOld, 'An Lạc', termAlOld, '2020-10-15');
  seatOldSecretaries(
    alOld,
    [oldBch, oldBtv, oldTt],
    '2020-10-15',
    [
      ['', 'BI_THU', 'Bí thư Tỉnh ủy An Lạc khóa XVII'],
      ['M01', 'PHO_BI_THU_TT', 'Phó Bí thư Thường trực Tỉnh ủy An Lạc khóa XVII'],
      ['M03', 'PHO_BI_THU', 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh An Lạc'],
    ],
    'AL-OLD-BT',
  );
  for (const code of ['M05', 'M06', 'M08', 'M09', 'M10', 'M11']) {
    seat(alOld, oldBch, p.get(code)!, 'UY_VIEN', '2020-10-15', '2025-06-30');
    seat(alOld, oldBtv, p.get(code)!, 'UY_VIEN', '2020-10-15', '2025-06-30');
  }
  for (let i = 18; i <= 50; i++) seat(alOld, oldBch, p.get(`M${i}`)!, 'UY_VIEN', '2020-10-15', '2025-06-30');
  body(alOld, 'DANG_DOAN', 'Đảng đoàn HĐND tỉnh An Lạc', '2020-10-15', '2025-01-31');
  body(alOld, 'BAN_CAN_SU', 'Ban cán sự đảng UBND tỉnh An Lạc', '2020-10-15', '2025-01-31');

  const [bhBch, bhBtv, bhTt] = oldCommittees(bhOld, 'Bình Hà', termBhOld, '2020-10-20');
  seatOldSecretaries(
    bhOld,
    [bhBch, bhBtv, bhTt],
    '2020-10-20',
    [
      ['M02', 'BI_THU'],
      ['M04', 'PHO_BI_THU_TT'],
      ['', 'PHO_BI_THU'],
    ],
    'BH-OLD-PBT',
  );
  for (const code of ['M07', 'M12', 'M13']) {
    seat(bhOld, bhBch, p.get(code)!, 'UY_VIEN', '2020-10-20', '2025-06-30');
    seat(bhOld, bhBtv, p.get(code)!, 'UY_VIEN', '2020-10-20', '2025-06-30');
  }
  for (let i = 0; i < 40; i++) {
    const g = gen();
    seat(bhOld, bhBch, person(bhOld, g.name, g.gender), 'UY_VIEN', '2020-10-20', '2025-06-30');
  }
  const dukBch = body(duk, 'BCH', 'Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh', '2020-08-01', '2025-01-31');
  for (let i = 0; i < 15; i++) {
    const g = gen();
    seat(duk, dukBch, person(duk, g.name, g.gender), 'UY_VIEN', '2020-08-01', '2025-01-31');
  }

  // — Commune committees: a Bí thư sitting on the commune's BTV; M14–M17 lead the four key communes.
  const secretaries: { id: string; name: string; secretary: string; secretaryName: string }[] = [];
  communes.forEach((c, i) => {
    const bchC = body(c.id, 'BCH', `Ban Chấp hành Đảng bộ ${c.name}`, start, null, { symbol: 'ĐU' });
    const btvC = body(c.id, 'BTV', `Ban Thường vụ Đảng ủy ${c.name}`, start, null, { part_of: bchC });
    let sec: string;
    if (i < 4) sec = p.get(`M${14 + i}`)!;
    else {
      const g = gen();
      // The commune's secretary is reached at the commune committee's address (consultations, reminders).
      sec = person(
        c.id,
        g.name,
        g.gender,
        null,
        0,
        `bithu.${c.code.replace('ORG-', '').toLowerCase()}@dangbo-anlac.example`,
      );
    }
    seat(c.id, bchC, sec, 'BI_THU', start, null, `Bí thư Đảng ủy ${c.name}`);
    secretaries.push({
      id: c.id,
      name: c.name,
      secretary: sec,
      secretaryName: String(b.tables.get('person')!.find((r) => r['id'] === sec)!['full_name']),
    });
    seat(c.id, btvC, sec, 'BI_THU', start, null, `Bí thư Đảng ủy ${c.name}`);
  });

  // — Cells: Phòng Tổng hợp of the Office (12 official members, cell committee of 3), and Tân Lập's villages.
  const vptuOrg = org('ORG-DB-VPTU', 'Đảng bộ cơ quan Văn phòng Tỉnh ủy', 'GRASSROOTS_PARTY_ORG', '2025-02-01', null);
  parent(vptuOrg, cqd, '2025-02-01', null);
  const cell = org('ORG-CB-VP1', 'Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy', 'CELL', '2025-02-01', null);
  parent(cell, vptuOrg, '2025-02-01', null);
  const cellPeople: string[] = [];
  for (let i = 0; i < 12; i++) {
    const g = gen();
    const id = person(cell, g.name, g.gender);
    cellPeople.push(id);
    partyMember(cell, id, 'official', '2025-02-01');
  }
  const chiUy = body(cell, 'CHI_UY', 'Chi ủy Chi bộ Phòng Tổng hợp', '2025-02-01', null);
  seat(cell, chiUy, cellPeople[0]!, 'BI_THU', '2025-02-01', null, 'Bí thư Chi bộ');
  seat(cell, chiUy, cellPeople[1]!, 'PHO_BI_THU', '2025-02-01', null, 'Phó Bí thư Chi bộ');
  seat(cell, chiUy, cellPeople[2]!, 'UY_VIEN', '2025-02-01', null, 'Chi ủy viên');
  const assembly = body(cell, 'CHI_BO', 'Chi bộ Phòng Tổng hợp (hội nghị đảng viên)', '2025-02-01', null);
  const tanLap = communes[0]!;
  const probationers: { cell: string; person: string }[] = [];
  const villages: { cell: string; name: string; assembly: string; members: string[] }[] = [];
  for (let v = 1; v <= 5; v++) {
    const vc = org(`ORG-X01-CB${v}`, `Chi bộ thôn ${v}, xã Tân Lập`, 'CELL', start, null);
    parent(vc, tanLap.id, start, null);
    const members: string[] = [];
    for (let i = 0; i < 3 + v; i++) {
      const g = gen();
      const id = person(tanLap.id, g.name, g.gender);
      members.push(id);
      const probationary = i === 3 + v - 1;
      partyMember(vc, id, probationary ? 'probationary' : 'official', start);
      if (probationary) probationers.push({ cell: vc, person: id });
    }
    // Under nine official members a cell elects no cell committee (Điều lệ Điều 24): its secretary only.
    const assembly = body(vc, 'CHI_BO', `Chi bộ thôn ${v}, xã Tân Lập (hội nghị đảng viên)`, start, null);
    villages.push({ cell: vc, name: `Chi bộ thôn ${v}`, assembly, members });
  }
  seedCellRecord(b, {
    cell,
    cellName: 'Chi bộ Phòng Tổng hợp',
    assembly,
    members: cellPeople,
    probationers,
    villages,
  });

  // — Accounts.
  const hash = await hashPassword(DEMO_PASSWORD);
  const users: SeedSummary['users'] = [];
  const user = (
    username: string,
    display: string,
    personId: string | null,
    clearance: number,
    grants: [string, string][],
  ) => {
    const id = b.add('app_user', {
      username,
      password_hash: hash,
      display_name: display,
      person_id: personId,
      clearance,
    });
    for (const [role, orgId] of grants) b.add('role_grant', { user_id: id, role, org_id: orgId });
    users.push({ username, password: DEMO_PASSWORD, role: grants.map(([r]) => r).join(',') });
    return id;
  };
  const adminId = user('admin', 'Quản trị hệ thống Tỉnh ủy An Lạc', null, 3, [['admin', al]]);
  user('vanthu.vptu', 'Văn thư Văn phòng Tỉnh ủy', null, 1, [['clerk', al]]);
  user('lanhdao', 'Trần Quốc Hưng', p.get('M01')!, 2, [['leader', al]]);
  user('vanthu.x01', 'Văn thư Đảng ủy xã Tân Lập', null, 0, [['clerk', tanLap.id]]);
  user('vanthu.x02', 'Văn thư Đảng ủy phường Bắc Sơn', null, 0, [['clerk', communes[1]!.id]]);
  user('xem', 'Tài khoản chỉ xem', null, 0, [['viewer', al]]);
  // A cell's secretary (their cell only) and a member of it (their own file and the cell's meetings only).
  const nameOf = (id: string) => String(b.tables.get('person')!.find((r) => r['id'] === id)!['full_name']);
  user('bithu.cb', nameOf(cellPeople[0]!), cellPeople[0]!, 0, [['clerk', cell]]);
  user('dangvien', nameOf(cellPeople[3]!), cellPeople[3]!, 0, []);

  // The bodies and organizations the fixture's meetings, tasks and programs name.
  const fixtureBodies = {
    BCH: bch,
    BTV: btv,
    TT: tt,
    UBKT: ubkt,
    VPTU: unitIds.get('Văn phòng Tỉnh ủy')!,
    BTC: unitIds.get('Ban Tổ chức Tỉnh ủy')!,
    BTGDV: unitIds.get('Ban Tuyên giáo và Dân vận Tỉnh ủy')!,
    BNC: unitIds.get('Ban Nội chính Tỉnh ủy')!,
  };
  const fixtureOrgs = { UBND: ubnd, CQD: cqd, CA: ca, TAN_LAP: tanLap.id };

  // — The 2026 meetings (fixture §4), with the anomalies the deviation report must find.
  const names = new Map(b.tables.get('person')!.map((r) => [r['id'] as string, r['full_name'] as string]));
  const meetings = seedMeetings2026(b, {
    org: al,
    termId: termAl,
    bodies: fixtureBodies,
    orgs: fixtureOrgs,
    people: p,
    names,
    communes: secretaries,
  });

  // — Tân Lập's own record: its first term after the merger and its 2026 meetings under its regulation.
  const termTanLap = b.add('term', {
    org_id: tanLap.id,
    name: 'I',
    ordinal: 1,
    valid_from: '2025-07-01',
    valid_until: '2030-07-31',
    congress_closed_on: '2025-08-22',
  });
  const tanLapBodies = b.tables.get('body')!.filter((r) => r['org_id'] === tanLap.id);
  seedCommuneMeetings(b, {
    org: tanLap.id,
    orgName: tanLap.name,
    termId: termTanLap,
    bch: tanLapBodies.find((r) => r['kind'] === 'BCH')!['id'] as string,
    btv: tanLapBodies.find((r) => r['kind'] === 'BTV')!['id'] as string,
    secretary: secretaries[0]!.secretary,
    today: DEMO_TODAY,
  });

  // — The fixture's 20 tasks, followed up to 01/12/2026.
  const tasks = seedFixtureTasks(b, {
    org: al,
    actions: meetings.actionItems,
    meetings: meetings.meetingIds,
    bodies: fixtureBodies,
    orgs: fixtureOrgs,
    people: p,
    adminUser: adminId,
  });

  // — The programs of the term and of 2026, their inspections, and recommendations sent up.
  seedPrograms(b, {
    org: al,
    termId: termAl,
    reg: regulation,
    meetings: meetings.meetingIds,
    bodies: fixtureBodies,
    orgs: fixtureOrgs,
    communes: communes.map((x) => ({ id: x.id, name: x.name })),
    people: p,
    adminUser: adminId,
  });

  const generated = volume
    ? seedVolume(b, { communes: secretaries, skip: 2, adminUser: adminId, today: DEMO_TODAY }).tasks
    : 0;

  const order = [
    'organization',
    'organization_parent',
    'organization_succession',
    'term',
    'person',
    'body',
    'membership',
    'party_membership',
    'portfolio_assignment',
    'app_user',
    'role_grant',
    ...MEETING_TABLES,
    ...TASK_TABLES,
    ...PROGRAM_TABLES,
    ...CELL_TABLES,
  ];
  // Bodies reference the bodies they are part of: the order of creation above puts parents first.
  await db.transaction(async (tx) => {
    await b.write(tx, order);
    const counts = Object.fromEntries(order.map((t) => [t, b.tables.get(t)?.length ?? 0]));
    await appendAudit(tx, {
      actorUserId: null,
      actor: 'seed',
      action: 'seed_demo',
      entity: 'database',
      entityId: null,
      orgId: al,
      before: null,
      after: { dataset: 'An Lạc', counts },
    });
    await seedRegulations(tx, al, tanLap.id);
    await seedConsultations(tx, {
      provinceId: al,
      communes: communes.map((x) => ({ id: x.id, code: x.code })),
      adminUser: adminId,
    });
    await seedReviews(tx, {
      province: al,
      provinceName: 'Tỉnh ủy An Lạc',
      commune: tanLap.id,
      communeName: `Đảng ủy ${tanLap.name}`,
      adminUser: adminId,
      today: DEMO_TODAY,
    });
    await seedAssessments(tx, { cellId: cell, adminUser: adminId });
    await seedAssessmentsUnderWay(tx, {
      communeId: tanLap.id,
      cells: villages.map((v) => v.cell),
      today: DEMO_TODAY,
    });
  });
  return {
    organizations: b.tables.get('organization')!.length,
    people: b.tables.get('person')!.length,
    memberships: b.tables.get('membership')!.length,
    meetings: meetings.meetings,
    tasks: tasks.tasks + generated,
    users,
  };
}
