import { invalidField, ruleViolation } from '@quyche/core';
import type { CreateShortcomingSchema, FixShortcomingSchema, ShortcomingListQuerySchema } from '@quyche/core';
import {
  inspectionOrgById,
  insertShortcoming,
  listShortcomingsForOrg,
  shortcomingById,
  shortcomingLeadExists,
  shortcomingReportOrg,
  touchShortcoming,
} from '@quyche/db';
import type { ShortcomingRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';
import { createAudited } from './record.create.js';
import { accessible } from './record.access.js';

/**
 * An entry of the register of shortcomings: each named in a review report or an inspection's conclusion, followed
 * until it is closed with the evidence of its remedy; the reviews count it as carried over until then.
 */
const view = (r: ShortcomingRow) => ({
  id: r.id,
  orgId: r.org_id,
  text: r.text,
  cause: r.cause,
  remedy: r.remedy,
  lead: { kind: r.lead_kind, id: r.lead_id, name: r.lead_name },
  dueDate: r.due_date,
  identifiedOn: r.identified_on,
  source_vi:
    r.report_title ??
    (r.inspection_title
      ? `Kết luận kiểm tra, giám sát: ${r.inspection_title}`
      : r.request_title
        ? `Kết luận của ${r.request_title.charAt(0).toLocaleLowerCase('vi')}${r.request_title.slice(1)}`
        : 'Ghi trực tiếp vào sổ'),
  reviewReportId: r.review_report_id,
  inspectionId: r.inspection_id,
  state: r.state,
  fixedOn: r.fixed_on,
  evidence: r.evidence,
  version: r.version,
});

async function load(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await shortcomingById(ctx.db, id), action);
}

export async function createShortcoming(ctx: RequestContext, input: In<typeof CreateShortcomingSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  if (input.dueDate < input.identifiedOn) throw invalidField('body.dueDate', 'Hạn khắc phục phải sau ngày nêu hạn chế');
  const known = await shortcomingLeadExists(ctx.db, input.lead.id);
  if (!known) throw invalidField('body.lead', `Không tìm thấy đơn vị, người chủ trì khắc phục "${input.lead.name}"`);
  if (input.reviewReportId) {
    const r = await shortcomingReportOrg(ctx.db, input.reviewReportId);
    if (!r || r.org_id !== input.orgId)
      throw invalidField('body.reviewReportId', 'Không tìm thấy báo cáo sơ kết này của tổ chức');
  }
  if (input.inspectionId) {
    const i = await inspectionOrgById(ctx.db, input.inspectionId);
    if (!i || i.org_id !== input.orgId)
      throw invalidField('body.inspectionId', 'Không tìm thấy cuộc kiểm tra, giám sát này của tổ chức');
  }
  const id = await createAudited(ctx, 'shortcoming', input.orgId, input, (tx, id) =>
    insertShortcoming(tx, {
      id,
      org_id: input.orgId,
      text: input.text,
      cause: input.cause ?? null,
      remedy: input.remedy,
      lead_kind: input.lead.kind,
      lead_id: input.lead.id,
      lead_name: input.lead.name,
      due_date: input.dueDate,
      identified_on: input.identifiedOn,
      review_report_id: input.reviewReportId ?? null,
      inspection_id: input.inspectionId ?? null,
    }),
  );
  return view(await load(ctx, id));
}

/** Closes a shortcoming with the evidence of its remedy; it leaves the reviews after the day it was fixed. */
export async function fixShortcoming(ctx: RequestContext, id: string, input: In<typeof FixShortcomingSchema>) {
  const s = await load(ctx, id, 'write');
  if (s.state === 'fixed')
    throw ruleViolation('DA_KHAC_PHUC', `Hạn chế đã được khắc phục ngày ${s.fixed_on!.split('-').reverse().join('/')}`);
  if (input.fixedOn < s.identified_on)
    throw invalidField('body.fixedOn', 'Ngày khắc phục không thể trước ngày nêu hạn chế');
  if (input.fixedOn > ctx.today()) throw invalidField('body.fixedOn', 'Ngày khắc phục không thể sau hôm nay');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'shortcoming', id, input.version, {
      state: 'fixed',
      fixed_on: input.fixedOn,
      evidence: input.evidence,
    });
    await touchShortcoming(tx, id);
    await ctx.auditChange(tx, 'fix', ['shortcoming', id, s.org_id], { before: { state: s.state }, after: input });
  });
  return view(await load(ctx, id));
}

export async function listShortcomings(ctx: RequestContext, q: In<typeof ShortcomingListQuerySchema>) {
  const rows = await listShortcomingsForOrg(ctx.db, {
    ...(await ctx.readScope(q.orgId)),
    state: q.state ?? null,
  });
  return rows.map(view);
}

export async function getShortcoming(ctx: RequestContext, id: string) {
  return view(await load(ctx, id));
}
