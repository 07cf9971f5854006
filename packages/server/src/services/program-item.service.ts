/** The items of a draft program: adding, editing, removing, each with its 6 rõ and period checked. */
import { ProblemError } from '@quyche/core';
import type { CreateProgramItemSchema, UpdateProgramItemSchema } from '@quyche/core';
import { bumpProgramVersion, deleteProgramItemAt, programItemNextPosition } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';

import { assertDraft, insertItem, itemRow, loadItem, loadProgram, range, termRange } from './program.records.js';
import { getProgram } from './program.view.js';

export async function addProgramItem(ctx: RequestContext, id: string, input: In<typeof CreateProgramItemSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  const span = range(p, await termRange(ctx.db, p.term_id));
  const checked = await itemRow(ctx, p, span, input, 'body');
  await ctx.db.transaction(async (tx) => {
    const pos = await programItemNextPosition(tx, id);
    const itemId = await insertItem(tx, p, input, checked, pos);
    await bumpProgramVersion(tx, id);
    await ctx.auditChange(tx, 'create', ['program_item', itemId, p.org_id], {
      after: { programId: id, position: pos, ...input },
    });
  });
  return getProgram(ctx, id);
}

export async function updateProgramItem(
  ctx: RequestContext,
  itemId: string,
  input: In<typeof UpdateProgramItemSchema>,
) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  assertDraft(p);
  const span = range(p, await termRange(ctx.db, p.term_id));
  const { version, ...fields } = input;
  const r = await itemRow(ctx, p, span, fields, 'body', it);
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'program_item', itemId, version, {
      ...r,
      supporting: r.supporting ? JSON.stringify(r.supporting) : undefined,
      targets: r.targets ? JSON.stringify(r.targets) : undefined,
    });
    await bumpProgramVersion(tx, p.id);
    await ctx.auditChange(tx, 'update', ['program_item', itemId, p.org_id], {
      before: it,
      after,
    });
  });
  return getProgram(ctx, p.id);
}

export async function deleteProgramItem(ctx: RequestContext, itemId: string, version: number) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  assertDraft(p);
  if (it.version !== version)
    throw new ProblemError('VERSION_CONFLICT', {
      field: 'query.version',
      detail: `Bạn đang xóa phiên bản ${version}, mục hiện ở phiên bản ${it.version}`,
      currentVersion: it.version,
    });
  await ctx.db.transaction(async (tx) => {
    await deleteProgramItemAt(tx, p.id, itemId, it.position);
    await bumpProgramVersion(tx, p.id);
    await ctx.auditChange(tx, 'delete', ['program_item', itemId, p.org_id], { before: it });
  });
  return getProgram(ctx, p.id);
}
