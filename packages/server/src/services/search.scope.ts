import type { RequestContext } from '../http/context.js';

import type { SearchScope } from '@quyche/db';

/**
 * Who may see what: the user's clearance and organizations, from which the search's conditions (the database's
 * search.scope.ts) choose the candidates that the records' own load functions then confirm.
 */
export type Scope = SearchScope;

export async function scopeOf(ctx: RequestContext): Promise<Scope> {
  return {
    clearance: ctx.user.clearance,
    read: await ctx.coveredOrgs('read'),
    write: await ctx.coveredOrgs('write'),
    personId: ctx.user.personId,
  };
}
