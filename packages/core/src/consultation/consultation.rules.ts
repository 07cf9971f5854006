import { formatDateVi } from '../time/date.js';
import type { IsoDate } from '../time/date.js';
import { allElements, citeVi } from '../regulation/reg.parse.js';
import type { RegElement, Regulation } from '../regulation/reg.model.js';

/**
 * Consultation on a draft (lấy ý kiến góp ý dự thảo): recipients answer by a deadline with comments on the whole or
 * on a clause; every comment is disposed of — accepted, partly accepted, or not accepted with an explanation (tiếp
 * thu, giải trình) — before the next version is submitted.
 */
export const COMMENT_KINDS = ['general', 'clause', 'proposal', 'no_comment'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
export const COMMENT_KIND_LABELS: Record<CommentKind, { vi: string; en: string }> = {
  general: { vi: 'Ý kiến chung', en: 'General comment' },
  clause: { vi: 'Ý kiến vào điều, khoản', en: 'Comment on a provision' },
  proposal: { vi: 'Đề xuất sửa nội dung', en: 'Proposed wording' },
  no_comment: { vi: 'Nhất trí, không có ý kiến', en: 'No comment' },
};

export const DISPOSITIONS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_LABELS: Record<Disposition, { vi: string; en: string }> = {
  accepted: { vi: 'Tiếp thu', en: 'Accepted' },
  partly_accepted: { vi: 'Tiếp thu một phần', en: 'Partly accepted' },
  not_accepted: { vi: 'Không tiếp thu, giải trình', en: 'Not accepted, explained' },
};

export type RecipientStatus = 'answered' | 'pending' | 'late' | 'not_answering';
export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, { vi: string; en: string }> = {
  answered: { vi: 'Đã góp ý', en: 'Answered' },
  pending: { vi: 'Chưa góp ý, còn hạn', en: 'Not yet, within the deadline' },
  late: { vi: 'Quá hạn chưa góp ý', en: 'Late' },
  not_answering: { vi: 'Xác định không góp ý', en: 'Marked as not answering' },
};

export function recipientStatus(
  r: { answeredOn: IsoDate | null; notAnswering: boolean },
  deadline: IsoDate,
  today: IsoDate,
): RecipientStatus {
  if (r.answeredOn) return 'answered';
  if (r.notAnswering) return 'not_answering';
  return today > deadline ? 'late' : 'pending';
}

/** An explanation is required unless the comment is fully accepted; a "no comment" answer needs no disposition. */
export function dispositionProblem(d: { disposition: Disposition; explanation?: string | null }): string | null {
  if (d.disposition !== 'accepted' && !d.explanation?.trim())
    return `${DISPOSITION_LABELS[d.disposition].vi}: cần ghi nội dung giải trình`;
  return null;
}
export const needsDisposition = (kind: CommentKind) => kind !== 'no_comment';

/** What still blocks submitting the next version: comments without disposition, recipients who have not answered. */
export function submissionBlockers(
  recipients: { name: string; answeredOn: IsoDate | null; notAnswering: boolean }[],
  comments: { kind: CommentKind; disposition: Disposition | null }[],
  deadline: IsoDate,
  today: IsoDate,
): string[] {
  const out: string[] = [];
  const open = comments.filter((c) => needsDisposition(c.kind) && !c.disposition).length;
  if (open) out.push(`Còn ${open} ý kiến chưa tiếp thu, giải trình`);
  const waiting = recipients.filter((r) => ['pending', 'late'].includes(recipientStatus(r, deadline, today)));
  if (waiting.length)
    out.push(
      `Còn ${waiting.length} nơi chưa góp ý và chưa được xác định không góp ý: ` +
        `${waiting.map((r) => r.name).join(', ')}`,
    );
  return out;
}

export interface Anchor {
  /** The permanent id the comment was written against. */
  wId: string | null;
  /** The display id at the time (for the record). */
  eId: string | null;
  quote: string | null;
}

/**
 * Where a comment sits in a version: its element by permanent id; when that is gone (merged, removed), the nearest
 * surviving parent; else the document as a whole. Renumbering keeps a pinned wId, so the comment follows it.
 */
export function resolveAnchor(
  reg: Regulation,
  a: Anchor,
): { element: RegElement | null; exact: boolean; cite: string } {
  if (!a.wId) return { element: null, exact: false, cite: 'Toàn văn dự thảo' };
  // A pinned element owns its id: an unpinned new one whose number happens to match does not take its comments.
  const pinned = (e: RegElement) => /\{#[A-Za-z0-9_.-]+\}\s*$/.test(e.lines[0] ?? '');
  const all = allElements(reg);
  const byWid = new Map<string, RegElement>();
  for (const e of all) if (!byWid.has(e.wId) || (pinned(e) && !pinned(byWid.get(e.wId)!))) byWid.set(e.wId, e);
  const parts = a.wId.split('__');
  for (let n = parts.length; n > 0; n--) {
    const e = byWid.get(parts.slice(0, n).join('__'));
    if (e) return { element: e, exact: n === parts.length, cite: citeVi(e.shortId) };
  }
  return { element: null, exact: false, cite: 'Toàn văn dự thảo' };
}

/**
 * Pins every article, clause and point to its current permanent id (`{#art_6__para_1}`), so that renumbering the
 * draft afterwards keeps comments attached. Elements already pinned keep their pin.
 */
export function pinWIds(reg: Regulation): Regulation {
  const walk = (e: RegElement) => {
    if (e.kind !== 'chapter' && e.lines[0] !== undefined && !/\{#[A-Za-z0-9_.-]+\}\s*$/.test(e.lines[0]))
      e.lines[0] = `${e.lines[0].replace(/\s+$/, '')} {#${e.wId}}`;
    e.children.forEach(walk);
  };
  reg.chapters.forEach(walk);
  return reg;
}

/** Accepting a proposed wording edits the clause or point in the draft (its first line), keeping its number and pin. */
export function replaceElementText(reg: Regulation, wId: string, text: string): Regulation {
  const e = allElements(reg).find((x) => x.wId === wId);
  if (!e) throw new Error(`Không có điều, khoản mang mã ${wId} trong dự thảo`);
  if (e.kind !== 'clause' && e.kind !== 'point') throw new Error('Chỉ sửa được nội dung khoản, điểm');
  const line = e.lines[0]!;
  const m = /^(\s*(?:\d+\.|[a-zđ]\))\s+)(.*?)(\s*\{#[A-Za-z0-9_.-]+\})?\s*$/u.exec(line);
  if (!m) throw new Error(`Không đọc được dòng của ${citeVi(e.shortId)}`);
  const clean = text.replace(/\s+/g, ' ').trim();
  e.lines[0] = `${m[1]}${clean}${m[3] ?? ''}`;
  e.text = clean;
  e.heading = clean;
  return reg;
}

export interface SynthesisComment {
  id: string;
  recipientName: string;
  kind: CommentKind;
  anchor: Anchor;
  text: string;
  proposedText: string | null;
  disposition: Disposition | null;
  explanation: string | null;
}

export interface SynthesisRow {
  no: number;
  cite: string;
  eId: string | null;
  /** The provision's text in the draft circulated. */
  draftText: string;
  comments: {
    id: string;
    from: string;
    text: string;
    proposedText: string | null;
    disposition: string;
    explanation: string;
  }[];
}

/**
 * The synthesis table (bảng tổng hợp ý kiến, tiếp thu, giải trình): one row per provision in document order, general
 * comments first, each with who said what and how it was disposed of. "No comment" answers are counted, not listed.
 */
export function synthesisTable(
  reg: Regulation,
  comments: SynthesisComment[],
): { rows: SynthesisRow[]; noComment: string[] } {
  const order = new Map(allElements(reg).map((e, i) => [e.wId, i]));
  const groups = new Map<
    string,
    { key: string; pos: number; cite: string; eId: string | null; draftText: string; items: SynthesisComment[] }
  >();
  for (const c of comments.filter((x) => x.kind !== 'no_comment')) {
    const r = resolveAnchor(reg, c.anchor);
    const key = r.element?.wId ?? '';
    const g = groups.get(key) ?? {
      key,
      pos: r.element ? (order.get(r.element.wId) ?? 0) : -1,
      cite: r.cite,
      eId: r.element?.eId ?? null,
      draftText: r.element
        ? r.element.kind === 'article'
          ? `Điều ${r.element.num}. ${r.element.heading}`
          : r.element.text
        : '',
      items: [],
    };
    g.items.push(c);
    groups.set(key, g);
  }
  const collator = new Intl.Collator('vi');
  const rows = [...groups.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((g, i) => ({
      no: i + 1,
      cite: g.cite,
      eId: g.eId,
      draftText: g.draftText,
      comments: g.items
        .sort((a, b) => collator.compare(a.recipientName, b.recipientName))
        .map((c) => ({
          id: c.id,
          from: c.recipientName,
          text: c.text,
          proposedText: c.proposedText,
          disposition: c.disposition ? DISPOSITION_LABELS[c.disposition].vi : 'Chưa xử lý',
          explanation: c.explanation ?? '',
        })),
    }));
  const noComment = [...new Set(comments.filter((c) => c.kind === 'no_comment').map((c) => c.recipientName))].sort(
    collator.compare,
  );
  return { rows, noComment };
}

/** The line a recipient list shows. */
export function recipientLine(
  r: { answeredOn: IsoDate | null; notAnswering: boolean },
  deadline: IsoDate,
  today: IsoDate,
): string {
  const s = recipientStatus(r, deadline, today);
  if (s === 'answered') return `Đã góp ý ngày ${formatDateVi(r.answeredOn!)}`;
  if (s === 'late') return `Quá hạn từ ${formatDateVi(deadline)}, chưa góp ý`;
  if (s === 'pending') return `Hạn góp ý ${formatDateVi(deadline)}`;
  return RECIPIENT_STATUS_LABELS[s].vi;
}
