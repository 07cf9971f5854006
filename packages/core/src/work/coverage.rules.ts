import { formatDateVi } from '../time/date.js';
import { foldVietnamese } from '../text/text.fold.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { DeadlineRule, DutyRule, PortfolioRule, Regulation, Rule } from '../regulation/reg.model.js';

/**
 * Responsibility coverage on a date (the seeds' "không rõ trách nhiệm", "bao biện làm thay", "thiếu bao quát"): every
 * duty of the regulation with exactly one owner that exists, every field of portfolio with exactly one member in
 * charge, and no member carrying more than the regulation allows. Each finding cites its clause.
 */
export type CoverageCode =
  | 'DUTY_NO_OWNER'
  | 'DUTY_TWO_OWNERS'
  | 'DUTY_OWNER_MISSING'
  | 'FIELD_NO_MEMBER'
  | 'FIELD_TWO_MEMBERS'
  | 'MEMBER_OVERLOADED';

export interface CoverageFinding {
  code: CoverageCode;
  kind: 'gap' | 'overlap' | 'load';
  subject: string;
  message_vi: string;
  people: { id: string; name: string }[];
  ruleIds: string[];
  eIds: string[];
}

export interface PortfolioHolding {
  personId: string;
  name: string;
  /** The field as written on the assignment (matched to the regulation's fields by name, diacritics ignored). */
  field: string;
}

const inForce = (reg: Regulation, r: Rule, on: string) => {
  const from = r.valid?.from ?? reg.frontMatter.in_force_from;
  const until = r.valid?.until;
  return (!from || String(from) <= on) && (!until || String(until) >= on);
};
const same = (a: string, b: string) =>
  foldVietnamese(a).replace(/\s+/g, ' ').trim() === foldVietnamese(b).replace(/\s+/g, ' ').trim();

export function coverageReport(
  reg: Regulation,
  on: string,
  input: {
    /** Names of the units existing on the date (bodies of the organization), to find each owner role. */
    units: string[];
    /** Names of the units the organization ever had: an owner among them but not among `units` has ended. */
    unitsEver?: string[];
    holdings: PortfolioHolding[];
  },
): { findings: CoverageFinding[]; duties: number; fields: number; members: number } {
  const fm = reg.frontMatter;
  const roleName = (r: string) => fm.roles?.[r] ?? fm.bodies?.[r]?.name ?? r;
  const findings: CoverageFinding[] = [];
  // A duty's owner is named by a duty rule, or by the deadline rule that gives the duty its time.
  const dutyRules = reg.rules.filter(
    (r): r is DutyRule | DeadlineRule => (r.kind === 'duty' || r.kind === 'deadline') && inForce(reg, r, on),
  );
  const dutyIds = Object.keys(fm.duties ?? {});
  for (const d of dutyIds) {
    const name = fm.duties![d]!;
    const rules = dutyRules.filter((r) => r.duty === d);
    const owners = [...new Set(rules.flatMap((r) => (Array.isArray(r.owner) ? r.owner : r.owner ? [r.owner] : [])))];
    const ids = rules.map((r) => r.id);
    const eIds = rules.map((r) => r.basis);
    if (owners.length === 0) {
      findings.push({
        code: 'DUTY_NO_OWNER',
        kind: 'gap',
        subject: name,
        message_vi: `Nhiệm vụ "${name}" chưa có đơn vị chủ trì vào ngày ${formatDateVi(on)}`,
        people: [],
        ruleIds: ids,
        eIds,
      });
    } else if (owners.length > 1) {
      findings.push({
        code: 'DUTY_TWO_OWNERS',
        kind: 'overlap',
        subject: name,
        message_vi:
          `Nhiệm vụ "${name}" có ${owners.length} đơn vị chủ trì: ` +
          `${owners.map(roleName).join(', ')} (${eIds.map(citeVi).join('; ')})`,
        people: [],
        ruleIds: ids,
        eIds,
      });
    } else if (
      (input.unitsEver ?? []).some((u) => same(u, roleName(owners[0]!))) &&
      !input.units.some((u) => same(u, roleName(owners[0]!)))
    ) {
      findings.push({
        code: 'DUTY_OWNER_MISSING',
        kind: 'gap',
        subject: name,
        message_vi:
          `Nhiệm vụ "${name}" giao ${roleName(owners[0]!)} chủ trì (${eIds.map(citeVi).join('; ')}) ` +
          `nhưng đơn vị này không còn vào ngày ${formatDateVi(on)}`,
        people: [],
        ruleIds: ids,
        eIds,
      });
    }
  }
  const portfolio = reg.rules.filter((r): r is PortfolioRule => r.kind === 'portfolio' && inForce(reg, r, on));
  let fields = 0;
  for (const rule of portfolio) {
    const cite = citeVi(rule.basis);
    const declared = (rule.fields ?? []).map((code) => ({ code, name: fm.fields?.[code] ?? code }));
    fields += declared.length;
    for (const f of declared) {
      const holders = input.holdings.filter((h) => same(h.field, f.name));
      const people = [...new Map(holders.map((h) => [h.personId, { id: h.personId, name: h.name }])).values()];
      if (people.length === 0) {
        findings.push({
          code: 'FIELD_NO_MEMBER',
          kind: 'gap',
          subject: f.name,
          message_vi: `Lĩnh vực "${f.name}" chưa có Ủy viên phụ trách (${cite})`,
          people: [],
          ruleIds: [rule.id],
          eIds: [rule.basis],
        });
      } else if (people.length > 1) {
        findings.push({
          code: 'FIELD_TWO_MEMBERS',
          kind: 'overlap',
          subject: f.name,
          message_vi:
            `Lĩnh vực "${f.name}" có ${people.length} Ủy viên cùng phụ trách: ` +
            `${people.map((p) => p.name).join(', ')}; mỗi lĩnh vực chỉ một người phụ trách (${cite})`,
          people,
          ruleIds: [rule.id],
          eIds: [rule.basis],
        });
      }
    }
    if (rule.max_per_member !== undefined) {
      const byPerson = new Map<string, { name: string; fields: string[] }>();
      for (const h of input.holdings.filter((x) => declared.some((f) => same(x.field, f.name)))) {
        const e = byPerson.get(h.personId) ?? { name: h.name, fields: [] };
        if (!e.fields.some((x) => same(x, h.field))) e.fields.push(h.field);
        byPerson.set(h.personId, e);
      }
      for (const [id, e] of byPerson) {
        if (e.fields.length > rule.max_per_member) {
          findings.push({
            code: 'MEMBER_OVERLOADED',
            kind: 'load',
            subject: e.name,
            message_vi:
              `Đồng chí ${e.name} phụ trách ${e.fields.length} lĩnh vực (${e.fields.join('; ')}), ` +
              `quá ${rule.max_per_member} lĩnh vực (${cite})`,
            people: [{ id, name: e.name }],
            ruleIds: [rule.id],
            eIds: [rule.basis],
          });
        }
      }
    }
  }
  return { findings, duties: dutyIds.length, fields, members: new Set(input.holdings.map((h) => h.personId)).size };
}
