import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { fromExcluded } from './query.helpers.js';

export interface ScoreRow {
  meeting_id: string;
  org_id: string;
  rule_id: string;
  scores: { criterion: string; points: number }[];
  total: number;
  grade: string | null;
  scored_by_name: string | null;
  scored_at: string;
  checked_scores: { criterion: string; points: number }[] | null;
  checked_total: number | null;
  checked_grade: string | null;
  check_note: string | null;
  checked_by_name: string | null;
  checked_at: string | null;
  version: number;
}

const asJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** A meeting's quality score, as scored by the cell and as checked by the grassroots committee. */
export async function meetingScoreOf(s: Sql, meetingId: string): Promise<ScoreRow | undefined> {
  const r = await qb(s)
    .selectFrom('meeting_score as m')
    .leftJoin('app_user as a', 'a.id', 'm.scored_by')
    .leftJoin('app_user as c', 'c.id', 'm.checked_by')
    .select(['m.meeting_id', 'm.org_id', 'm.rule_id', 'm.scores', 'm.grade', 'm.checked_scores', 'm.checked_grade'])
    .select(['m.check_note', 'm.version', 'a.display_name as scored_by_name', 'c.display_name as checked_by_name'])
    .select(sql<number>`m.total::float8`.as('total'))
    .select(sql<number | null>`m.checked_total::float8`.as('checked_total'))
    .select(sql<string>`to_char(m.scored_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('scored_at'))
    .select(sql<string | null>`to_char(m.checked_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('checked_at'))
    .where('m.meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...r,
    scores: asJson(r.scores),
    checked_scores: r.checked_scores === null ? null : asJson(r.checked_scores),
  } as ScoreRow;
}

/** The cell's score of a meeting, replacing its earlier one (the version goes up). */
export async function saveCellScore(
  s: Sql,
  row: { meeting_id: string; org_id: string; rule_id: string; scores: unknown; total: number; grade: string | null },
  by: string,
) {
  await qb(s)
    .insertInto('meeting_score')
    .values({ ...row, scores: JSON.stringify(row.scores), scored_by: by })
    .onConflict((oc) =>
      oc.column('meeting_id').doUpdateSet({
        ...fromExcluded(['rule_id', 'scores', 'total', 'grade', 'scored_by']),
        scored_at: sql`now()`,
        version: sql`meeting_score.version + 1`,
      }),
    )
    .execute();
}

/** The grassroots committee's check of a cell's score, at the version it read. Returns the rows changed. */
export async function saveScoreCheck(
  s: Sql,
  meetingId: string,
  version: number,
  check: { scores: unknown; total: number; grade: string | null; note: string | null },
  by: string,
) {
  const r = await qb(s)
    .updateTable('meeting_score')
    .set({
      checked_scores: JSON.stringify(check.scores),
      checked_total: check.total,
      checked_grade: check.grade,
      check_note: check.note,
      checked_by: by,
      checked_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .returning('meeting_id')
    .execute();
  return r.length;
}
