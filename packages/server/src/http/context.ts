import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideAccess, ProblemError, todayInVietnam } from '@quyche/core';
import type { Action, Grant } from '@quyche/core';
import { appendAudit, orgChainUp } from '@quyche/db';
import { accessCache } from './access.cache.js';
import type { Db, Sql } from '@quyche/db';
import type { z } from 'zod';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  clearance: number;
  locale: string;
  grants: (Grant & { orgName: string })[];
  sessionId: string;
  csrfToken: string;
  /** An administrator reset the password: the user must pick a new one before anything else. */
  mustChangePassword: boolean;
}

/** What a use case receives of a request part: the output of its schema (defaults filled, values converted). */
export type In<T extends z.ZodType> = z.output<T>;

/** The account's row as the session and the calendar feed read it. */
interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  clearance: number;
  locale: string;
}

/** What the session and the API's account say alike of an account's row: who it is and its clearance. */
export function accountOf(u: Pick<AccountRow, 'id' | 'username' | 'display_name' | 'person_id' | 'clearance'>) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    personId: u.person_id,
    clearance: u.clearance,
  };
}

/** The signed-in user from the account's row, its grants and its session (none for a calendar feed). */
export function sessionUserOf(
  u: AccountRow,
  grants: SessionUser['grants'],
  session: { id: string; csrfToken: string; mustChangePassword: boolean } | null,
): SessionUser {
  return {
    ...accountOf(u),
    locale: u.locale,
    grants,
    sessionId: session?.id ?? '',
    csrfToken: session?.csrfToken ?? '',
    mustChangePassword: session?.mustChangePassword ?? false,
  };
}

/** What a use case gets: the database, the signed-in user, access checks and the audit trail. */
export class RequestContext {
  private coveredCache = new Map<string, string[]>();
  constructor(
    readonly db: Db,
    readonly user: SessionUser,
    readonly req: FastifyRequest,
    readonly reply: FastifyReply,
  ) {}

  /**
   * The same user and request over an open transaction: use cases called with it write into that transaction, so
   * that several of them (an imported sheet's rows) commit or roll back together.
   */
  withDb(tx: Sql): RequestContext {
    const outer = this.db;
    const inTx: Db = {
      driver: outer.driver,
      query: tx.query.bind(tx),
      transaction: (fn) => fn(tx),
      listen: () => Promise.reject(new Error('LISTEN is not available inside a transaction')),
      close: () => Promise.resolve(),
    };
    const c = new RequestContext(inTx, this.user, this.req, this.reply);
    c.today = () => this.today();
    return c;
  }

  /** The server's today: the real date in Vietnam unless the instance is kept on one day (QUYCHE_TODAY). */
  today(): string {
    return (this.req.server as { today?: () => string } | undefined)?.today?.() ?? todayInVietnam();
  }

  /** Throws 403 (out of scope or role) or 404 (above clearance: existence is not revealed). */
  /** An organization's chain to the root: from memory, unless asked inside a transaction that may change it. */
  private chainUp(orgId: string, sql: Sql = this.db): Promise<string[]> {
    return sql === this.db ? accessCache(this.db).chainUp(orgId) : orgChainUp(sql, orgId);
  }

  async assertOrg(orgId: string, action: Action, confidentiality = 0, sql: Sql = this.db): Promise<void> {
    const chain = await this.chainUp(orgId, sql);
    const d = decideAccess({
      grants: this.user.grants,
      clearance: this.user.clearance,
      action,
      orgChain: chain,
      confidentiality,
    });
    if (!d.allowed) throw new ProblemError(d.denial === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN', { detail: d.reason_vi });
  }

  /** Asserts the user may read the organization; what its lists are read with: it and the user's clearance. */
  async readScope(orgId: string): Promise<{ orgId: string; clearance: number }> {
    await this.assertOrg(orgId, 'read');
    return { orgId, clearance: this.user.clearance };
  }

  async can(orgId: string, action: Action, confidentiality = 0): Promise<boolean> {
    const chain = await this.chainUp(orgId);
    return decideAccess({
      grants: this.user.grants,
      clearance: this.user.clearance,
      action,
      orgChain: chain,
      confidentiality,
    }).allowed;
  }

  /** A read-only account is refused at once: before anything it sent (a file) is read. */
  assertMayWriteSomewhere(): void {
    if (this.grantRoots('write').length === 0)
      throw new ProblemError('FORBIDDEN', {
        detail: 'Tài khoản chỉ có quyền xem: không gửi tệp, không ghi dữ liệu được',
      });
  }

  assertClearance(confidentiality: number): void {
    if (confidentiality > this.user.clearance) throw new ProblemError('NOT_FOUND');
  }

  /** Organizations the user may perform `action` on (descendants of the grants, history included). */
  async coveredOrgs(action: Action = 'read'): Promise<string[]> {
    const cached = this.coveredCache.get(action);
    if (cached) return cached;
    const roots = this.grantRoots(action);
    const ids = roots.length ? await accessCache(this.db).coveredBy(roots) : [];
    this.coveredCache.set(action, ids);
    return ids;
  }

  grantRoots(action: Action): string[] {
    return this.user.grants
      .filter((g) => decideAccess({ grants: [g], clearance: 0, action, orgChain: [g.orgId] }).allowed)
      .map((g) => g.orgId);
  }

  async audit(
    tx: Sql,
    e: {
      action: string;
      entity: string;
      entityId: string | null;
      orgId: string | null;
      before?: unknown;
      after?: unknown;
    },
  ) {
    await appendAudit(tx, { actorUserId: this.user.id, actor: this.user.username, before: null, after: null, ...e });
  }

  /** Audits `action` done to one record, named by its entity, id and organization, with its state before and after. */
  async auditChange(
    tx: Sql,
    action: string,
    [entity, entityId, orgId]: [entity: string, entityId: string | null, orgId: string | null],
    change: { before?: unknown; after?: unknown } = {},
  ) {
    await this.audit(tx, { action, entity, entityId, orgId, ...change });
  }
}
