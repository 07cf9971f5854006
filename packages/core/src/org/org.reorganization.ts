import { addDays, formatDateVi, isActiveOn } from '../time/date.js';
import type { IsoDate } from '../time/date.js';
import type {
  BodyRecord,
  MembershipRecord,
  OrganizationRecord,
  ParentLinkRecord,
  PartyMemberRecord,
  SuccessionKind,
} from './org.model.js';

/**
 * A reorganization (sáp nhập, hợp nhất, giải thể) as a plan of closings and links, computed without I/O
 * so that it can be previewed before it is applied. Everything of the sources ends the day before `effectiveOn`.
 */
export interface ReorganizationInput {
  kind: Extract<SuccessionKind, 'merge' | 'dissolve'>;
  effectiveOn: IsoDate;
  sources: OrganizationRecord[];
  /** The organization that takes over (merge: required; dissolve: optional). */
  successor: OrganizationRecord | null;
  bodies: BodyRecord[];
  memberships: MembershipRecord[];
  partyMembers: PartyMemberRecord[];
  /** Links where a source is the child (closed) or the parent (children move to the successor). */
  parentLinks: ParentLinkRecord[];
}

export interface ReorganizationPlan {
  closeOrganizations: { id: string; until: IsoDate }[];
  closeBodies: { id: string; until: IsoDate }[];
  closeMemberships: { id: string; until: IsoDate }[];
  closePartyMembers: { id: string; until: IsoDate }[];
  closeParentLinks: { id: string; until: IsoDate }[];
  newParentLinks: { orgId: string; parentId: string; from: IsoDate }[];
  successions: { predecessorId: string; successorId: string; kind: SuccessionKind; effectiveOn: IsoDate }[];
  summary_vi: string;
}

export class ReorganizationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function planReorganization(input: ReorganizationInput): ReorganizationPlan {
  const until = addDays(input.effectiveOn, -1);
  if (input.sources.length === 0)
    throw new ReorganizationError('TO_CHUC_NGUON_TRONG', 'Cần ít nhất một tổ chức bị sáp nhập hoặc giải thể');
  if (input.kind === 'merge' && !input.successor) {
    throw new ReorganizationError('THIEU_TO_CHUC_KE_THUA', 'Sáp nhập, hợp nhất cần tổ chức kế thừa');
  }
  for (const s of input.sources) {
    if (!isActiveOn(s, until)) {
      throw new ReorganizationError(
        'TO_CHUC_KHONG_CON_HIEU_LUC',
        `${s.name} không còn hoạt động vào ngày ${formatDateVi(until)}`,
      );
    }
    if (input.successor && s.id === input.successor.id) {
      throw new ReorganizationError('KE_THUA_CHINH_NO', `${s.name} không thể kế thừa chính nó`);
    }
  }
  if (input.successor && !isActiveOn(input.successor, input.effectiveOn)) {
    throw new ReorganizationError(
      'KE_THUA_CHUA_HIEU_LUC',
      `${input.successor.name} chưa hoạt động vào ngày ${formatDateVi(input.effectiveOn)}`,
    );
  }
  const sourceIds = new Set(input.sources.map((s) => s.id));
  const openAt = (r: { from: IsoDate; until: IsoDate | null }) => r.until === null || r.until >= input.effectiveOn;
  const cut = (r: { id: string; from: IsoDate; until: IsoDate | null }) => ({
    id: r.id,
    until: r.from > until ? r.from : until,
  });

  const bodies = input.bodies.filter((b) => sourceIds.has(b.orgId) && openAt(b));
  const bodyIds = new Set(bodies.map((b) => b.id));
  const plan: ReorganizationPlan = {
    closeOrganizations: input.sources.map((s) => ({ id: s.id, until })),
    closeBodies: bodies.map(cut),
    closeMemberships: input.memberships.filter((m) => bodyIds.has(m.bodyId) && openAt(m)).map(cut),
    closePartyMembers: input.partyMembers.filter((p) => sourceIds.has(p.orgId) && openAt(p)).map(cut),
    closeParentLinks: [],
    newParentLinks: [],
    successions: [],
    summary_vi: '',
  };
  for (const link of input.parentLinks) {
    if (!openAt(link)) continue;
    if (sourceIds.has(link.orgId)) plan.closeParentLinks.push(cut(link));
    else if (sourceIds.has(link.parentId)) {
      plan.closeParentLinks.push(cut(link));
      if (input.successor)
        plan.newParentLinks.push({ orgId: link.orgId, parentId: input.successor.id, from: input.effectiveOn });
    }
  }
  if (input.successor) {
    for (const s of input.sources) {
      plan.successions.push({
        predecessorId: s.id,
        successorId: input.successor.id,
        kind: input.kind,
        effectiveOn: input.effectiveOn,
      });
    }
  }
  const names = input.sources.map((s) => s.name).join(', ');
  plan.summary_vi =
    (input.kind === 'merge' ? `Hợp nhất ${names} vào ${input.successor!.name}` : `Giải thể ${names}`) +
    ` từ ngày ${formatDateVi(input.effectiveOn)}: kết thúc ${plan.closeBodies.length} cơ quan, ` +
    `${plan.closeMemberships.length} chức vụ, ` +
    `${plan.closePartyMembers.length} sinh hoạt đảng, chuyển ${plan.newParentLinks.length} tổ chức trực thuộc.`;
  return plan;
}
