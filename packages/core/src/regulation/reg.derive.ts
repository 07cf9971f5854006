import { parseRegulation, printRegulation, setFrontMatter } from './reg.parse.js';

export interface DeriveOptions {
  work: string;
  title: string;
  expression: string;
  relation: 'superior' | 'model';
  /** The base's actors (bodies, positions) → the subordinate's; by default each to itself. */
  roleMap?: Record<string, string>;
  /** The subordinate's bodies with their names; by default the base's, to be renamed by the drafting team. */
  bodies?: Record<string, { name: string; part_of?: string }>;
  term?: { from: string; until: string };
}

/**
 * A subordinate's first draft made from its superior's regulation (or the model): the same chapters, articles and
 * rules, the actors in the rules mapped through the role map, a new front matter based on the base — so that the
 * consistency check starts from "consistent" and every change the drafting team makes is checked against it.
 */
export function deriveDraft(baseText: string, o: DeriveOptions): { text: string } | { error: string; line: number } {
  const p = parseRegulation(baseText);
  if (!p.ok) return { error: p.error.message, line: p.error.line };
  const reg = p.regulation;
  const fm = reg.frontMatter;
  const bodies = (fm.bodies ?? {}) as Record<string, unknown>;
  const roleMap = o.roleMap ?? Object.fromEntries(Object.keys(bodies).map((k) => [k, k]));
  const rename = (k: string) => roleMap[k] ?? k;
  // The base's bodies under their new codes, unless the subordinate's are given.
  const mapped = Object.fromEntries(
    Object.entries(bodies).map(([k, v]) => {
      const b = { ...(v as Record<string, unknown>) };
      if (typeof b['part_of'] === 'string') b['part_of'] = rename(b['part_of']);
      return [rename(k), b];
    }),
  );
  setFrontMatter(reg, {
    work: o.work,
    expression: o.expression,
    title: o.title,
    status: 'draft',
    number: undefined,
    adopted_on: undefined,
    in_force_from: undefined,
    ...(o.term ? { term: o.term } : {}),
    bodies: o.bodies ?? mapped,
    based_on: [{ work: fm.work, expression: fm.expression, relation: o.relation, role_map: roleMap }],
  });
  let text = printRegulation(reg);
  // The rules and scenarios name actors by code: those the role map renames are renamed inside those blocks only.
  const renames = Object.entries(roleMap).filter(([a, b]) => a !== b);
  if (renames.length) {
    const re = new RegExp(`\\b(${renames.map(([a]) => a.replace(/[^A-Z0-9_]/g, '')).join('|')})\\b`, 'g');
    const to = new Map(renames);
    text = text.replace(/```(quy-tac|kiem-thu)\n([\s\S]*?)```/g, (block) => block.replace(re, (m) => to.get(m) ?? m));
  }
  const again = parseRegulation(text);
  if (!again.ok) return { error: again.error.message, line: again.error.line };
  return { text };
}
