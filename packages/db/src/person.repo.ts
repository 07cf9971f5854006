import { foldVietnamese } from '@quyche/core';
import type { Person } from '@quyche/core';
import type { Sql } from './db.types.js';

export interface PersonRow {
  id: string;
  org_id: string;
  code: string | null;
  full_name: string;
  gender: 'nam' | 'nu' | null;
  birth_year: number | null;
  confidentiality: number;
  version: number;
}
export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  fullName: r.full_name,
  gender: r.gender,
  birthYear: r.birth_year,
  confidentiality: r.confidentiality,
  version: r.version,
});

export async function getPerson(sql: Sql, id: string) {
  return (await sql.query<PersonRow>('select * from person where id = $1', [id])).rows[0];
}

export async function listPeople(
  sql: Sql,
  o: {
    visible: string[] | null;
    q?: string | undefined;
    orgId?: string | undefined;
    clearance: number;
    page: number;
    pageSize: number;
  },
) {
  const where = ['p.confidentiality <= $1'];
  const params: unknown[] = [o.clearance];
  if (o.visible) {
    params.push(o.visible);
    where.push(`p.org_id = any($${params.length}::uuid[])`);
  }
  if (o.orgId) {
    params.push(o.orgId);
    where.push(`p.org_id = $${params.length}`);
  }
  for (const term of foldVietnamese(o.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    params.push(`%${term}%`);
    where.push(`p.search_text like $${params.length}`);
  }
  const w = where.join(' and ');
  const total = (await sql.query<{ n: number }>(`select count(*)::int as n from person p where ${w}`, params)).rows[0]!
    .n;
  params.push(o.pageSize, (o.page - 1) * o.pageSize);
  const rows = (
    await sql.query<PersonRow>(
      `select p.* from person p where ${w} order by p.full_name limit $${params.length - 1} offset $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

export async function positionsOfPerson(sql: Sql, personId: string) {
  return (
    await sql.query<{
      id: string;
      body_id: string;
      person_id: string;
      role: string;
      title: string | null;
      valid_from: string;
      valid_until: string | null;
      end_reason: string | null;
      version: number;
      full_name: string;
      body_name: string;
      body_kind: string;
      org_id: string;
      org_name: string;
      org_conf: number;
      body_conf: number;
    }>(
      `select m.*, p.full_name, b.name as body_name, b.kind as body_kind, o.id as org_id, o.name as org_name, o.confidentiality as org_conf, b.confidentiality as body_conf
         from membership m join person p on p.id = m.person_id join body b on b.id = m.body_id join organization o on o.id = b.org_id
        where m.person_id = $1 order by m.valid_from desc, b.name`,
      [personId],
    )
  ).rows;
}

export async function portfolioOfPerson(sql: Sql, personId: string) {
  return (
    await sql.query<{
      id: string;
      person_id: string;
      org_id: string;
      body_id: string | null;
      field: string;
      locality_org_id: string | null;
      valid_from: string;
      valid_until: string | null;
      version: number;
      l_code: string | null;
      l_name: string | null;
      l_kind: string | null;
    }>(
      `select a.*, l.code as l_code, l.name as l_name, l.kind as l_kind from portfolio_assignment a left join organization l on l.id = a.locality_org_id
        where a.person_id = $1 order by a.valid_from desc, a.field`,
      [personId],
    )
  ).rows;
}
export async function getPortfolio(sql: Sql, id: string) {
  return (
    await sql.query<{
      id: string;
      person_id: string;
      org_id: string;
      body_id: string | null;
      field: string;
      locality_org_id: string | null;
      valid_from: string;
      valid_until: string | null;
      version: number;
    }>('select * from portfolio_assignment where id = $1', [id])
  ).rows[0];
}

export async function partyMembershipsOfPerson(sql: Sql, personId: string) {
  return (
    await sql.query<{
      id: string;
      org_id: string;
      person_id: string;
      status: 'official' | 'probationary';
      valid_from: string;
      valid_until: string | null;
      version: number;
      full_name: string;
      org_name: string;
    }>(
      `select pm.*, p.full_name, o.name as org_name from party_membership pm join person p on p.id = pm.person_id join organization o on o.id = pm.org_id
        where pm.person_id = $1 order by pm.valid_from desc`,
      [personId],
    )
  ).rows;
}

export function personSearchText(fullName: string, code?: string | null): string {
  return foldVietnamese(`${fullName} ${code ?? ''}`);
}

/** Diacritic-insensitive search: every folded word of the query must occur in the folded text. */
export async function searchPeople(
  sql: Sql,
  o: { visible: string[] | null; q: string; asOf: string; clearance: number; limit: number },
) {
  const terms = foldVietnamese(o.q).split(' ').filter(Boolean);
  const params: unknown[] = [o.clearance, terms.map((t) => `%${t}%`), o.asOf, o.limit];
  let vis = '';
  if (o.visible) {
    params.push(o.visible);
    vis = `and p.org_id = any($${params.length}::uuid[])`;
  }
  return (
    await sql.query<{ id: string; full_name: string; org_name: string; positions: string[] | null }>(
      `select p.id, p.full_name, o.name as org_name,
          (select array_agg(coalesce(m.title, m.role) || ' — ' || b.name order by b.name) from membership m join body b on b.id = m.body_id
            where m.person_id = p.id and m.valid_from <= $3::date and (m.valid_until is null or m.valid_until >= $3::date)) as positions
         from person p join organization o on o.id = p.org_id
        where p.confidentiality <= $1 and p.search_text like all ($2::text[]) ${vis}
        order by p.full_name limit $4`,
      params,
    )
  ).rows;
}

export async function searchOrganizations(
  sql: Sql,
  o: { visible: string[] | null; q: string; clearance: number; limit: number },
) {
  const terms = foldVietnamese(o.q).split(' ').filter(Boolean);
  const params: unknown[] = [o.clearance, terms.map((t) => `%${t}%`), o.limit];
  let vis = '';
  if (o.visible) {
    params.push(o.visible);
    vis = `and o.id = any($${params.length}::uuid[])`;
  }
  return (
    await sql.query<{
      id: string;
      code: string;
      name: string;
      kind: Person['fullName'] & string;
      valid_from: string;
      valid_until: string | null;
    }>(
      `select o.id, o.code, o.name, o.kind, o.valid_from, o.valid_until from organization o
        where o.confidentiality <= $1 and o.search_text like all ($2::text[]) ${vis}
        order by (o.valid_until is not null), o.name limit $3`,
      params,
    )
  ).rows;
}
