import { sql as q } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/**
 * Who may see what, as SQL conditions: each states for many rows the rule the kind's own load function applies
 * to one record (and its list endpoint to a page of them), so that a search finds nothing the record's page would
 * refuse. The search also runs those load functions on what it returns (the server's search.service.ts): these
 * conditions choose the candidates, the load functions have the last word.
 */
export interface SearchScope {
  clearance: number;
  /** Organizations the user reads: ctx.coveredOrgs('read'). */
  read: string[];
  /** Organizations the user writes for: a consultation's recipient answers for them. */
  write: string[];
  personId: string | null;
}

type Condition = RawBuilder<SqlBool>;

/** The record's organization is read by the user and its confidentiality is within the clearance (ctx.assertOrg). */
const ownOrg = (s: SearchScope, alias: string): Condition => {
  const a = q.table(alias);
  return q`${a}.org_id = any(${s.read}::uuid[]) and ${a}.confidentiality <= ${s.clearance}`;
};

export const searchScope = {
  /** loadMeeting, listMeetings. A conclusion is read on its meeting's page: the same rule. */
  meeting: (s: SearchScope, alias = 'm') => ownOrg(s, alias),
  /** loadTask, listTasks: the assigning organization's, and the lead's. */
  task: (s: SearchScope, alias = 't'): Condition => {
    const a = q.table(alias);
    return q`${a}.confidentiality <= ${s.clearance} and (${a}.org_id = any(${s.read}::uuid[])
      or ${a}.lead_org_id = any(${s.read}::uuid[]))`;
  },
  /** loadProgram. */
  program: (s: SearchScope, alias = 'p') => ownOrg(s, alias),
  /** loadInspection, listInspections: the deciding organization's, and the units it targets. */
  inspection: (s: SearchScope, alias = 'i'): Condition => {
    const a = q.table(alias);
    // The organizations once as uuid[], once as text[]: PostgreSQL deduces a single type for each parameter.
    return q`${a}.confidentiality <= ${s.clearance} and (${a}.org_id = any(${s.read}::uuid[])
      or exists (select 1 from jsonb_array_elements(${a}.targets) g where g->>'id' = any(${s.read}::text[])))`;
  },
  /** loadRecommendation: the receiving organization's, and the sender's. */
  recommendation: (s: SearchScope, alias = 'r'): Condition => {
    const a = q.table(alias);
    return q`${a}.confidentiality <= ${s.clearance} and (${a}.org_id = any(${s.read}::uuid[])
      or ${a}.from_org_id = any(${s.read}::uuid[]))`;
  },
  /**
   * loadConsultation, listConsultations: the consulting organization's, and a recipient's who answers for it (a
   * unit or body the user writes for, or the user in person).
   */
  consultation: (s: SearchScope, alias = 'c'): Condition => {
    const a = q.table(alias);
    return q`${a}.confidentiality <= ${s.clearance} and (${a}.org_id = any(${s.read}::uuid[])
      or exists (select 1 from consultation_recipient x left join body xb on xb.id = x.recipient_body_id
                  where x.consultation_id = ${a}.id and (x.recipient_org_id = any(${s.write}::uuid[])
                    or xb.org_id = any(${s.write}::uuid[]) or x.person_id = ${s.personId}::uuid)))`;
  },
  /** loadRegulation, listRegulations; its articles and clauses with it. */
  regulation: (s: SearchScope, alias = 'r') => ownOrg(s, alias),
  /** loadReport (review reports). */
  report: (s: SearchScope, alias = 'r') => ownOrg(s, alias),
};
