import {
  addDays,
  consolidate,
  DEFAULT_CALENDAR,
  dueDate,
  formatDateVi,
  impactReport,
  parseRegulation,
} from '@quyche/core';
import type { Amendment, Regulation } from '@quyche/core';
import {
  amendmentsOf,
  getOrganization,
  insertRegulationImpact,
  regulationImpactFor,
  regulationImpactLeadBody,
  regulationImpactsOf,
  regulationImpactSupervisors,
  regulationsBasedOn,
  regulationVersionText,
  uuidv7,
  versionsOf,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { createTask } from './task.service.js';
import { unlessNoRule } from './regulation-in-force.js';

const parseOk = (text: string): Regulation | null => {
  const r = parseRegulation(text);
  return r.ok ? r.regulation : null;
};

/** The regulation as it stands on a date: the adopted version in force then, with the amendments in force by then. */
export async function regulationOn(
  sql: Sql,
  regulationId: string,
  at: string,
  extra: Amendment[] = [],
): Promise<Regulation | null> {
  const base = (await versionsOf(sql, regulationId))
    .filter((v) => ['adopted', 'consolidated'].includes(v.status) && v.in_force_from && v.in_force_from <= at)
    .at(-1);
  if (!base) return null;
  const text = (await regulationVersionText(sql, base.id))!.source_text;
  const reg = parseOk(text);
  if (!reg) return null;
  const amendments = [...(await amendmentsOf(sql, regulationId)).map((a) => a.parsed as Amendment), ...extra].filter(
    (a) => a.adopted_on >= (base.adopted_on ?? ''),
  );
  if (amendments.length === 0) return reg;
  try {
    return consolidate(reg, amendments, at).regulation;
  } catch {
    return reg;
  }
}

/** The regulations based on `work` (their front matter's based_on), each as in force on the date. */
async function subordinatesOf(sql: Sql, work: string, on: string) {
  const rows = await regulationsBasedOn(sql, work);
  const out: { id: string; orgId: string; title: string; regulation: Regulation }[] = [];
  for (const r of rows) {
    const reg = await regulationOn(sql, r.id, on);
    if (reg) out.push({ id: r.id, orgId: r.org_id, title: r.title, regulation: reg });
  }
  return out;
}

/** The BTV member who follows the subordinate's locality, else the one in charge of organization and personnel. */
async function supervisorFor(sql: Sql, superiorOrgId: string, subOrgId: string, on: string): Promise<string | null> {
  const rows = await regulationImpactSupervisors(sql, superiorOrgId, subOrgId, on);
  return rows[0]?.person_id ?? null;
}

/** The unit answering for a subordinate organization: its standing committee, else its executive committee. */
async function leadOf(sql: Sql, orgId: string) {
  return (await regulationImpactLeadBody(sql, orgId)) ?? null;
}

export interface ImpactLine {
  regulationId: string;
  orgId: string;
  orgName: string;
  title: string;
  findings: { code: string; severity: string; message: string; eId: string | null }[];
  taskId: string | null;
}

/**
 * When a superior regulation changes (an amendment, a new version adopted), the subordinates it makes inconsistent:
 * findings that were not there before; for each, once per cause, a task to revise the subordinate's regulation, with
 * the deadline the regulation gives (RA_SOAT_QUY_CHE_CAP_DUOI) and the BTV member following that locality.
 */
export async function applyImpact(
  ctx: RequestContext,
  tx: Sql,
  r: { id: string; org_id: string; work: string; title: string },
  before: Regulation,
  after: Regulation,
  cause: { key: string; label: string; effectiveOn: string },
): Promise<ImpactLine[]> {
  const subs = await subordinatesOf(tx, r.work, cause.effectiveOn);
  const report = impactReport(
    before,
    after,
    subs.map((s) => ({ id: s.id, regulation: s.regulation })),
  );
  const lines: ImpactLine[] = [];
  const tctx = ctx.withDb(tx);
  for (const x of report) {
    const s = subs.find((y) => y.id === x.id)!;
    const org = await getOrganization(tx, s.orgId);
    const findings = x.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      eId: f.eId || null,
    }));
    const existing = await regulationImpactFor(tx, cause.key, s.id);
    let taskId = existing?.task_id ?? null;
    if (!existing) {
      // No such deadline in the regulation: the task stays a draft naming it.
      const review = () =>
        dueDate(after, 'RA_SOAT_QUY_CHE_CAP_DUOI', cause.effectiveOn, DEFAULT_CALENDAR, 'regulation_in_force');
      const due = unlessNoRule(review)?.result.due ?? null;
      const lead = await leadOf(tx, s.orgId);
      const task = await createTask(
        tctx,
        {
          orgId: r.org_id,
          title: `Rà soát, sửa đổi ${s.title} cho phù hợp với ${cause.label}`,
          leads: lead ? [{ kind: 'unit', id: lead.id, name: lead.name }] : [],
          dueDate: due,
          supervisorPersonId: await supervisorFor(tx, r.org_id, s.orgId, cause.effectiveOn),
          decidingBody: 'BTV',
          product:
            `Quy chế làm việc của ${org?.short_name ?? org?.name ?? 'cấp ủy'} ` +
            `được sửa đổi, bổ sung, không trái ${r.title}`,
          accountability: findings
            .map((f) => f.message)
            .join('\n')
            .slice(0, 1000),
          sourceKind: 'regulation',
          sourceLabel: cause.label,
          assign: true,
        },
        null,
      );
      taskId = task.id;
      await insertRegulationImpact(tx, {
        id: uuidv7(),
        org_id: r.org_id,
        regulation_id: r.id,
        cause: cause.key,
        subordinate_regulation_id: s.id,
        findings: JSON.stringify(findings),
        task_id: taskId,
      });
    }
    lines.push({ regulationId: s.id, orgId: s.orgId, orgName: org?.name ?? '', title: s.title, findings, taskId });
  }
  return lines;
}

/** The impact already recorded for a regulation (amendments and versions), newest first. */
export async function impactOf(ctx: RequestContext, regulationId: string) {
  const rows = await regulationImpactsOf(ctx.db, regulationId);
  const byCause = new Map<string, ImpactLine[]>();
  for (const x of rows) {
    const org = await getOrganization(ctx.db, x.org_id);
    byCause.set(x.cause, [
      ...(byCause.get(x.cause) ?? []),
      {
        regulationId: x.subordinate_regulation_id,
        orgId: x.org_id,
        orgName: org?.name ?? '',
        title: x.title,
        findings: x.findings as ImpactLine['findings'],
        taskId: x.task_id,
      },
    ]);
  }
  return [...byCause.entries()].map(([cause, subordinates]) => ({ cause, subordinates }));
}

/** The impact of an amendment: the regulation the day before it comes into force, and with it. */
export async function amendmentImpact(
  ctx: RequestContext,
  tx: Sql,
  r: { id: string; org_id: string; work: string; title: string },
  a: Amendment,
) {
  const before = await regulationOn(tx, r.id, addDays(a.in_force_from, -1));
  const after = await regulationOn(tx, r.id, a.in_force_from);
  if (!before || !after) return [];
  const label = `${a.title ?? `văn bản ${a.work} sửa đổi ${r.title}`} (hiệu lực từ ${formatDateVi(a.in_force_from)})`;
  return applyImpact(ctx, tx, r, before, after, { key: `amendment:${a.work}`, label, effectiveOn: a.in_force_from });
}
