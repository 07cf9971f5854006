import { createHash } from 'node:crypto';
import {
  citeVi,
  diffParagraphs,
  diffRegulations,
  documentParagraphs,
  parseRegulation,
  pinWIds,
  printRegulation,
  ProblemError,
  replaceElementText,
  resolveAnchor,
  setFrontMatter,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { NextVersionSchema, Regulation } from '@quyche/core';
import {
  consultationTakenExpressions,
  getRegulation,
  getVersion,
  insertConsultationRevision,
  uuidv7,
} from '@quyche/db';
import type { ConsultationCommentRow, ConsultationRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { assertNoBlockers, blockersOf, consistencyWithSuperior } from './consultation.checks.js';
import { notifyConsultation } from './consultation.live.js';
import { loadConsultationWithComments, versionRegulation } from './consultation.load.js';
import { getConsultation } from './consultation.service.js';
import { updateVersioned } from './sql-update.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function nextExpression(current: string, taken: Set<string>): string {
  const m = /^(.*?)(?:-(\d+))?$/.exec(current)!;
  for (let n = Number(m[2] ?? 1) + 1; ; n++) {
    const e = `${m[1]}-${n}`;
    if (!taken.has(e)) return e;
  }
}

/**
 * The next version (bản chỉnh lý): the draft circulated with every provision pinned to its permanent id, the accepted
 * wording edited in; or the text the drafting team gives. Blocked while a comment awaits its disposition or a
 * recipient has neither answered nor been marked as not answering.
 */
export async function nextVersion(ctx: RequestContext, id: string, input: In<typeof NextVersionSchema>) {
  const { c, recipients, comments, manage } = await loadConsultationWithComments(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến chỉnh lý dự thảo' });
  if (!['open', 'revised'].includes(c.state))
    throw ruleViolation('DA_TRINH_THONG_QUA', 'Dự thảo đã trình thông qua', 'params.id');
  assertNoBlockers(blockersOf(c, recipients, comments, ctx.today()));
  if (c.document_text !== null) return nextDocument(ctx, c, comments, input);
  const r = (await getRegulation(ctx.db, c.regulation_id!))!;
  const { text: draftText } = await versionRegulation(ctx.db, c.version_id!);
  const draft = parseRegulation(draftText);
  if (!draft.ok) throw new ProblemError('RULE_VIOLATION', { code: 'DU_THAO_LOI', detail: draft.error.message });
  const applied: { commentId: string; eId: string; cite: string }[] = [];
  let reg: Regulation;
  if (input.text) {
    const p = parseRegulation(input.text);
    if (!p.ok)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.text',
        detail: `Dòng ${p.error.line}, cột ${p.error.column}: ${p.error.message}`,
        line: p.error.line,
        column: p.error.column,
      });
    reg = p.regulation;
    if (reg.frontMatter.work && reg.frontMatter.work !== r.work)
      throw invalidField('body.text', `Văn bản thuộc quy chế ${reg.frontMatter.work}, không phải ${r.work}`);
  } else {
    reg = pinWIds(draft.regulation);
    for (const x of comments.filter((y) => y.adopted_text && y.disposition && y.disposition !== 'not_accepted')) {
      const e = resolveAnchor(reg, { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote }).element;
      if (!e || (e.kind !== 'clause' && e.kind !== 'point')) continue;
      replaceElementText(reg, e.wId, x.adopted_text!);
      applied.push({ commentId: x.id, eId: e.eId, cite: citeVi(e.shortId) });
    }
  }
  const taken = new Set(await consultationTakenExpressions(ctx.db, r.id));
  const prev = c.next_version_id
    ? (await getVersion(ctx.db, c.next_version_id))!.expression
    : (await getVersion(ctx.db, c.version_id!))!.expression;
  const expression = input.expression ?? nextExpression(prev, taken);
  if (taken.has(expression))
    throw new ProblemError('DUPLICATE', { field: 'body.expression', detail: `Quy chế đã có phiên bản ${expression}` });
  setFrontMatter(reg, { expression, status: 'draft' });
  const text = printRegulation(reg);
  const check = parseRegulation(text);
  if (!check.ok)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DU_THAO_LOI',
      detail: `Bản chỉnh lý không đọc lại được: dòng ${check.error.line}: ${check.error.message}`,
    });
  const vid = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await insertConsultationRevision(tx, {
      id: vid,
      regulation_id: r.id,
      org_id: r.org_id,
      expression,
      status: 'draft',
      source_text: text,
      sha256: sha256(text),
      parsed: JSON.stringify({ frontMatter: check.regulation.frontMatter, rules: check.regulation.rules }),
      created_by: ctx.user.id,
    });
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'revised',
      next_version_id: vid,
      memo: input.memo,
    });
    await notifyConsultation(tx, id);
    await ctx.auditChange(tx, 'revise', ['consultation', id, c.org_id], {
      before: { state: c.state, nextVersionId: c.next_version_id },
      after: { state: after['state'], nextVersionId: vid, expression, applied: applied.length },
    });
  });
  // The draft as circulated (the one above was pinned and edited in place).
  const circulated = parseRegulation(draftText);
  const comparison = circulated.ok ? diffRegulations(circulated.regulation, check.regulation) : [];
  const consistency = await consistencyWithSuperior(ctx.db, check.regulation, ctx.today());
  // The wording changed, the rules under it did not: the drafting team checks that they still say the same.
  const rulesToReview = applied
    .map((a) => ({
      cite: a.cite,
      eId: a.eId,
      ruleIds: check.regulation.rules.filter((r) => r.basis === a.eId).map((r) => r.id),
    }))
    .filter((x, i, all) => x.ruleIds.length > 0 && all.findIndex((y) => y.eId === x.eId) === i);
  return {
    consultation: await getConsultation(ctx, id),
    versionId: vid,
    expression,
    applied,
    comparison: comparison as unknown as Record<string, unknown>[],
    consistency,
    rulesToReview,
  };
}

/** A document's next version: the paragraphs with the accepted wording, or the text the drafting team gives. */
async function nextDocument(
  ctx: RequestContext,
  c: ConsultationRow,
  comments: ConsultationCommentRow[],
  input: In<typeof NextVersionSchema>,
) {
  const before = documentParagraphs(c.document_text!);
  const applied: { commentId: string; eId: string; cite: string }[] = [];
  let after: string[];
  if (input.text) after = documentParagraphs(input.text);
  else {
    after = [...before];
    for (const x of comments.filter((y) => y.adopted_text && y.disposition && y.disposition !== 'not_accepted')) {
      const n = Number(/^doan_(\d+)$/.exec(x.anchor_wid ?? '')?.[1] ?? 0);
      if (n < 1 || n > after.length) continue;
      after[n - 1] = x.adopted_text!.replace(/\s+/g, ' ').trim();
      applied.push({ commentId: x.id, eId: x.anchor_wid!, cite: `đoạn ${n}` });
    }
  }
  if (after.length === 0) throw invalidField('body.text', 'Bản chỉnh lý trống');
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, 'consultation', c.id, input.version, {
      state: 'revised',
      next_document_text: after.join('\n'),
      memo: input.memo,
    });
    await notifyConsultation(tx, c.id);
    await ctx.auditChange(tx, 'revise', ['consultation', c.id, c.org_id], {
      before: { state: c.state },
      after: { state: row['state'], paragraphs: after.length, applied: applied.length },
    });
  });
  return {
    consultation: await getConsultation(ctx, c.id),
    versionId: null,
    expression: 'Bản chỉnh lý',
    applied,
    comparison: diffParagraphs(before, after) as unknown as Record<string, unknown>[],
    consistency: [],
    rulesToReview: [],
  };
}
