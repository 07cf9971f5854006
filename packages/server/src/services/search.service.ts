import {
  compareVietnamese,
  formatIntervalVi,
  ORGANIZATION_KIND_LABELS,
  parseSearch,
  ProblemError,
  rankCandidate,
  SEARCH_KINDS,
} from '@quyche/core';
import type { ParsedSearch, SearchItem, SearchKind, SearchResult } from '@quyche/core';
import { orgRef, searchOrganizations, searchPeople } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { loadInspection } from './inspection.service.js';
import { loadMeeting } from './meeting.load.js';
import { loadProgram } from './program.records.js';
import { loadRecommendation } from './recommendation.service.js';
import { loadRegulation } from './regulation.service.js';
import { loadReport } from './review-report.service.js';
import { loadConsultation } from './consultation.service.js';
import { loadTask } from './task.view.js';
import {
  CANDIDATES,
  findConclusions,
  findConsultations,
  findInspections,
  findMeetings,
  findPrograms,
  findRecommendations,
  findReports,
  findTasks,
} from './search.records.js';
import type { Found } from './search.records.js';
import { findRegulationsAndClauses } from './search.regulation.js';
import { scopeOf } from './search.scope.js';

/**
 * Search across everything the user may see: documents by number and symbol, meetings, conclusions, tasks,
 * programs, inspections, recommendations, consultations, regulations and their clauses, people and organizations;
 * with or without diacritics; ranked (core/text/search.query.ts) and grouped by kind.
 */

/** The records' own load functions: what the search returns, their detail pages show. */
const LOADERS: Record<NonNullable<Found['check']>['kind'], (ctx: RequestContext, id: string) => Promise<unknown>> = {
  meeting: loadMeeting,
  task: loadTask,
  program: loadProgram,
  inspection: loadInspection,
  recommendation: loadRecommendation,
  consultation: loadConsultation,
  regulation: loadRegulation,
  report: loadReport,
};

async function readable(ctx: RequestContext, f: Found, seen: Map<string, Promise<boolean>>): Promise<boolean> {
  if (!f.check) return true;
  const key = `${f.check.kind}:${f.check.id}`;
  let ok = seen.get(key);
  if (!ok) {
    ok = LOADERS[f.check.kind](ctx, f.check.id).then(
      () => true,
      (e: unknown) => {
        if (e instanceof ProblemError) return false;
        throw e;
      },
    );
    seen.set(key, ok);
  }
  return ok;
}

/** Organizations and people, through the repository's searches (the same scope as their list endpoints). */
async function orgsAndPeople(ctx: RequestContext, q: string, asOf: string, visible: string[]) {
  const clearance = ctx.user.clearance;
  const orgs = await searchOrganizations(ctx.db, { visible, q, clearance, limit: CANDIDATES });
  const people = await searchPeople(ctx.db, { visible, q, asOf, clearance, limit: CANDIDATES });
  const found: Found[] = [
    ...orgs.map(
      (o): Found => ({
        kind: 'organization',
        id: o.id,
        title: o.name,
        subtitle:
          `${ORGANIZATION_KIND_LABELS[o.kind as keyof typeof ORGANIZATION_KIND_LABELS]?.vi ?? ''} ` +
          `· ${formatIntervalVi({ from: o.valid_from, until: o.valid_until })}`,
        // An organization that has ended opens as it stood on its last day.
        href: o.valid_until ? `/org/${o.id}?asOf=${o.valid_until}` : `/org/${o.id}`,
        // Among equals, those in existence before those that have ended.
        date: o.valid_until ? '0' : '1',
        check: null,
      }),
    ),
    ...people.map(
      (p): Found => ({
        kind: 'person',
        id: p.id,
        title: p.full_name,
        text: (p.positions ?? []).join(' '),
        subtitle: (p.positions ?? []).slice(0, 2).join('; ') || p.org_name,
        href: `/person/${p.id}`,
        date: '',
        check: null,
      }),
    ),
  ];
  return { orgs, people, found };
}

function rank(q: ParsedSearch, found: Found[]) {
  const scored = found
    .map((f) => ({ f, score: rankCandidate(q, { ...f, title: f.rankTitle ?? f.title }) }))
    .filter((x) => x.score > 0);
  // Best first; among equals the newer, then in Vietnamese alphabetical order.
  return scored.sort(
    (a, b) => b.score - a.score || b.f.date.localeCompare(a.f.date) || compareVietnamese(a.f.title, b.f.title),
  );
}

export async function search(
  ctx: RequestContext,
  input: { q: string; asOf?: string | undefined; limit: number },
): Promise<SearchResult> {
  const q = parseSearch(input.q);
  const asOf = input.asOf ?? ctx.today();
  const s = await scopeOf(ctx);
  const { orgs, people, found: directory } = await orgsAndPeople(ctx, input.q, asOf, s.read);
  // A query of punctuation alone has no words: it would match everything.
  const found: Found[] =
    q.terms.length === 0
      ? []
      : (
          await Promise.all([
            findRegulationsAndClauses(ctx.db, s, q, ctx.today()),
            findConclusions(ctx.db, s, q),
            findMeetings(ctx.db, s, q),
            findTasks(ctx.db, s, q),
            findPrograms(ctx.db, s, q),
            findInspections(ctx.db, s, q),
            findRecommendations(ctx.db, s, q),
            findConsultations(ctx.db, s, q),
            findReports(ctx.db, s, q),
          ])
        )
          .flat()
          .concat(directory);
  // A kind whose candidates reached the limit has more matches than counted.
  const counted = new Map<SearchKind, number>();
  for (const f of found) counted.set(f.kind, (counted.get(f.kind) ?? 0) + 1);
  const byKind = new Map<SearchKind, ReturnType<typeof rank>>();
  for (const x of rank(q, found)) {
    const list = byKind.get(x.f.kind) ?? [];
    list.push(x);
    byKind.set(x.f.kind, list);
  }
  const seen = new Map<string, Promise<boolean>>();
  const groups: SearchResult['groups'] = [];
  for (const kind of SEARCH_KINDS) {
    const all = byKind.get(kind) ?? [];
    const items: SearchItem[] = [];
    let refused = 0;
    for (const { f, score } of all) {
      if (items.length >= input.limit) break;
      if (!(await readable(ctx, f, seen))) {
        refused++;
        continue;
      }
      items.push({ kind, id: f.id, title: f.title, subtitle: f.subtitle, href: f.href, score });
    }
    if (items.length)
      groups.push({ kind, total: all.length - refused, capped: (counted.get(kind) ?? 0) >= CANDIDATES, items });
  }
  // The group with the best match first; alike, in the order of SEARCH_KINDS.
  const order = (k: SearchKind) => SEARCH_KINDS.indexOf(k);
  groups.sort((a, b) => b.items[0]!.score - a.items[0]!.score || order(a.kind) - order(b.kind));
  return {
    q: input.q,
    groups,
    organizations: orgs
      .slice(0, input.limit)
      .map((o) => ({ ...orgRef(o as never), validFrom: o.valid_from, validUntil: o.valid_until })),
    people: people
      .slice(0, input.limit)
      .map((p) => ({ id: p.id, fullName: p.full_name, orgName: p.org_name, positions: p.positions ?? [] })),
  };
}
