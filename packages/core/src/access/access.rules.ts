/**
 * Who may do what: application roles granted on an organization subtree, plus a clearance level that
 * confidential records must not exceed. Pure: the caller supplies the chain of organizations above the record.
 */
export const APP_ROLES = ['admin', 'clerk', 'leader', 'viewer'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/**
 * `read_reserved`: reserved opinions (R12: kept and reported upward, not published) — leaders and administrators.
 * `decide`: what the assigning level decides on a task — an extension, accepting a reported result or sending it
 * back — by a leader, or recorded by the office (clerk) or an administrator.
 */
export const ACTIONS = ['read', 'write', 'manage_users', 'audit', 'read_reserved', 'decide'] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<AppRole, readonly Action[]> = {
  admin: ['read', 'write', 'manage_users', 'audit', 'read_reserved', 'decide'],
  clerk: ['read', 'write', 'decide'],
  leader: ['read', 'read_reserved', 'decide'],
  viewer: ['read'],
};

export const APP_ROLE_LABELS: Record<AppRole, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  clerk: { vi: 'Văn thư, chuyên viên', en: 'Office clerk' },
  leader: { vi: 'Lãnh đạo, ủy viên', en: 'Leader / member' },
  viewer: { vi: 'Xem', en: 'Viewer' },
};

/** Độ mật (Luật Bảo vệ bí mật nhà nước): 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật. */
export const CONFIDENTIALITY_LEVELS = [0, 1, 2, 3] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, { vi: string; en: string }> = {
  0: { vi: 'Thường', en: 'Unclassified' },
  1: { vi: 'Mật', en: 'Confidential' },
  2: { vi: 'Tối mật', en: 'Secret' },
  3: { vi: 'Tuyệt mật', en: 'Top secret' },
};

export interface Grant {
  role: AppRole;
  orgId: string;
}

export interface AccessDecision {
  allowed: boolean;
  /** forbidden: out of scope or role; hidden: above clearance (answered as not found, to hide existence). */
  denial?: 'forbidden' | 'hidden';
  reason_vi: string;
}

export function roleAllows(role: AppRole, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/**
 * @param orgChain the record's organization and everything above it at any date (parents, successors),
 *                 so a provincial grant also covers the merged-away predecessors and their children.
 */
export function decideAccess(input: {
  grants: readonly Grant[];
  clearance: number;
  action: Action;
  orgChain: readonly string[];
  confidentiality?: number;
}): AccessDecision {
  if ((input.confidentiality ?? 0) > input.clearance) {
    return { allowed: false, denial: 'hidden', reason_vi: 'Bản ghi có độ mật cao hơn mức được phép xem của tài khoản' };
  }
  const chain = new Set(input.orgChain);
  const inScope = input.grants.filter((g) => chain.has(g.orgId));
  if (inScope.length === 0) {
    return {
      allowed: false,
      denial: 'forbidden',
      reason_vi: 'Bản ghi thuộc tổ chức ngoài phạm vi được phân quyền của tài khoản',
    };
  }
  if (!inScope.some((g) => roleAllows(g.role, input.action))) {
    return { allowed: false, denial: 'forbidden', reason_vi: 'Vai trò của tài khoản không cho phép thao tác này' };
  }
  return { allowed: true, reason_vi: 'Được phép' };
}
