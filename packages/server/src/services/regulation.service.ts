import { parseInPool } from '../files/file.pool.js';
import { createHash } from 'node:crypto';
import {
  lint,
  parseAmendment,
  parseRegulation,
  ProblemError,
  RegulationParseError,
  deriveDraft,
  invalidField,
} from '@quyche/core';
import type { Amendment, ElementView, RegElement, Regulation } from '@quyche/core';
import {
  amendmentsOf,
  getRegulation,
  getRegulationByWork,
  getVersion,
  insertRegulation,
  insertRegulationAmendment,
  insertRegulationVersion,
  listRegulations as listRepo,
  regulationVersionExists,
  uuidv7,
  versionsOf,
} from '@quyche/db';
import type { RegulationVersionRow } from '@quyche/db';
import { foldVietnamese } from '@quyche/core';
import { getOrganization, orgChainUp } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { amendmentImpact } from './regulation-impact.service.js';
import { accessible } from './record.access.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Parses or answers 400 naming the line and column, as the CLI does. */
export function parseOr400(text: string): Regulation {
  const r = parseRegulation(text);
  if (!r.ok) {
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.text',
      detail: `Dòng ${r.error.line}, cột ${r.error.column}: ${r.error.message}`,
      line: r.error.line,
      column: r.error.column,
    });
  }
  return r.regulation;
}

export const elementView = (e: RegElement): ElementView => ({
  kind: e.kind,
  eId: e.eId,
  num: e.num,
  heading: e.heading,
  text: e.text,
  line: e.line,
  children: e.children.map(elementView),
});

export const toVersion = (
  v: Pick<
    RegulationVersionRow,
    'id' | 'regulation_id' | 'expression' | 'status' | 'adopted_on' | 'in_force_from' | 'sha256' | 'created_at'
  >,
) => ({
  id: v.id,
  regulationId: v.regulation_id,
  expression: v.expression,
  status: v.status,
  adoptedOn: v.adopted_on,
  inForceFrom: v.in_force_from,
  sha256: v.sha256,
  createdAt: new Date(v.created_at).toISOString(),
});

export async function loadRegulation(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await getRegulation(ctx.db, id), action, 'Không tìm thấy quy chế');
}

export async function listRegulations(ctx: RequestContext) {
  const rows = await listRepo(ctx.db, await ctx.coveredOrgs(), ctx.user.clearance);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    work: r.work,
    title: r.title,
    confidentiality: r.confidentiality,
    versionCount: r.versions,
    latestExpression: r.latest_expression,
    latestStatus: r.latest_status,
  }));
}

export async function getRegulationDetail(ctx: RequestContext, id: string) {
  const r = await loadRegulation(ctx, id);
  const list = (await listRepo(ctx.db, [r.org_id], ctx.user.clearance)).find((x) => x.id === id)!;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: list.org_name,
    work: r.work,
    title: r.title,
    confidentiality: r.confidentiality,
    versionCount: list.versions,
    latestExpression: list.latest_expression,
    latestStatus: list.latest_status,
    versions: (await versionsOf(ctx.db, id)).map(toVersion),
    amendments: (await amendmentsOf(ctx.db, id)).map((a) => ({
      id: a.id,
      work: a.work,
      title: a.title,
      adoptedOn: a.adopted_on,
      inForceFrom: a.in_force_from,
    })),
  };
}

export function validate(text: string) {
  const r = parseRegulation(text);
  if (!r.ok) return { ok: false, error: r.error, findings: [], articles: 0, rules: 0 };
  const articles = r.regulation.chapters.reduce((n, c) => n + c.children.length, 0);
  return { ok: true, findings: lint(r.regulation), articles, rules: r.regulation.rules.length };
}

async function insertVersion(
  ctx: RequestContext,
  tx: Parameters<Parameters<RequestContext['db']['transaction']>[0]>[0],
  regulationId: string,
  orgId: string,
  text: string,
  reg: Regulation,
  audited = true,
) {
  const fm = reg.frontMatter;
  const id = uuidv7();
  const expression = String(fm.expression ?? `vie@draft-${new Date().toISOString().slice(0, 10)}`);
  if (await regulationVersionExists(tx, regulationId, expression))
    throw new ProblemError('DUPLICATE', {
      field: 'body.text',
      detail: `Quy chế đã có phiên bản ${expression}: đổi "expression" ở phần đầu`,
    });
  const row = await insertRegulationVersion(tx, {
    id,
    regulation_id: regulationId,
    org_id: orgId,
    expression,
    status: String(fm.status ?? 'draft'),
    source_text: text,
    sha256: sha256(text),
    parsed: JSON.stringify({ frontMatter: fm, rules: reg.rules }),
    adopted_on: fm.adopted_on ?? null,
    in_force_from: fm.in_force_from ?? null,
    created_by: ctx.user.id,
  });
  if (audited)
    await ctx.auditChange(tx, 'create', ['regulation_version', id, orgId], {
      after: { regulationId, expression, status: row.status, sha256: row.sha256 },
    });
  return row;
}

export async function createRegulation(
  ctx: RequestContext,
  input: { orgId: string; text: string; confidentiality?: number | undefined },
) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  const reg = parseOr400(input.text);
  const work = reg.frontMatter.work;
  if (!work) throw invalidField('body.text', 'Phần đầu quy chế thiếu "work" (mã định danh của quy chế)');
  if (await getRegulationByWork(ctx.db, work))
    throw new ProblemError('DUPLICATE', {
      field: 'body.text',
      detail: `Đã có quy chế ${work}: thêm phiên bản mới vào quy chế đó`,
    });
  const title = String(reg.frontMatter.title ?? work);
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await insertRegulation(tx, {
      id,
      org_id: input.orgId,
      work,
      title,
      confidentiality: input.confidentiality ?? 0,
      search_text: foldVietnamese(`${title} ${work}`),
    });
    // One write, one audit entry: the regulation with its first version.
    const v = await insertVersion(ctx, tx, id, input.orgId, input.text, reg, false);
    await ctx.auditChange(tx, 'create', ['regulation', id, input.orgId], {
      after: { work, title, version: { id: v.id, expression: v.expression, status: v.status, sha256: v.sha256 } },
    });
    return toVersion(v);
  });
}

export async function addVersion(ctx: RequestContext, id: string, text: string) {
  const r = await loadRegulation(ctx, id, 'write');
  const reg = parseOr400(text);
  if (reg.frontMatter.work && reg.frontMatter.work !== r.work) {
    throw invalidField('body.text', `Phiên bản thuộc quy chế ${reg.frontMatter.work}, không phải ${r.work}`);
  }
  return ctx.db.transaction(async (tx) => toVersion(await insertVersion(ctx, tx, id, r.org_id, text, reg)));
}

export async function addAmendment(ctx: RequestContext, id: string, text: string) {
  const r = await loadRegulation(ctx, id, 'write');
  let a: Amendment;
  try {
    a = parseAmendment(text);
  } catch (e) {
    if (e instanceof RegulationParseError) throw invalidField('body.text', e.message);
    throw e;
  }
  if (a.amends !== r.work) throw invalidField('body.text', `Văn bản sửa đổi quy chế ${a.amends}, không phải ${r.work}`);
  const newId = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await insertRegulationAmendment(tx, {
      id: newId,
      regulation_id: id,
      org_id: r.org_id,
      work: a.work,
      title: a.title ?? null,
      source_text: text,
      parsed: JSON.stringify(a),
      adopted_on: a.adopted_on,
      in_force_from: a.in_force_from,
      created_by: ctx.user.id,
    });
    // The subordinates it makes inconsistent, each with a task to revise its regulation.
    const impact = await amendmentImpact(ctx, tx, r, a);
    await ctx.auditChange(tx, 'create', ['regulation_amendment', newId, r.org_id], {
      after: {
        work: a.work,
        effects: a.effects.length,
        impact: impact.map((x) => ({ regulationId: x.regulationId, taskId: x.taskId })),
      },
    });
    return {
      id: newId,
      work: a.work,
      title: a.title ?? null,
      adoptedOn: a.adopted_on,
      inForceFrom: a.in_force_from,
      impact,
    };
  });
}

/** A Word or text file made into .qc.md in the file pool (a .docx is a ZIP package: opened within limits). */
export function importFile(ctx: RequestContext, fileName: string, contentBase64: string) {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  return parseInPool<{ qcmd: string; report: Record<string, unknown> }>(
    { kind: 'regulation-import', fileName, bytes },
    'body.contentBase64',
    { req: ctx.req },
  );
}

/**
 * A subordinate's draft made from a version of its superior's regulation: readable for that purpose by those who
 * write for the subordinate (a commune must know the province's rules), created as the subordinate's own regulation.
 */
export async function deriveRegulation(
  ctx: RequestContext,
  input: {
    orgId: string;
    fromVersionId: string;
    title: string;
    work?: string | undefined;
    roleMap?: Record<string, string> | undefined;
    bodies?: Record<string, { name: string; part_of?: string | undefined }> | undefined;
  },
) {
  await ctx.assertOrg(input.orgId, 'write');
  const v = await getVersion(ctx.db, input.fromVersionId);
  const base = v ? await getRegulation(ctx.db, v.regulation_id) : undefined;
  if (!v || !base) throw invalidField('body.fromVersionId', 'Không tìm thấy phiên bản quy chế cấp trên');
  const chain = await orgChainUp(ctx.db, input.orgId);
  if (!chain.slice(1).includes(base.org_id))
    throw new ProblemError('FORBIDDEN', {
      field: 'body.fromVersionId',
      detail: 'Chỉ dựng dự thảo từ quy chế của cấp ủy cấp trên',
    });
  ctx.assertClearance(base.confidentiality);
  const org = await getOrganization(ctx.db, input.orgId);
  const year = ctx.today().slice(0, 4);
  const work =
    input.work ??
    base.work.replace(/^(\/[^/]+\/[^/]+\/)[^/]+\/\d{4}\//, `$1${(org?.code ?? 'don-vi').toLowerCase()}/${year}/`);
  const r = deriveDraft(v.source_text, {
    work,
    title: input.title,
    expression: `vie@${year}-du-thao-1`,
    relation: 'superior',
    ...(input.roleMap ? { roleMap: input.roleMap } : {}),
    ...(input.bodies ? { bodies: input.bodies as Record<string, { name: string; part_of?: string }> } : {}),
  });
  if ('error' in r) throw invalidField('body.roleMap', `Dự thảo dựng ra không đọc được (dòng ${r.line}): ${r.error}`);
  return createRegulation(ctx, { orgId: input.orgId, text: r.text });
}
