import type { RequestContext } from '../http/context.js';

/**
 * Who may see what, as SQL where-clauses: each states for many rows the rule the kind's own load function applies
 * to one record (and its list endpoint to a page of them), so that a search finds nothing the record's page would
 * refuse. The search also runs those load functions on what it returns (search.service.ts): these clauses choose
 * the candidates, the load functions have the last word.
 */
export interface Scope {
  clearance: number;
  /** Organizations the user reads: ctx.coveredOrgs('read'). */
  read: string[];
  /** Organizations the user writes for: a consultation's recipient answers for them. */
  write: string[];
  personId: string | null;
}

export async function scopeOf(ctx: RequestContext): Promise<Scope> {
  return {
    clearance: ctx.user.clearance,
    read: await ctx.coveredOrgs('read'),
    write: await ctx.coveredOrgs('write'),
    personId: ctx.user.personId,
  };
}

/** Positional parameters collected while a query is written. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The record's organization is read by the user and its confidentiality is within the clearance (ctx.assertOrg). */
const ownOrg = (p: Params, s: Scope, a: string) =>
  `${a}.org_id = any(${p.add(s.read)}::uuid[]) and ${a}.confidentiality <= ${p.add(s.clearance)}`;

export const scopeSql = {
  /** loadMeeting (meeting.view.ts), listMeetings. A conclusion is read on its meeting's page: the same rule. */
  meeting: (p: Params, s: Scope, a = 'm') => ownOrg(p, s, a),
  /** loadTask (task.view.ts), listTasks: the assigning organization's, and the lead's. */
  task: (p: Params, s: Scope, a = 't') => {
    const read = p.add(s.read);
    return `${a}.confidentiality <= ${p.add(s.clearance)} and (${a}.org_id = any(${read}::uuid[]) or ${a}.lead_org_id = any(${read}::uuid[]))`;
  },
  /** loadProgram (program.service.ts). */
  program: (p: Params, s: Scope, a = 'p') => ownOrg(p, s, a),
  /** loadInspection (inspection.service.ts), listInspections: the deciding organization's, and the units it targets. */
  inspection: (p: Params, s: Scope, a = 'i') => {
    // One parameter per type: PostgreSQL deduces a single type for each.
    return `${a}.confidentiality <= ${p.add(s.clearance)} and (${a}.org_id = any(${p.add(s.read)}::uuid[])
      or exists (select 1 from jsonb_array_elements(${a}.targets) g where g->>'id' = any(${p.add(s.read)}::text[])))`;
  },
  /** loadRecommendation (recommendation.service.ts): the receiving organization's, and the sender's. */
  recommendation: (p: Params, s: Scope, a = 'r') => {
    const read = p.add(s.read);
    return `${a}.confidentiality <= ${p.add(s.clearance)} and (${a}.org_id = any(${read}::uuid[]) or ${a}.from_org_id = any(${read}::uuid[]))`;
  },
  /**
   * loadConsultation (consultation.service.ts), listConsultations: the consulting organization's, and a recipient's
   * who answers for it (a unit or body the user writes for, or the user in person).
   */
  consultation: (p: Params, s: Scope, a = 'c') => {
    const write = p.add(s.write);
    return `${a}.confidentiality <= ${p.add(s.clearance)} and (${a}.org_id = any(${p.add(s.read)}::uuid[])
      or exists (select 1 from consultation_recipient x left join body xb on xb.id = x.recipient_body_id
                  where x.consultation_id = ${a}.id and (x.recipient_org_id = any(${write}::uuid[]) or xb.org_id = any(${write}::uuid[]) or x.person_id = ${p.add(s.personId)}::uuid)))`;
  },
  /** loadRegulation (regulation.service.ts), listRegulations; its articles and clauses with it. */
  regulation: (p: Params, s: Scope, a = 'r') => ownOrg(p, s, a),
  /** loadReport (review-report.service.ts). */
  report: (p: Params, s: Scope, a = 'r') => ownOrg(p, s, a),
};
