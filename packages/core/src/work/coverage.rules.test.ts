import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageReport } from './coverage.rules.js';
import { parseRegulation } from '../regulation/reg.parse.js';

const parsed = parseRegulation(
  readFileSync(new URL('../../../../regulations/an-lac/01-QC-TU.qc.md', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error(parsed.error.message);
const reg = parsed.regulation;
const units = [
  'Văn phòng Tỉnh ủy',
  'Ban Tổ chức Tỉnh ủy',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ban Nội chính Tỉnh ủy',
  'Ủy ban Kiểm tra Tỉnh ủy',
];
const fieldNames = Object.values(reg.frontMatter.fields ?? {});

describe('responsibility coverage', () => {
  it('finds nothing when every field has one member and every owner exists', () => {
    const holdings = fieldNames.map((f, i) => ({ personId: `p${i % 8}`, name: `Người ${i % 8}`, field: f }));
    expect(coverageReport(reg, '2026-06-01', { units, unitsEver: units, holdings }).findings).toEqual([]);
  });

  it('matches fields without diacritics or case; reports two members on one field and a member over the limit', () => {
    const holdings = fieldNames.map((f, i) => ({ personId: `p${i}`, name: `Người ${i}`, field: f }));
    holdings.push({ personId: 'p0', name: 'Người 0', field: 'kinh te, ngan sach, dau tu' });
    holdings.push({ personId: 'p0', name: 'Người 0', field: 'AN NINH, TRẬT TỰ' });
    holdings.push({ personId: 'p0', name: 'Người 0', field: 'Quốc phòng, quân sự địa phương' });
    const r = coverageReport(reg, '2026-06-01', { units, unitsEver: units, holdings });
    expect(r.findings.map((f) => f.code)).toEqual([
      'FIELD_TWO_MEMBERS',
      'FIELD_TWO_MEMBERS',
      'FIELD_TWO_MEMBERS',
      'MEMBER_OVERLOADED',
    ]);
    expect(r.findings.at(-1)!.message_vi).toContain('phụ trách 4 lĩnh vực');
  });

  it('reports a duty whose owning unit has ended', () => {
    const holdings = fieldNames.map((f, i) => ({ personId: `p${i}`, name: `Người ${i}`, field: f }));
    const r = coverageReport(reg, '2026-06-01', {
      units: units.filter((u) => u !== 'Ban Nội chính Tỉnh ủy'),
      unitsEver: units,
      holdings,
    });
    expect(r.findings.map((f) => [f.code, f.subject])).toEqual([
      ['DUTY_OWNER_MISSING', 'Tổng hợp, theo dõi đơn thư khiếu nại, tố cáo'],
    ]);
    expect(r.findings[0]!.message_vi).toContain('Ban Nội chính Tỉnh ủy');
  });
});
