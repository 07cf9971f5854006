import type { Interval, IsoDate } from '../time/date.js';

/** Organization kinds (DOMAIN.md §2, fixture §1). Bloc committees and districts ended in 2025 but stay in history. */
export const ORGANIZATION_KINDS = [
  'CENTRAL_PARTY_ORG',
  'PROVINCIAL_PARTY_ORG',
  'AGENCIES_PARTY_ORG',
  'GOVERNMENT_PARTY_ORG',
  'BLOC_PARTY_COMMITTEE',
  'DISTRICT_PARTY_ORG',
  'COMMUNE_PARTY_ORG',
  'GRASSROOTS_PARTY_ORG',
  'CELL',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Bodies of an organization: collegial bodies, the inspection commission, advisory units, ĐĐ/BCSĐ, cell committees. */
export const BODY_KINDS = [
  'BCH',
  'BTV',
  'TT',
  'UBKT',
  'ADVISORY',
  'PUBLIC_UNIT',
  'DANG_DOAN',
  'BAN_CAN_SU',
  'CHI_UY',
  /** The cell's assembly of members (hội nghị đảng viên): the body whose meetings are the cell's sinh hoạt. */
  'CHI_BO',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Positions held in a body. UY_VIEN is plain membership. */
export const POSITION_ROLES = [
  'BI_THU',
  'PHO_BI_THU_TT',
  'PHO_BI_THU',
  'UY_VIEN',
  'CHU_NHIEM',
  'PHO_CHU_NHIEM',
  'TRUONG_BAN',
  'PHO_TRUONG_BAN',
  'CAN_BO',
] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];

export const SECRETARY_ROLES: readonly PositionRole[] = ['BI_THU', 'PHO_BI_THU_TT', 'PHO_BI_THU'];
/** Roles held by one person at a time in a body. */
export const SINGLE_HOLDER_ROLES: readonly PositionRole[] = ['BI_THU', 'PHO_BI_THU_TT', 'CHU_NHIEM', 'TRUONG_BAN'];

export const SUCCESSION_KINDS = ['merge', 'split', 'dissolve', 'transfer', 'rename'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export const PARTY_MEMBER_STATUSES = ['official', 'probationary'] as const;
export type PartyMemberStatus = (typeof PARTY_MEMBER_STATUSES)[number];

export interface OrganizationRecord extends Interval {
  id: string;
  code: string;
  name: string;
  kind: OrganizationKind;
}
export interface BodyRecord extends Interval {
  id: string;
  orgId: string;
  kind: BodyKind;
  name: string;
}
export interface MembershipRecord extends Interval {
  id: string;
  bodyId: string;
  personId: string;
  role: PositionRole;
}
export interface PartyMemberRecord extends Interval {
  id: string;
  orgId: string;
  personId: string;
  status: PartyMemberStatus;
}
export interface ParentLinkRecord extends Interval {
  id: string;
  orgId: string;
  parentId: string;
}

/** Everything the integrity rules of one organization look at, at all dates. */
export interface OrgSnapshot {
  org: OrganizationRecord;
  bodies: BodyRecord[];
  memberships: MembershipRecord[];
  partyMembers: PartyMemberRecord[];
  parentLinks: ParentLinkRecord[];
}

export type { Interval, IsoDate };
