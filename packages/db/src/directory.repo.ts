import { foldVietnamese } from '@quyche/core';
import type { JsonValue } from './db.schema.js';
import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { uuidList } from './query.helpers.js';

export interface DirectoryRow {
  id: string;
  full_name: string;
  org_name: string;
  /** [{ bodyId, bodyName, role, title, validFrom }] as json (text on some drivers). */
  positions: JsonValue;
  total: number;
}

/**
 * People of `orgIds` with the positions they hold on `asOf` (only those holding one unless `all`), a page at a time
 * (a window count gives the total): the directory must stay a page of rows on a province of millions of members.
 */
export async function directoryPage(
  s: Sql,
  o: {
    orgIds: string[];
    asOf: string;
    q?: string | undefined;
    all: boolean;
    clearance: number;
    page: number;
    pageSize: number;
  },
): Promise<DirectoryRow[]> {
  const d = sql`${o.asOf}::date`;
  const heldOn = (m: string, b: string) =>
    sql`${sql.ref(`${b}.confidentiality`)} <= ${o.clearance} and ${sql.ref(`${m}.valid_from`)} <= ${d}
      and (${sql.ref(`${m}.valid_until`)} is null or ${sql.ref(`${m}.valid_until`)} >= ${d})`;
  const where = [sql`p.confidentiality <= ${o.clearance}`, sql`p.org_id = any(${uuidList(o.orgIds)})`];
  for (const term of foldVietnamese(o.q ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    where.push(sql`p.search_text like ${`%${term}%`}`);
  }
  if (!o.all)
    where.push(
      sql`exists (select 1 from membership m join body b on b.id = m.body_id where m.person_id = p.id
        and ${heldOn('m', 'b')})`,
    );
  const { rows } = await sql<DirectoryRow>`with page as (
         select p.id, p.full_name, p.org_id, count(*) over ()::int as total from person p
          where ${sql.join(where, sql` and `)} order by p.full_name, p.id
            limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize})
       select page.id, page.full_name, o.name as org_name, page.total,
              coalesce((select json_agg(json_build_object('bodyId', b.id, 'bodyName', b.name, 'role', m.role, 'title',
                m.title, 'validFrom', m.valid_from) order by b.name, m.role)
                          from membership m join body b on b.id = m.body_id
                         where m.person_id = page.id and ${heldOn('m', 'b')}), '[]'::json) as positions
         from page join organization o on o.id = page.org_id order by page.full_name, page.id`.execute(qb(s));
  return rows;
}
