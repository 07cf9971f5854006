import {
  AmendmentError,
  ask as askEngine,
  comparisonTableMarkdown,
  consolidate,
  DEFAULT_CALENDAR,
  diffRegulations,
  EngineError,
  lint,
  ProblemError,
  runScenarios,
  ruleViolation,
} from '@quyche/core';
import type { Amendment } from '@quyche/core';
import { amendmentsOf, getOrganization, getVersion, versionInForce, versionsOf } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { comparisonTableDocx, reportHeaderOf } from '../reports/party-document.docx.js';
import { elementView, loadRegulation, parseOr400, toVersion } from './regulation.service.js';

/** A regulation's versions read: one with its checks, asked a question, compared, consolidated on a date. */

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
    throw ruleViolation(
      'KHONG_CO_PHIEN_BAN_HIEU_LUC',
      `Không có phiên bản quy chế nào có hiệu lực ngày ${q.at}`,
      'body.at',
    );
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
    throw ruleViolation(
      'KHONG_CO_PHIEN_BAN_HIEU_LUC',
      `Không có phiên bản được thông qua có hiệu lực ngày ${at}`,
      'query.at',
    );
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
    ...reportHeaderOf(org),
    date: ctx.today(),
    summary: `giữa ${r.title} (phiên bản ${a.expression}) và phiên bản ${b.expression}`,
  });
}
