import {
  foldVietnamese,
  formatDateVi,
  INSPECTION_KIND_LABELS,
  INSPECTION_STATE_LABELS,
  INSPECTION_STATES,
  inspectionStepProblems,
  ProblemError,
  TEAM_ROLE_LABELS,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { InspectionFacts } from '@quyche/core';
import type {
  CreateInspectionSchema,
  InspectionListQuerySchema,
  InspectionStepSchema,
  UpdateInspectionSchema,
} from '@quyche/core';
import {
  getPerson,
  inspectionById,
  inspectionOpenRemedyTitles,
  inspectionPlanItem,
  inspectionProgram,
  inspectionRecommendations,
  inspectionTeamNames,
  insertInspection,
  listInspectionIdsForOrg,
  orgsCovered,
  touchInspection,
} from '@quyche/db';
import type { InspectionRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { issuerOn, numberDocument } from './document.service.js';
import { competence, regulationFor } from './regulation-in-force.js';
import { updateVersioned } from './sql-update.js';
import { createTask } from './task.service.js';
import { tasksBySource } from './task.view.js';
import { createAudited } from './record.create.js';

/**
 * The inspection commission acts on its own powers (Điều lệ Đảng, Điều 32);
 * other bodies decide teams under the regulation.
 */
const OWN_POWERS = 'UBKT';

export async function loadInspection(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  const r = await inspectionById(ctx.db, id);
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy cuộc kiểm tra, giám sát' });
  // The units inspected read it too (its findings and conclusion concern them); only the deciding organization writes.
  if (action === 'read' && !(await ctx.can(r.org_id, 'read', r.confidentiality))) {
    for (const target of r.targets ?? [])
      if (target.id && (await ctx.can(target.id, 'read', r.confidentiality))) return r;
  }
  await ctx.assertOrg(r.org_id, action, r.confidentiality);
  return r;
}

async function checkTeam(ctx: RequestContext, team: { personId: string }[] | undefined) {
  for (const [i, m] of (team ?? []).entries()) {
    const p = await getPerson(ctx.db, m.personId);
    if (!p || !(await ctx.can(p.org_id, 'read', p.confidentiality)))
      throw invalidField(`body.team.${i}.personId`, 'Không tìm thấy người này');
  }
}

async function competenceOf(ctx: RequestContext, orgId: string, decidingBody: string, on: string) {
  const reg = (await regulationFor(ctx.db, orgId, on))?.reg;
  if (!reg) return null;
  if (!(decidingBody in (reg.frontMatter.bodies ?? {})) && !(decidingBody in (reg.frontMatter.roles ?? {}))) {
    throw invalidField(
      'body.decidingBody',
      `Quy chế không có cơ quan "${decidingBody}" (ví dụ ` + `${Object.keys(reg.frontMatter.bodies ?? {}).join(', ')})`,
    );
  }
  if (decidingBody === OWN_POWERS)
    return {
      ok: true,
      reason_vi: 'Ủy ban Kiểm tra quyết định kiểm tra, giám sát theo thẩm quyền của mình (Điều lệ Đảng, Điều 32)',
      ruleIds: [],
      eIds: [],
    };
  const name = reg.frontMatter.bodies?.[decidingBody]?.name ?? reg.frontMatter.roles?.[decidingBody] ?? decidingBody;
  return competence(reg, decidingBody, name, 'DOAN_KIEM_TRA', {}, on);
}

export async function createInspection(ctx: RequestContext, input: In<typeof CreateInspectionSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  if (input.programItemId) {
    const it = await inspectionPlanItem(ctx.db, input.programItemId);
    if (!it || it.org_id !== input.orgId)
      throw invalidField('body.programItemId', 'Không tìm thấy mục chương trình này trong tổ chức');
    if (it.kind !== 'inspection')
      throw invalidField(
        'body.programItemId',
        'Mục này thuộc chương trình làm việc, không phải chương trình kiểm tra, giám sát',
      );
  }
  await checkTeam(ctx, input.team);
  const check = await competenceOf(ctx, input.orgId, input.decidingBody, ctx.today());
  const id = await createAudited(ctx, 'inspection', input.orgId, input, (tx, id) =>
    insertInspection(tx, {
      id,
      org_id: input.orgId,
      program_item_id: input.programItemId ?? null,
      kind: input.kind,
      title: input.title,
      deciding_body: input.decidingBody,
      team: JSON.stringify(input.team ?? []),
      targets: JSON.stringify(input.targets ?? []),
      window_from: input.windowFrom ?? null,
      window_to: input.windowTo ?? null,
      competence: check ? JSON.stringify(check) : null,
      confidentiality: input.confidentiality ?? 0,
      search_text: foldVietnamese(input.title),
    }),
  );
  return getInspection(ctx, id);
}

export async function updateInspection(ctx: RequestContext, id: string, input: In<typeof UpdateInspectionSchema>) {
  const r = await loadInspection(ctx, id, 'write');
  if (r.state === 'concluded' || r.state === 'verified' || r.state === 'cancelled')
    throw ruleViolation(
      'BUOC_KIEM_TRA',
      `Cuộc kiểm tra, giám sát ${INSPECTION_STATE_LABELS[r.state].vi.toLocaleLowerCase('vi')}: không sửa`,
    );
  if (input.findings && r.state !== 'in_progress')
    throw ruleViolation('BUOC_KIEM_TRA', 'Kết quả được ghi khi đang tiến hành kiểm tra, giám sát', 'body.findings');
  if ((input.team || input.targets) && r.state !== 'planned')
    throw ruleViolation(
      'BUOC_KIEM_TRA',
      'Đoàn và đối tượng đã có quyết định: không sửa',
      input.team ? 'body.team' : 'body.targets',
    );
  await checkTeam(ctx, input.team);
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'inspection', id, input.version, {
      title: input.title,
      search_text: input.title ? foldVietnamese(input.title) : undefined,
      team: input.team ? JSON.stringify(input.team) : undefined,
      targets: input.targets ? JSON.stringify(input.targets) : undefined,
      window_from: input.windowFrom,
      window_to: input.windowTo,
      findings: input.findings
        ? JSON.stringify(input.findings.map((f) => ({ ...f, violation: f.violation ?? false })))
        : undefined,
    });
    await touchInspection(tx, id);
    await ctx.auditChange(tx, 'update', ['inspection', id, r.org_id], { before: r, after });
  });
  return getInspection(ctx, id);
}

async function openRemedies(ctx: RequestContext, id: string) {
  return inspectionOpenRemedyTitles(ctx.db, id);
}

const factsOf = (r: InspectionRow, open: string[]): InspectionFacts => ({
  state: r.state,
  team: r.team,
  targets: r.targets,
  windowFrom: r.window_from,
  windowTo: r.window_to,
  decidedOn: r.decided_on,
  findings: r.findings,
  conclusionText: r.conclusion_text,
  concludedOn: r.concluded_on,
  openRemedies: open,
});

/**
 * One step of an inspection: the team decision (numbered QĐ of the organization unless the commission numbers its
 * own), the start, the conclusion with its remediation tasks, the verification once those are done, or cancellation.
 */
export async function stepInspection(ctx: RequestContext, id: string, input: In<typeof InspectionStepSchema>) {
  const r = await loadInspection(ctx, id, 'write');
  const next: InspectionRow = { ...r };
  if (input.to === 'decided') Object.assign(next, { decided_on: input.decidedOn });
  if (input.to === 'concluded')
    Object.assign(next, { concluded_on: input.concludedOn, conclusion_text: input.conclusionText });
  const problems = inspectionStepProblems(
    factsOf(next, input.to === 'verified' ? await openRemedies(ctx, id) : []),
    input.to,
  );
  if (input.to === 'verified' && r.concluded_on && input.verifiedOn < r.concluded_on)
    problems.push(
      `Ngày kiểm tra việc khắc phục (${formatDateVi(input.verifiedOn)}) ` +
        `trước ngày kết luận (${formatDateVi(r.concluded_on)})`,
    );
  if (problems.length) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'BUOC_KIEM_TRA',
      title: `Chưa chuyển được sang "${INSPECTION_STATE_LABELS[input.to].vi}"`,
      field: 'body.to',
      detail: problems.join('; '),
      errors: problems.map((message) => ({ field: 'body.to', message })),
    });
  }
  const numbered = r.deciding_body !== OWN_POWERS;
  const issuer =
    numbered &&
    ((input.to === 'decided' && !input.decisionSymbol) || (input.to === 'concluded' && !input.conclusionSymbol))
      ? await issuerOn(
          ctx,
          r.org_id,
          input.to === 'decided' ? input.decidedOn : (input as { concludedOn: string }).concludedOn,
          'body',
        )
      : null;
  await ctx.db.transaction(async (tx) => {
    const fields: Record<string, unknown> = { state: input.to };
    // The symbol typed in, or the issuer's next number in its register, the document so numbered linked.
    const symbolOf = async (given: string | null | undefined, type: 'QĐ' | 'TB', title: string, issuedOn: string) => {
      if (!issuer || given) return given ?? null;
      const doc = await numberDocument(ctx, tx, {
        ...issuer,
        type,
        title,
        issuedOn,
        confidentiality: r.confidentiality,
      });
      fields[type === 'QĐ' ? 'decision_document_id' : 'conclusion_document_id'] = doc.id;
      return doc.symbol;
    };
    if (input.to === 'decided') {
      const title = `Quyết định thành lập Đoàn ${r.title}`;
      const symbol = await symbolOf(input.decisionSymbol, 'QĐ', title, input.decidedOn);
      Object.assign(fields, { decided_on: input.decidedOn, decision_symbol: symbol });
    }
    if (input.to === 'concluded') {
      const title = `Thông báo kết luận ${r.title}`;
      const symbol = await symbolOf(input.conclusionSymbol, 'TB', title, input.concludedOn);
      Object.assign(fields, {
        concluded_on: input.concludedOn,
        conclusion_text: input.conclusionText,
        conclusion_symbol: symbol,
      });
      const tctx = ctx.withDb(tx);
      for (const [i, rem] of (input.remedies ?? []).entries()) {
        try {
          await createTask(
            tctx,
            {
              orgId: r.org_id,
              title: rem.title,
              leads: rem.leads,
              dueDate: rem.dueDate,
              supervisorPersonId: rem.supervisorPersonId ?? null,
              decidingBody: r.deciding_body,
              product: rem.product ?? 'Báo cáo kết quả khắc phục',
              sourceKind: 'inspection',
              sourceLabel: symbol ? `${symbol} – ${r.title}` : r.title,
              confidentiality: r.confidentiality,
              assign: true,
            },
            r.id,
          );
        } catch (e) {
          if (e instanceof ProblemError)
            throw new ProblemError({
              ...e.problem,
              field: (e.problem.field ?? 'body').replace(/^body/, `body.remedies.${i}`),
            });
          throw e;
        }
      }
    }
    if (input.to === 'verified')
      Object.assign(fields, { verified_on: input.verifiedOn, verification_text: input.verificationText });
    const after = await updateVersioned(tx, 'inspection', id, input.version, fields);
    await touchInspection(tx, id);
    await ctx.auditChange(tx, input.to === 'cancelled' ? 'cancel' : 'transition', ['inspection', id, r.org_id], {
      before: { state: r.state },
      after: {
        ...after,
        note: 'note' in input ? input.note : undefined,
        remedies: input.to === 'concluded' ? (input.remedies?.length ?? 0) : undefined,
      },
    });
  });
  return getInspection(ctx, id);
}

export async function getInspection(ctx: RequestContext, id: string) {
  const r = await loadInspection(ctx, id);
  const names = new Map(
    (
      await inspectionTeamNames(
        ctx.db,
        r.team.map((m) => m.personId),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  const program = r.program_item_id ? await inspectionProgram(ctx.db, r.program_item_id) : undefined;
  const reg = (await regulationFor(ctx.db, r.org_id, ctx.today()))?.reg;
  const remedies = (await tasksBySource(ctx, 'inspection', [id])).get(id) ?? [];
  const recs = await inspectionRecommendations(ctx.db, id, ctx.user.clearance);
  const open = remedies
    .filter((t) => ['draft', 'assigned', 'in_progress', 'reported'].includes(t.state))
    .map((t) => t.title);
  const steps = INSPECTION_STATES.filter((s) => s !== r.state)
    .map((to) => ({ to, problems: inspectionStepProblems(factsOf(r, open), to) }))
    .filter((s) => !s.problems[0]?.startsWith('Không chuyển được'));
  return {
    id: r.id,
    orgId: r.org_id,
    programItemId: r.program_item_id,
    programTitle: program?.title ?? null,
    // The program's page is for those who may read the inspecting organization (an inspected unit sees its title).
    programId: program && (await ctx.can(r.org_id, 'read')) ? program.id : null,
    programSymbol: program?.symbol ?? null,
    kind: r.kind,
    kindLabel: INSPECTION_KIND_LABELS[r.kind]?.vi ?? r.kind,
    title: r.title,
    decidingBody: r.deciding_body,
    decidingBodyName:
      reg?.frontMatter.bodies?.[r.deciding_body]?.name ?? reg?.frontMatter.roles?.[r.deciding_body] ?? r.deciding_body,
    decisionSymbol: r.decision_symbol,
    decidedOn: r.decided_on,
    team: r.team.map((m) => ({
      personId: m.personId,
      name: names.get(m.personId) ?? '',
      role: m.role,
      roleLabel: TEAM_ROLE_LABELS[m.role],
    })),
    targets: r.targets,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    findings: r.findings.map((f) => ({ target: f.target, text: f.text, violation: f.violation ?? false })),
    conclusionText: r.conclusion_text,
    conclusionSymbol: r.conclusion_symbol,
    concludedOn: r.concluded_on,
    verifiedOn: r.verified_on,
    verificationText: r.verification_text,
    state: r.state,
    stateLabel: INSPECTION_STATE_LABELS[r.state].vi,
    competence: r.competence,
    remedies,
    recommendations: recs,
    nextSteps: steps,
    confidentiality: r.confidentiality,
    version: r.version,
  };
}

export async function listInspections(ctx: RequestContext, q: In<typeof InspectionListQuerySchema>) {
  const ids = await listInspectionIdsForOrg(ctx.db, {
    ...(await ctx.readScope(q.orgId)),
    state: q.state ?? null,
    year: q.year ?? null,
    covered: await orgsCovered(ctx.db, [q.orgId]),
  });
  const out = [];
  for (const id of ids) out.push(await getInspection(ctx, id));
  return out;
}
