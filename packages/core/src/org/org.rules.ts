import { addDays, formatDateVi, formatIntervalVi, intersect, isActiveOn, overlaps, uncovered } from '../time/date.js';
import type { Interval, IsoDate } from '../time/date.js';
import { SECRETARY_ROLES, SINGLE_HOLDER_ROLES } from './org.model.js';
import type { MembershipRecord, OrgSnapshot } from './org.model.js';
import { POSITION_ROLE_LABELS } from './org.labels.js';

/** The integrity rules of DOMAIN.md §3 that concern organizations, bodies and memberships. */
export const ORG_RULES = {
  BI_THU_LA_UY_VIEN_BTV: {
    basis: 'Điều lệ Đảng, Điều 20 (R2)',
    vi: 'Bí thư, Phó Bí thư phải là Ủy viên Ban Thường vụ',
    en: 'A Secretary or Deputy Secretary must be a Standing Board member',
  },
  THUONG_TRUC_GOM_BI_THU_PHO_BI_THU: {
    basis: 'Điều lệ Đảng, Điều 20 (R2)',
    vi: 'Thường trực gồm Bí thư và các Phó Bí thư',
    en: 'The Standing members are the Secretary and the Deputy Secretaries',
  },
  CHI_BO_TOI_THIEU_3_DANG_VIEN: {
    basis: 'Điều lệ Đảng, Điều 24 (R13)',
    vi: 'Chi bộ phải có ít nhất 3 đảng viên chính thức',
    en: 'A party cell has at least 3 official members',
  },
  CHI_UY_KHI_TU_9_DANG_VIEN: {
    basis: 'Điều lệ Đảng, Điều 24 (R13)',
    vi: 'Chi bộ có dưới 9 đảng viên chính thức chỉ bầu bí thư, không bầu chi ủy',
    en: 'A cell with fewer than 9 official members elects a secretary only, not a cell committee',
  },
  MOT_NGUOI_MOT_CHUC_VU: {
    basis: 'Quy chế làm việc',
    vi: 'Mỗi thời điểm chỉ một người giữ chức vụ này trong cơ quan',
    en: 'Only one person holds this position in the body at a time',
  },
  KHONG_TRUNG_THANH_VIEN: {
    basis: 'Toàn vẹn dữ liệu',
    vi: 'Một người không giữ cùng chức vụ hai lần trong cùng khoảng thời gian',
    en: 'A person does not hold the same position twice over the same period',
  },
  HIEU_LUC_TRONG_CO_QUAN: {
    basis: 'Toàn vẹn dữ liệu',
    vi: 'Thời gian giữ chức vụ phải nằm trong thời gian tồn tại của cơ quan',
    en: 'A position must lie within the lifetime of its body',
  },
  CO_QUAN_TRONG_TO_CHUC: {
    basis: 'Toàn vẹn dữ liệu',
    vi: 'Thời gian tồn tại của cơ quan phải nằm trong thời gian tồn tại của tổ chức',
    en: 'A body must lie within the lifetime of its organization',
  },
  MOT_TO_CHUC_CAP_TREN: {
    basis: 'Toàn vẹn dữ liệu',
    vi: 'Mỗi thời điểm một tổ chức chỉ trực thuộc một tổ chức cấp trên',
    en: 'An organization has one parent at a time',
  },
} as const;
export type OrgRuleId = keyof typeof ORG_RULES;

export interface RuleViolation {
  rule: OrgRuleId;
  basis: string;
  /** Stable key so that violations already present before a change are not blamed on it. */
  key: string;
  subjectId: string;
  message_vi: string;
  message_en: string;
}

function violation(rule: OrgRuleId, key: string, subjectId: string, detailVi: string, detailEn: string): RuleViolation {
  const r = ORG_RULES[rule];
  return {
    rule,
    basis: r.basis,
    key: `${rule}:${key}`,
    subjectId,
    message_vi: `${r.vi} (${r.basis}): ${detailVi}`,
    message_en: `${r.en}: ${detailEn}`,
  };
}

const END = '9999-12-31';

/** All integrity violations in one organization's snapshot, over its whole history. */
export function checkOrgIntegrity(s: OrgSnapshot, names: (personId: string) => string = (id) => id): RuleViolation[] {
  const out: RuleViolation[] = [];
  const bodyById = new Map(s.bodies.map((b) => [b.id, b]));
  const btvBodies = s.bodies.filter((b) => b.kind === 'BTV');

  for (const b of s.bodies) {
    if (b.from < s.org.from || (s.org.until !== null && (b.until === null || b.until > s.org.until))) {
      out.push(violation('CO_QUAN_TRONG_TO_CHUC', b.id, b.id, `${b.name} ${formatIntervalVi(b)}`, `${b.name}`));
    }
  }

  for (const m of s.memberships) {
    const body = bodyById.get(m.bodyId);
    if (!body) continue;
    const roleVi = POSITION_ROLE_LABELS[m.role].vi;
    if (m.from < body.from || (body.until !== null && (m.until === null || m.until > body.until))) {
      out.push(
        violation(
          'HIEU_LUC_TRONG_CO_QUAN',
          m.id,
          m.id,
          `${names(m.personId)} — ${roleVi} ${body.name} ${formatIntervalVi(m)}, cơ quan ${formatIntervalVi(body)}`,
          `${names(m.personId)} in ${body.name}`,
        ),
      );
    }
    // R2: a secretary in a collegial body of an organization with a BTV must sit on that BTV.
    if (SECRETARY_ROLES.includes(m.role) && ['BCH', 'BTV', 'TT'].includes(body.kind) && btvBodies.length > 0) {
      const btvLife = btvBodies.map((b) => intersect(b, m)).filter((i): i is Interval => i !== null);
      const seats = s.memberships.filter((x) => x.personId === m.personId && btvBodies.some((b) => b.id === x.bodyId));
      for (const life of btvLife) {
        const gaps = uncovered(life, seats);
        if (gaps.length > 0) {
          const g = gaps[0]!;
          out.push(
            violation(
              'BI_THU_LA_UY_VIEN_BTV',
              `${m.id}`,
              m.id,
              `${names(m.personId)} giữ chức ${roleVi} ${formatIntervalVi(m)} nhưng không là Ủy viên Ban Thường vụ ` +
                `${formatIntervalVi(g)}`,
              `${names(m.personId)} is ${m.role} but not on the Standing Board ${g.from}…${g.until ?? ''}`,
            ),
          );
          break;
        }
      }
    }
    if (body.kind === 'TT' && !SECRETARY_ROLES.includes(m.role)) {
      out.push(
        violation(
          'THUONG_TRUC_GOM_BI_THU_PHO_BI_THU',
          m.id,
          m.id,
          `${names(m.personId)} được xếp vào Thường trực với chức vụ ${roleVi}`,
          `${names(m.personId)} is in the Standing members as ${m.role}`,
        ),
      );
    }
  }

  // One holder of a single-holder position per body at a time; no duplicate seats.
  for (let i = 0; i < s.memberships.length; i++) {
    const a = s.memberships[i]!;
    for (let j = i + 1; j < s.memberships.length; j++) {
      const b = s.memberships[j]!;
      if (a.bodyId !== b.bodyId || a.role !== b.role || !overlaps(a, b)) continue;
      const [first, second] = a.id < b.id ? [a, b] : [b, a];
      if (a.personId === b.personId) {
        out.push(
          violation(
            'KHONG_TRUNG_THANH_VIEN',
            `${first.id}:${second.id}`,
            second.id,
            `${names(a.personId)} — ${POSITION_ROLE_LABELS[a.role].vi}`,
            `${names(a.personId)} — ${a.role}`,
          ),
        );
      } else if (SINGLE_HOLDER_ROLES.includes(a.role)) {
        const body = bodyById.get(a.bodyId);
        out.push(
          violation(
            'MOT_NGUOI_MOT_CHUC_VU',
            `${first.id}:${second.id}`,
            second.id,
            `${names(a.personId)} và ${names(b.personId)} cùng là ${POSITION_ROLE_LABELS[a.role].vi} ` +
              `${body?.name ?? ''}`,
            `${names(a.personId)} and ${names(b.personId)} both hold ${a.role}`,
          ),
        );
      }
    }
  }

  if (s.org.kind === 'CELL') out.push(...checkCellSize(s));

  const links = [...s.parentLinks].sort((x, y) => x.from.localeCompare(y.from));
  for (let i = 1; i < links.length; i++) {
    if (overlaps(links[i - 1]!, links[i]!)) {
      out.push(
        violation(
          'MOT_TO_CHUC_CAP_TREN',
          `${links[i - 1]!.id}:${links[i]!.id}`,
          links[i]!.id,
          `${s.org.name} có hai tổ chức cấp trên cùng lúc từ ${formatDateVi(links[i]!.from)}`,
          `${s.org.name} has two parents at once`,
        ),
      );
    }
  }
  return out;
}

/** R13: count official members at every date where the count can change. */
function checkCellSize(s: OrgSnapshot): RuleViolation[] {
  const out: RuleViolation[] = [];
  const official = s.partyMembers.filter((p) => p.status === 'official');
  const cellCommittees = s.bodies.filter((b) => b.kind === 'CHI_UY');
  const points = new Set<IsoDate>([s.org.from]);
  for (const p of official) {
    points.add(p.from);
    if (p.until) points.add(addDays(p.until, 1));
  }
  for (const b of cellCommittees) points.add(b.from);
  const sorted = [...points].filter((d) => isActiveOn(s.org, d)).sort();
  let reportedSmall = false;
  const reportedCommittee = new Set<string>();
  for (const d of sorted) {
    const n = official.filter((p) => isActiveOn(p, d)).length;
    if (n < 3 && !reportedSmall) {
      reportedSmall = true;
      out.push(
        violation(
          'CHI_BO_TOI_THIEU_3_DANG_VIEN',
          s.org.id,
          s.org.id,
          `${s.org.name} chỉ có ${n} đảng viên chính thức vào ngày ${formatDateVi(d)}`,
          `${s.org.name} has ${n} official members on ${d}`,
        ),
      );
    }
    for (const b of cellCommittees) {
      if (n < 9 && isActiveOn(b, d) && !reportedCommittee.has(b.id)) {
        reportedCommittee.add(b.id);
        out.push(
          violation(
            'CHI_UY_KHI_TU_9_DANG_VIEN',
            b.id,
            b.id,
            `${s.org.name} có ${n} đảng viên chính thức vào ngày ${formatDateVi(d)} nhưng có ${b.name}`,
            `${s.org.name} has ${n} official members on ${d} but a cell committee`,
          ),
        );
      }
    }
  }
  return out;
}

/** The violations a change introduces: those of the new snapshot that the old one did not have. */
export function newViolations(before: RuleViolation[], after: RuleViolation[]): RuleViolation[] {
  const known = new Set(before.map((v) => v.key));
  return after.filter((v) => !known.has(v.key));
}

export function isSecretaryRole(m: Pick<MembershipRecord, 'role'>): boolean {
  return SECRETARY_ROLES.includes(m.role);
}

export { END as OPEN_END };
