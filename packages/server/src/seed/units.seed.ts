/** The province's bodies and organizations the demo's meetings, tasks and programs name as leads and supporters. */
export interface SeedBodies {
  BCH: string;
  BTV: string;
  TT: string;
  UBKT: string;
  VPTU: string;
  BTC: string;
  BTGDV: string;
  BNC: string;
}
export interface SeedOrgs {
  UBND: string;
  CQD: string;
  CA: string;
  TAN_LAP: string;
}
export type SeedUnit = { kind: 'unit'; id: string; name: string };

export function fixtureUnits(bodies: SeedBodies, orgs: SeedOrgs) {
  const unit = (id: string, name: string): SeedUnit => ({ kind: 'unit', id, name });
  return {
    VPTU: unit(bodies.VPTU, 'Văn phòng Tỉnh ủy'),
    BTC: unit(bodies.BTC, 'Ban Tổ chức Tỉnh ủy'),
    BTGDV: unit(bodies.BTGDV, 'Ban Tuyên giáo và Dân vận Tỉnh ủy'),
    BNC: unit(bodies.BNC, 'Ban Nội chính Tỉnh ủy'),
    UBKT: unit(bodies.UBKT, 'Ủy ban Kiểm tra Tỉnh ủy'),
    UBND: unit(orgs.UBND, 'Đảng ủy UBND tỉnh'),
    CQD: unit(orgs.CQD, 'Đảng ủy các cơ quan Đảng tỉnh'),
    CA: unit(orgs.CA, 'Đảng ủy Công an tỉnh'),
    TAN_LAP: unit(orgs.TAN_LAP, 'Đảng ủy xã Tân Lập'),
  };
}

/** A supporting unit outside the system (a provincial department): a name, no id. */
export const externalUnit = (name: string) => ({ kind: 'unit' as const, id: null, name });

/** The organization a lead belongs to: an organization itself, else (a body of) the province. */
export const leadOrgOf = (orgs: SeedOrgs, province: string) => (lead: SeedUnit) =>
  Object.values(orgs).includes(lead.id) ? lead.id : province;
