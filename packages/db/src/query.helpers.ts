import { type Expression, type RawBuilder, sql } from 'kysely';

/** A list of ids as one `uuid[]` parameter: `= any(…)` keeps one statement whatever the list's length. */
export const uuidList = (ids: readonly string[]) => sql<string[]>`${ids}::uuid[]`;

/** A date parameter typed as a date (the comparisons with date columns need it). */
export const dateParam = (d: string) => sql<string>`${d}::date`;

/** The record `alias` (valid_from … valid_until, open-ended when null) is in force on the date `d`. */
export function validOn(alias: string, d: Expression<string | null> | RawBuilder<string | null>) {
  const from = sql.ref(`${alias}.valid_from`);
  const until = sql.ref(`${alias}.valid_until`);
  return sql<boolean>`${from} <= ${d} and (${until} is null or ${until} >= ${d})`;
}
