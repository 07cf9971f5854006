import { validityOf } from '@quyche/core';
import type { Body } from '@quyche/core';
import { type Selectable, sql } from 'kysely';
import type { BodyTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { recordWrites } from './versioned-update.js';
import { validOn } from './query.helpers.js';

/** A body (committee, standing committee, board …) of an organization. */
export interface BodyRow extends Omit<Selectable<BodyTable>, 'kind' | 'search_text'> {
  kind: Body['kind'];
}
const BODY_COLUMNS = [
  'b.id',
  'b.org_id',
  'b.term_id',
  'b.kind',
  'b.name',
  'b.symbol',
  'b.part_of',
  'b.valid_from',
  'b.valid_until',
  'b.confidentiality',
  'b.version',
] as const;
/** The same columns unas an insert returns them. */
const BODY_FIELDS = [
  'id',
  'org_id',
  'term_id',
  'kind',
  'name',
  'symbol',
  'part_of',
  'valid_from',
  'valid_until',
  'confidentiality',
  'version',
] as const;

export function toBody(r: BodyRow): Body {
  return {
    id: r.id,
    orgId: r.org_id,
    termId: r.term_id,
    kind: r.kind,
    name: r.name,
    symbol: r.symbol,
    partOf: r.part_of,
    ...validityOf(r),
    confidentiality: r.confidentiality,
    version: r.version,
  };
}

export async function getBody(s: Sql, id: string): Promise<BodyRow | undefined> {
  return qb(s)
    .selectFrom('body as b')
    .select(BODY_COLUMNS)
    .$narrowType<BodyRow>()
    .where('b.id', '=', id)
    .executeTakeFirst();
}

/** The organization's bodies (those in force on `asOf`, or all when null) with their members counted on that date. */
export async function bodiesOf(s: Sql, orgId: string, asOf: string | null, clearance: number) {
  const countOn = sql<string>`coalesce(${asOf}::date, current_date)`;
  let q = qb(s)
    .selectFrom('body as b')
    .select(BODY_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('membership as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.body_id', '=', 'b.id')
        .where(validOn('m', countOn))
        .$asScalar()
        .$notNull()
        .as('member_count'),
    )
    .$narrowType<BodyRow>()
    .where('b.org_id', '=', orgId)
    .where('b.confidentiality', '<=', clearance);
  if (asOf) q = q.where(validOn('b', sql<string>`${asOf}::date`));
  return q
    .orderBy(
      sql`array_position(array['BCH','BTV','TT','UBKT','ADVISORY','PUBLIC_UNIT','DANG_DOAN','BAN_CAN_SU',
        'CHI_UY'], b.kind)`,
    )
    .orderBy('b.name')
    .execute();
}

const writes = recordWrites<'body', BodyRow>('body', BODY_FIELDS);
/** A new body; the row as read back. */
export const insertBody = writes.insert;
/** Changes the body at the version the client read; undefined when that version is no longer current. */
export const updateBodyVersioned = writes.updateAtVersion;
