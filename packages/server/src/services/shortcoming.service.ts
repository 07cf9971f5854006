import { ProblemError } from '@quyche/core';
import type { CreateShortcomingSchema, FixShortcomingSchema, ShortcomingListQuerySchema } from '@quyche/core';
import { uuidv7 } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';

type In<T extends z.ZodType> = z.output<T>;

/**
 * The register of shortcomings: each named in a review report or an inspection's conclusion, followed until it is
 * closed with the evidence of its remedy; the reviews count it as carried over until then.
 */
interface Row {
  id: string;
  org_id: string;
  text: string;
  cause: string | null;
  remedy: string;
  lead_kind: string;
  lead_id: string | null;
  lead_name: string;
  due_date: string;
  identified_on: string;
  review_report_id: string | null;
  inspection_id: string | null;
  state: 'open' | 'fixed';
  fixed_on: string | null;
  evidence: string | null;
  confidentiality: number;
  version: number;
  report_title: string | null;
  inspection_title: string | null;
  request_title: string | null;
}

const SELECT = `select s.*, r.title as report_title, i.title as inspection_title, q.title as request_title from shortcoming s
  left join review_report r on r.id = s.review_report_id left join inspection i on i.id = s.inspection_id left join review_request q on q.id = s.review_request_id`;

const view = (r: Row) => ({
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
  const r = (await ctx.db.query<Row>(`${SELECT} where s.id = $1`, [id])).rows[0];
  if (!r) throw new ProblemError('NOT_FOUND');
  await ctx.assertOrg(r.org_id, action, r.confidentiality);
  return r;
}

export async function createShortcoming(ctx: RequestContext, input: In<typeof CreateShortcomingSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  if (input.dueDate < input.identifiedOn)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.dueDate',
      detail: 'Hạn khắc phục phải sau ngày nêu hạn chế',
    });
  const known =
    (
      await ctx.db.query(
        'select 1 from body where id = $1 union all select 1 from organization where id = $1 union all select 1 from person where id = $1',
        [input.lead.id],
      )
    ).rows.length > 0;
  if (!known)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.lead',
      detail: `Không tìm thấy đơn vị, người chủ trì khắc phục "${input.lead.name}"`,
    });
  if (input.reviewReportId) {
    const r = (
      await ctx.db.query<{ org_id: string }>('select org_id from review_report where id = $1', [input.reviewReportId])
    ).rows[0];
    if (!r || r.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.reviewReportId',
        detail: 'Không tìm thấy báo cáo sơ kết này của tổ chức',
      });
  }
  if (input.inspectionId) {
    const i = (
      await ctx.db.query<{ org_id: string }>('select org_id from inspection where id = $1', [input.inspectionId])
    ).rows[0];
    if (!i || i.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.inspectionId',
        detail: 'Không tìm thấy cuộc kiểm tra, giám sát này của tổ chức',
      });
  }
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `insert into shortcoming (id, org_id, text, cause, remedy, lead_kind, lead_id, lead_name, due_date, identified_on, review_report_id, inspection_id)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        id,
        input.orgId,
        input.text,
        input.cause ?? null,
        input.remedy,
        input.lead.kind,
        input.lead.id,
        input.lead.name,
        input.dueDate,
        input.identifiedOn,
        input.reviewReportId ?? null,
        input.inspectionId ?? null,
      ],
    );
    await ctx.audit(tx, { action: 'create', entity: 'shortcoming', entityId: id, orgId: input.orgId, after: input });
  });
  return view(await load(ctx, id));
}

/** Closes a shortcoming with the evidence of its remedy; it leaves the reviews after the day it was fixed. */
export async function fixShortcoming(ctx: RequestContext, id: string, input: In<typeof FixShortcomingSchema>) {
  const s = await load(ctx, id, 'write');
  if (s.state === 'fixed')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_KHAC_PHUC',
      field: 'body',
      detail: `Hạn chế đã được khắc phục ngày ${s.fixed_on!.split('-').reverse().join('/')}`,
    });
  if (input.fixedOn < s.identified_on)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.fixedOn',
      detail: 'Ngày khắc phục không thể trước ngày nêu hạn chế',
    });
  if (input.fixedOn > ctx.today())
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.fixedOn',
      detail: 'Ngày khắc phục không thể sau hôm nay',
    });
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'shortcoming', id, input.version, {
      state: 'fixed',
      fixed_on: input.fixedOn,
      evidence: input.evidence,
    });
    await tx.query('update shortcoming set updated_at = now() where id = $1', [id]);
    await ctx.audit(tx, {
      action: 'fix',
      entity: 'shortcoming',
      entityId: id,
      orgId: s.org_id,
      before: { state: s.state },
      after: input,
    });
  });
  return view(await load(ctx, id));
}

export async function listShortcomings(ctx: RequestContext, q: In<typeof ShortcomingListQuerySchema>) {
  await ctx.assertOrg(q.orgId, 'read');
  const rows = (
    await ctx.db.query<Row>(
      `${SELECT} where s.org_id = $1 and s.confidentiality <= $2 ${q.state ? 'and s.state = $3' : ''} order by s.identified_on, s.created_at limit 500`,
      q.state ? [q.orgId, ctx.user.clearance, q.state] : [q.orgId, ctx.user.clearance],
    )
  ).rows;
  return rows.map(view);
}

export async function getShortcoming(ctx: RequestContext, id: string) {
  return view(await load(ctx, id));
}
