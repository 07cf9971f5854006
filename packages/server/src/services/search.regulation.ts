import { citeVi, excerptAround, parseRegulation } from '@quyche/core';
import type { ParsedSearch, RegElement } from '@quyche/core';
import { regulationVersionText, searchRegulationRows } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { Scope } from './search.scope.js';
import type { Found } from './search.records.js';

/**
 * Regulations by title and number, and their articles and clauses by wording. The text searched is the version in
 * force today, else the newest (a draft not yet adopted); the link opens that version at that element.
 */
type RegulationRow = Awaited<ReturnType<typeof searchRegulationRows>>[number];

interface Clause {
  eId: string;
  /** "Khoản 3 Điều 12": what a clerk types to find it. */
  cite: string;
  /** A chapter's or article's name. */
  heading: string;
  text: string;
  /** For a clause or point: its article's name, shown beside the citation. */
  article: string;
}

/** Versions are immutable: their elements are kept by id and hash once parsed. */
const clausesOf = new Map<string, Clause[]>();

async function clauses(sql: Sql, r: RegulationRow): Promise<Clause[]> {
  const key = `${r.version_id}:${r.sha256}`;
  const cached = clausesOf.get(key);
  if (cached) return cached;
  const text = (await regulationVersionText(sql, r.version_id))?.source_text ?? '';
  const parsed = parseRegulation(text);
  const out: Clause[] = [];
  const walk = (e: RegElement, article: string) => {
    const own = e.kind === 'article' ? e.heading : article;
    // A clause's or point's "heading" is its own first line, already in its text: only chapters and articles are named.
    const named = e.kind === 'chapter' || e.kind === 'article';
    if (e.eId)
      out.push({
        eId: e.eId,
        cite: e.kind === 'chapter' ? `Chương ${e.num}` : citeVi(e.eId),
        heading: named ? e.heading : '',
        text: e.text,
        article: named ? '' : own,
      });
    for (const c of e.children) walk(c, own);
  };
  if (parsed.ok) for (const c of parsed.regulation.chapters) walk(c, '');
  if (clausesOf.size > 50) clausesOf.clear();
  clausesOf.set(key, out);
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The regulations the user reads, and each one's articles and clauses, as candidates for ranking. */
export async function findRegulationsAndClauses(sql: Sql, s: Scope, q: ParsedSearch, today: string): Promise<Found[]> {
  const out: Found[] = [];
  for (const r of await searchRegulationRows(sql, s, today)) {
    const where = r.number ? `Quy chế ${r.number}` : r.title;
    out.push({
      kind: 'regulation',
      id: r.id,
      title: r.title,
      text: r.work,
      symbols: [{ value: r.number, primary: true }],
      subtitle: [r.number ? `Số ${r.number}` : null, r.org_name].filter(Boolean).join(' · '),
      href: `/regulations/${r.id}`,
      date: '',
      check: { kind: 'regulation', id: r.id },
    });
    for (const c of await clauses(sql, r)) {
      const cite = capital(c.cite);
      out.push({
        kind: 'clause',
        id: `${r.version_id}:${c.eId}`,
        // Ranked on its own citation and words: a clause does not match by its article's heading.
        rankTitle: `${cite} ${c.heading}`,
        title: c.heading ? `${cite}. ${c.heading}` : c.article ? `${cite} (${c.article})` : cite,
        text: c.text,
        subtitle: [c.text ? excerptAround(c.text, q) : null, where].filter(Boolean).join(' · '),
        href: `/regulations/${r.id}?v=${r.version_id}&e=${encodeURIComponent(c.eId)}`,
        date: '',
        check: { kind: 'regulation', id: r.id },
      });
    }
  }
  return out;
}
