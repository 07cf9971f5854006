import type { BodyKind, OrganizationKind, PositionRole } from './org.model.js';

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { vi: string; en: string }> = {
  CENTRAL_PARTY_ORG: { vi: 'Trung ương', en: 'Central' },
  PROVINCIAL_PARTY_ORG: { vi: 'Đảng bộ tỉnh, thành phố', en: 'Provincial party organization' },
  AGENCIES_PARTY_ORG: { vi: 'Đảng bộ các cơ quan Đảng', en: 'Party agencies organization' },
  GOVERNMENT_PARTY_ORG: { vi: 'Đảng bộ Ủy ban nhân dân', en: 'People’s Committee party organization' },
  BLOC_PARTY_COMMITTEE: { vi: 'Đảng ủy Khối', en: 'Bloc party committee' },
  DISTRICT_PARTY_ORG: { vi: 'Đảng bộ huyện', en: 'District party organization' },
  COMMUNE_PARTY_ORG: { vi: 'Đảng bộ xã, phường', en: 'Commune party organization' },
  GRASSROOTS_PARTY_ORG: { vi: 'Đảng bộ cơ sở', en: 'Grassroots party organization' },
  CELL: { vi: 'Chi bộ', en: 'Party cell' },
};

export const BODY_KIND_LABELS: Record<BodyKind, { vi: string; en: string }> = {
  BCH: { vi: 'Ban Chấp hành', en: 'Executive Committee' },
  BTV: { vi: 'Ban Thường vụ', en: 'Standing Board' },
  TT: { vi: 'Thường trực', en: 'Standing members' },
  UBKT: { vi: 'Ủy ban Kiểm tra', en: 'Inspection Commission' },
  ADVISORY: { vi: 'Cơ quan tham mưu, giúp việc', en: 'Advisory unit' },
  PUBLIC_UNIT: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
  DANG_DOAN: { vi: 'Đảng đoàn', en: 'Party delegation' },
  BAN_CAN_SU: { vi: 'Ban cán sự đảng', en: 'Party affairs committee' },
  CHI_UY: { vi: 'Chi ủy', en: 'Cell committee' },
  CHI_BO: { vi: 'Chi bộ (hội nghị đảng viên)', en: 'Cell (members’ meeting)' },
};

export const POSITION_ROLE_LABELS: Record<PositionRole, { vi: string; en: string }> = {
  BI_THU: { vi: 'Bí thư', en: 'Secretary' },
  PHO_BI_THU_TT: { vi: 'Phó Bí thư Thường trực', en: 'Standing Deputy Secretary' },
  PHO_BI_THU: { vi: 'Phó Bí thư', en: 'Deputy Secretary' },
  UY_VIEN: { vi: 'Ủy viên', en: 'Member' },
  CHU_NHIEM: { vi: 'Chủ nhiệm', en: 'Chair' },
  PHO_CHU_NHIEM: { vi: 'Phó Chủ nhiệm', en: 'Vice chair' },
  TRUONG_BAN: { vi: 'Trưởng ban (người đứng đầu)', en: 'Head' },
  PHO_TRUONG_BAN: { vi: 'Phó Trưởng ban (cấp phó)', en: 'Deputy head' },
  CAN_BO: { vi: 'Cán bộ', en: 'Staff' },
};
