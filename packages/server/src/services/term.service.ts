import type { z } from 'zod';
import type { CreateTermSchema } from '@quyche/core';
import { insertTerm, toTerm, uuidv7 } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { loadOrg } from './org.load.js';

/** Terms of office (khóa, nhiệm kỳ) of an organization. */
export async function addTerm(ctx: RequestContext, id: string, input: z.output<typeof CreateTermSchema>) {
  await loadOrg(ctx, id, 'write');
  return ctx.db.transaction(async (tx) => {
    const termId = uuidv7();
    const row = await insertTerm(tx, {
      id: termId,
      org_id: id,
      name: input.name,
      ordinal: input.ordinal ?? null,
      valid_from: input.validFrom,
      valid_until: input.validUntil ?? null,
      congress_closed_on: input.congressClosedOn ?? null,
    });
    await ctx.auditChange(tx, 'create', ['term', termId, id], { after: input });
    return toTerm(row);
  });
}
