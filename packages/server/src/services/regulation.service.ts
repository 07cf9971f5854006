import { parseInPool } from '../files/file.pool.js';
import { createHash } from 'node:crypto';
import {
  AmendmentError,
  ask as askEngine,
  comparisonTableMarkdown,
  consolidate,
  diffRegulations,
  EngineError,
  lint,
  parseAmendment,
  parseRegulation,
  ProblemError,
  RegulationParseError,
  runScenarios,
  DEFAULT_CALENDAR,
  deriveDraft,
} from '@quyche/core';
import type { Amendment, ElementView, RegElement, Regulation } from '@quyche/core';
import {
  amendmentsOf,
  getRegulation,
  getRegulationByWork,
  getVersion,
  listRegulations as listRepo,
  uuidv7,
  versionInForce,
  versionsOf,
} from '@quyche/db';
import type { RegulationVersionRow } from '@quyche/db';
import { foldVietnamese, todayInVietnam } from '@quyche/core';
import { getOrganization, orgChainUp } from '@quyche/db';
import { comparisonTableDocx } from '../reports/party-document.docx.js';
import type { RequestContext } from '../http/context.js';
import { amendmentImpact } from './regulation-impact.service.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Parses or answers 400 naming the line and column, as the CLI does. */
function parseOr400(text: string): Regulation {
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

const toVersion = (
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
  const r = await getRegulation(ctx.db, id);
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy quy chế' });
  await ctx.assertOrg(r.org_id, action, r.confidentiality);
  return r;
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
  const dup = (
    await tx.query('select 1 from regulation_version where regulation_id = $1 and expression = $2', [
      regulationId,
      expression,
    ])
  ).rows;
  if (dup.length)
    throw new ProblemError('DUPLICATE', {
      field: 'body.text',
      detail: `Quy chế đã có phiên bản ${expression}: đổi "expression" ở phần đầu`,
    });
  const row = (
    await tx.query<RegulationVersionRow>(
      `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed, adopted_on, in_force_from, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) returning *`,
      [
        id,
        regulationId,
        orgId,
        expression,
        String(fm.status ?? 'draft'),
        text,
        sha256(text),
        JSON.stringify({ frontMatter: fm, rules: reg.rules }),
        fm.adopted_on ?? null,
        fm.in_force_from ?? null,
        ctx.user.id,
      ],
    )
  ).rows[0]!;
  if (audited)
    await ctx.audit(tx, {
      action: 'create',
      entity: 'regulation_version',
      entityId: id,
      orgId,
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
  if (!work)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.text',
      detail: 'Phần đầu quy chế thiếu "work" (mã định danh của quy chế)',
    });
  if (await getRegulationByWork(ctx.db, work))
    throw new ProblemError('DUPLICATE', {
      field: 'body.text',
      detail: `Đã có quy chế ${work}: thêm phiên bản mới vào quy chế đó`,
    });
  const title = String(reg.frontMatter.title ?? work);
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await tx.query(
      'insert into regulation (id, org_id, work, title, confidentiality, search_text) values ($1,$2,$3,$4,$5,$6)',
      [id, input.orgId, work, title, input.confidentiality ?? 0, foldVietnamese(`${title} ${work}`)],
    );
    // One write, one audit entry: the regulation with its first version.
    const v = await insertVersion(ctx, tx, id, input.orgId, input.text, reg, false);
    await ctx.audit(tx, {
      action: 'create',
      entity: 'regulation',
      entityId: id,
      orgId: input.orgId,
      after: { work, title, version: { id: v.id, expression: v.expression, status: v.status, sha256: v.sha256 } },
    });
    return toVersion(v);
  });
}

export async function addVersion(ctx: RequestContext, id: string, text: string) {
  const r = await loadRegulation(ctx, id, 'write');
  const reg = parseOr400(text);
  if (reg.frontMatter.work && reg.frontMatter.work !== r.work) {
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.text',
      detail: `Phiên bản thuộc quy chế ${reg.frontMatter.work}, không phải ${r.work}`,
    });
  }
  return ctx.db.transaction(async (tx) => toVersion(await insertVersion(ctx, tx, id, r.org_id, text, reg)));
}

export async function addAmendment(ctx: RequestContext, id: string, text: string) {
  const r = await loadRegulation(ctx, id, 'write');
  let a: Amendment;
  try {
    a = parseAmendment(text);
  } catch (e) {
    if (e instanceof RegulationParseError)
      throw new ProblemError('VALIDATION_FAILED', { field: 'body.text', detail: e.message });
    throw e;
  }
  if (a.amends !== r.work)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.text',
      detail: `Văn bản sửa đổi quy chế ${a.amends}, không phải ${r.work}`,
    });
  const newId = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await tx.query(
      'insert into regulation_amendment (id, regulation_id, org_id, work, title, source_text, parsed, adopted_on, in_force_from, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
      [
        newId,
        id,
        r.org_id,
        a.work,
        a.title ?? null,
        text,
        JSON.stringify(a),
        a.adopted_on,
        a.in_force_from,
        ctx.user.id,
      ],
    );
    // The subordinates it makes inconsistent, each with a task to revise its regulation.
    const impact = await amendmentImpact(ctx, tx, r, a);
    await ctx.audit(tx, {
      action: 'create',
      entity: 'regulation_amendment',
      entityId: newId,
      orgId: r.org_id,
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

async function loadVersion(ctx: RequestContext, regulationId: string, versionId: string) {
  await loadRegulation(ctx, regulationId);
  const v = await getVersion(ctx.db, versionId);
  if (!v || v.regulation_id !== regulationId)
    throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy phiên bản' });
  return v;
}

export async function getVersionDetail(ctx: RequestContext, regulationId: string, versionId: string) {
  const v = await loadVersion(ctx, regulationId, versionId);
  const reg = parseOr400(v.source_text);
  return {
    ...toVersion(v),
    text: v.source_text,
    frontMatter: reg.frontMatter as Record<string, unknown>,
    chapters: reg.chapters.map(elementView),
    rules: reg.rules as unknown as Record<string, unknown>[],
    tests: runScenarios(reg, DEFAULT_CALENDAR).map((t) => ({
      name: t.name,
      passed: t.passed,
      line: t.line,
      ...(t.error ? { error: t.error } : {}),
    })),
    findings: lint(reg),
  };
}

export async function askRegulation(
  ctx: RequestContext,
  regulationId: string,
  q: { ask: string; at: string; input: Record<string, unknown>; versionId?: string | undefined },
) {
  await loadRegulation(ctx, regulationId);
  // The legal date picks the version in force then; an explicit version answers as that text says.
  const v = q.versionId
    ? await loadVersion(ctx, regulationId, q.versionId)
    : await versionInForce(ctx.db, regulationId, q.at);
  if (!v)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CO_PHIEN_BAN_HIEU_LUC',
      field: 'body.at',
      detail: `Không có phiên bản quy chế nào có hiệu lực ngày ${q.at}`,
    });
  const reg = parseOr400(v.source_text);
  try {
    const a = askEngine(reg, { ask: q.ask, at: q.at, input: q.input }, DEFAULT_CALENDAR);
    return {
      result: a.result,
      ruleIds: a.ruleIds,
      eIds: a.eIds,
      reason_vi: a.reason_vi,
      versionId: v.id,
      expression: v.expression,
    };
  } catch (e) {
    if (e instanceof EngineError) {
      throw new ProblemError('RULE_VIOLATION', {
        code: `ENGINE_${e.code}`,
        title:
          e.code === 'NO_RULE'
            ? 'Quy chế không có quy định trả lời câu hỏi này'
            : e.code === 'CONFLICT'
              ? 'Quy chế có các quy định mâu thuẫn'
              : 'Câu hỏi không hợp lệ',
        detail: e.reason_vi,
        field: 'body.input',
        ruleIds: e.ruleIds,
      });
    }
    throw e;
  }
}

export async function diffVersions(ctx: RequestContext, regulationId: string, fromId: string, toId: string) {
  const [a, b] = [await loadVersion(ctx, regulationId, fromId), await loadVersion(ctx, regulationId, toId)];
  const rows = diffRegulations(parseOr400(a.source_text), parseOr400(b.source_text));
  return { rows, markdown: comparisonTableMarkdown(rows) };
}

export async function consolidatedAt(ctx: RequestContext, regulationId: string, at: string) {
  await loadRegulation(ctx, regulationId);
  const base = (await versionsOf(ctx.db, regulationId))
    .filter((v) => v.status === 'adopted' && v.in_force_from && v.in_force_from <= at)
    .at(-1);
  if (!base)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CO_PHIEN_BAN_HIEU_LUC',
      field: 'query.at',
      detail: `Không có phiên bản được thông qua có hiệu lực ngày ${at}`,
    });
  const full = (await getVersion(ctx.db, base.id))!;
  const amendments = (await amendmentsOf(ctx.db, regulationId))
    .map((a) => a.parsed as Amendment)
    .filter((a) => a.adopted_on >= (base.adopted_on ?? ''));
  try {
    const c = consolidate(parseOr400(full.source_text), amendments, at);
    return {
      at,
      text: c.text,
      provenance: c.provenance,
      pending: c.pending.map((p) => ({
        work: p.amendment.work,
        date: p.date,
        op: p.effect.op,
        target: p.effect.target ?? p.effect.target_rule ?? null,
      })),
    };
  } catch (e) {
    if (e instanceof AmendmentError) throw new ProblemError('RULE_VIOLATION', { code: e.code, detail: e.message });
    throw e;
  }
}

export async function comparisonDocx(ctx: RequestContext, regulationId: string, fromId: string, toId: string) {
  const r = await loadRegulation(ctx, regulationId);
  const [a, b] = [await loadVersion(ctx, regulationId, fromId), await loadVersion(ctx, regulationId, toId)];
  const rows = diffRegulations(parseOr400(a.source_text), parseOr400(b.source_text));
  const org = await getOrganization(ctx.db, r.org_id);
  return comparisonTableDocx({
    rows,
    issuer: org?.short_name ?? org?.name ?? '',
    symbol: `Số      -BC/${org?.symbol ?? ''}`,
    place: (org?.name ?? '').replace(/^Đảng bộ (tỉnh|xã|phường|thành phố)\s*/u, '') || 'An Lạc',
    date: todayInVietnam(),
    summary: `giữa ${r.title} (phiên bản ${a.expression}) và phiên bản ${b.expression}`,
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
  if (!v || !base)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.fromVersionId',
      detail: 'Không tìm thấy phiên bản quy chế cấp trên',
    });
  const chain = await orgChainUp(ctx.db, input.orgId);
  if (!chain.slice(1).includes(base.org_id))
    throw new ProblemError('FORBIDDEN', {
      field: 'body.fromVersionId',
      detail: 'Chỉ dựng dự thảo từ quy chế của cấp ủy cấp trên',
    });
  ctx.assertClearance(base.confidentiality);
  const org = await getOrganization(ctx.db, input.orgId);
  const year = todayInVietnam().slice(0, 4);
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
  if ('error' in r)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.roleMap',
      detail: `Dự thảo dựng ra không đọc được (dòng ${r.line}): ${r.error}`,
    });
  return createRegulation(ctx, { orgId: input.orgId, text: r.text });
}
