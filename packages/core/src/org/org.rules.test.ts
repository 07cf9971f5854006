import { describe, expect, it } from 'vitest';
import { checkOrgIntegrity, newViolations } from './org.rules.js';
import { planReorganization } from './org.reorganization.js';
import type { OrgSnapshot } from './org.model.js';

const org = {
  id: 'al',
  code: 'ORG-AL',
  name: 'Đảng bộ tỉnh An Lạc',
  kind: 'PROVINCIAL_PARTY_ORG' as const,
  from: '2025-07-01',
  until: null,
};
const bodies = [
  { id: 'bch', orgId: 'al', kind: 'BCH' as const, name: 'Ban Chấp hành', from: '2025-07-01', until: null },
  { id: 'btv', orgId: 'al', kind: 'BTV' as const, name: 'Ban Thường vụ', from: '2025-07-01', until: null },
  { id: 'tt', orgId: 'al', kind: 'TT' as const, name: 'Thường trực', from: '2025-07-01', until: null },
];
function snap(extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return { org, bodies, memberships: [], partyMembers: [], parentLinks: [], ...extra };
}

describe('R2: Bí thư must be a BTV member', () => {
  it('rejects a secretary who is not on the BTV, naming the rule', () => {
    const v = checkOrgIntegrity(
      snap({
        memberships: [{ id: 'm1', bodyId: 'bch', personId: 'p1', role: 'BI_THU', from: '2025-10-12', until: null }],
      }),
    );
    expect(v.map((x) => x.rule)).toEqual(['BI_THU_LA_UY_VIEN_BTV']);
    expect(v[0]!.message_vi).toContain('Bí thư, Phó Bí thư phải là Ủy viên Ban Thường vụ');
    expect(v[0]!.message_vi).toContain('12/10/2025');
  });
  it('accepts a secretary covered by BTV seats, and finds a gap in the coverage', () => {
    const ok = snap({
      memberships: [
        { id: 'm1', bodyId: 'bch', personId: 'p1', role: 'BI_THU', from: '2025-10-12', until: null },
        { id: 'm2', bodyId: 'btv', personId: 'p1', role: 'BI_THU', from: '2025-10-12', until: null },
      ],
    });
    expect(checkOrgIntegrity(ok)).toEqual([]);
    const gap = snap({
      memberships: [
        { id: 'm1', bodyId: 'bch', personId: 'p1', role: 'PHO_BI_THU', from: '2025-10-12', until: null },
        { id: 'm2', bodyId: 'btv', personId: 'p1', role: 'UY_VIEN', from: '2025-11-01', until: null },
      ],
    });
    const v = checkOrgIntegrity(gap);
    expect(v).toHaveLength(1);
    expect(v[0]!.message_vi).toContain('từ 12/10/2025 đến 31/10/2025');
  });
});

describe('TT = Bí thư + Phó Bí thư', () => {
  it('rejects an ordinary member in the TT', () => {
    const v = checkOrgIntegrity(
      snap({
        memberships: [{ id: 'm1', bodyId: 'tt', personId: 'p1', role: 'UY_VIEN', from: '2025-10-12', until: null }],
      }),
    );
    expect(v.map((x) => x.rule)).toContain('THUONG_TRUC_GOM_BI_THU_PHO_BI_THU');
  });
  it('allows one Bí thư at a time only', () => {
    const v = checkOrgIntegrity(
      snap({
        memberships: [
          { id: 'a', bodyId: 'btv', personId: 'p1', role: 'BI_THU', from: '2025-10-12', until: null },
          { id: 'b', bodyId: 'btv', personId: 'p2', role: 'BI_THU', from: '2026-01-01', until: null },
        ],
      }),
    );
    expect(v.map((x) => x.rule)).toContain('MOT_NGUOI_MOT_CHUC_VU');
  });
});

describe('R13: party cells', () => {
  const cell = {
    id: 'c',
    code: 'CB',
    name: 'Chi bộ Phòng Tổng hợp',
    kind: 'CELL' as const,
    from: '2025-07-01',
    until: null,
  };
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `pm${i}`,
      orgId: 'c',
      personId: `p${i}`,
      status: 'official' as const,
      from: '2025-07-01',
      until: null,
    }));
  it('needs 3 official members', () => {
    expect(
      checkOrgIntegrity({ org: cell, bodies: [], memberships: [], partyMembers: members(2), parentLinks: [] }).map(
        (v) => v.rule,
      ),
    ).toEqual(['CHI_BO_TOI_THIEU_3_DANG_VIEN']);
    expect(
      checkOrgIntegrity({ org: cell, bodies: [], memberships: [], partyMembers: members(3), parentLinks: [] }),
    ).toEqual([]);
  });
  it('notices a member leaving that drops the count below 3', () => {
    const pm = members(3);
    pm[2] = { ...pm[2]!, until: '2026-03-31' };
    const v = checkOrgIntegrity({ org: cell, bodies: [], memberships: [], partyMembers: pm, parentLinks: [] });
    expect(v[0]!.message_vi).toContain('01/04/2026');
  });
  it('allows a cell committee only from 9 official members', () => {
    const chiUy = [{ id: 'cu', orgId: 'c', kind: 'CHI_UY' as const, name: 'Chi ủy', from: '2025-07-01', until: null }];
    expect(
      checkOrgIntegrity({ org: cell, bodies: chiUy, memberships: [], partyMembers: members(8), parentLinks: [] }).map(
        (v) => v.rule,
      ),
    ).toEqual(['CHI_UY_KHI_TU_9_DANG_VIEN']);
    expect(
      checkOrgIntegrity({ org: cell, bodies: chiUy, memberships: [], partyMembers: members(12), parentLinks: [] }),
    ).toEqual([]);
  });
});

describe('newViolations', () => {
  it('blames a change only for what it introduced', () => {
    const before = checkOrgIntegrity(
      snap({
        memberships: [{ id: 'm1', bodyId: 'tt', personId: 'p1', role: 'UY_VIEN', from: '2025-10-12', until: null }],
      }),
    );
    const after = checkOrgIntegrity(
      snap({
        memberships: [
          { id: 'm1', bodyId: 'tt', personId: 'p1', role: 'UY_VIEN', from: '2025-10-12', until: null },
          { id: 'm2', bodyId: 'bch', personId: 'p2', role: 'BI_THU', from: '2025-10-12', until: null },
        ],
      }),
    );
    expect(newViolations(before, after).map((v) => v.rule)).toEqual(['BI_THU_LA_UY_VIEN_BTV']);
  });
});

describe('planReorganization', () => {
  const old1 = {
    id: 'o1',
    code: 'A',
    name: 'Đảng bộ tỉnh An Lạc (cũ)',
    kind: 'PROVINCIAL_PARTY_ORG' as const,
    from: '2020-10-15',
    until: null,
  };
  const old2 = {
    id: 'o2',
    code: 'B',
    name: 'Đảng bộ tỉnh Bình Hà (cũ)',
    kind: 'PROVINCIAL_PARTY_ORG' as const,
    from: '2020-10-20',
    until: null,
  };
  const merged = {
    id: 'n',
    code: 'N',
    name: 'Đảng bộ tỉnh An Lạc',
    kind: 'PROVINCIAL_PARTY_ORG' as const,
    from: '2025-07-01',
    until: null,
  };
  it('closes everything the day before and moves children to the successor', () => {
    const plan = planReorganization({
      kind: 'merge',
      effectiveOn: '2025-07-01',
      sources: [old1, old2],
      successor: merged,
      bodies: [{ id: 'b1', orgId: 'o1', kind: 'BCH', name: 'BCH', from: '2020-10-15', until: null }],
      memberships: [
        { id: 'm1', bodyId: 'b1', personId: 'p', role: 'UY_VIEN', from: '2020-10-15', until: null },
        { id: 'm0', bodyId: 'b1', personId: 'q', role: 'UY_VIEN', from: '2020-10-15', until: '2023-01-01' },
      ],
      partyMembers: [],
      parentLinks: [{ id: 'l1', orgId: 'cqd', parentId: 'o1', from: '2025-02-01', until: null }],
    });
    expect(plan.closeOrganizations).toEqual([
      { id: 'o1', until: '2025-06-30' },
      { id: 'o2', until: '2025-06-30' },
    ]);
    expect(plan.closeMemberships).toEqual([{ id: 'm1', until: '2025-06-30' }]);
    expect(plan.newParentLinks).toEqual([{ orgId: 'cqd', parentId: 'n', from: '2025-07-01' }]);
    expect(plan.successions).toHaveLength(2);
    expect(plan.summary_vi).toContain('01/07/2025');
  });
  it('refuses a merge without a successor', () => {
    expect(() =>
      planReorganization({
        kind: 'merge',
        effectiveOn: '2025-07-01',
        sources: [old1],
        successor: null,
        bodies: [],
        memberships: [],
        partyMembers: [],
        parentLinks: [],
      }),
    ).toThrow(/kế thừa/);
  });
});
