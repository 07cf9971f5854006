import { foldVietnamese } from '@quyche/core';
import type { DirectoryQuerySchema } from '@quyche/core';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';

type Row = {
  id: string;
  full_name: string;
  org_name: string;
  positions: { bodyId: string; bodyName: string; role: string; title: string | null; validFrom: string }[];
  total: number;
};

/**
 * People of the user's organizations with the positions they hold on `asOf` (by default only those holding one),
 * a page at a time: the directory must stay a page of rows on a province of millions of members.
 */
export async function directory(ctx: RequestContext, q: z.output<typeof DirectoryQuerySchema>) {
  const asOf = q.asOf ?? ctx.today();
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  const params: unknown[] = [ctx.user.clearance, asOf, q.orgId ? [q.orgId] : await ctx.coveredOrgs('read')];
  const where = ['p.confidentiality <= $1', 'p.org_id = any($3::uuid[])'];
  for (const term of foldVietnamese(q.q ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    params.push(`%${term}%`);
    where.push(`p.search_text like $${params.length}`);
  }
  const held = `exists (select 1 from membership m join body b on b.id = m.body_id where m.person_id = p.id and b.confidentiality <= $1 and m.valid_from <= $2::date and (m.valid_until is null or m.valid_until >= $2::date))`;
  if (!q.all) where.push(held);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = (
    await ctx.db.query<Row>(
      `with page as (
         select p.id, p.full_name, p.org_id, count(*) over ()::int as total from person p
          where ${where.join(' and ')} order by p.full_name, p.id limit $${params.length - 1} offset $${params.length})
       select page.id, page.full_name, o.name as org_name, page.total,
              coalesce((select json_agg(json_build_object('bodyId', b.id, 'bodyName', b.name, 'role', m.role, 'title', m.title, 'validFrom', m.valid_from) order by b.name, m.role)
                          from membership m join body b on b.id = m.body_id
                         where m.person_id = page.id and b.confidentiality <= $1 and m.valid_from <= $2::date and (m.valid_until is null or m.valid_until >= $2::date)), '[]'::json) as positions
         from page join organization o on o.id = page.org_id order by page.full_name, page.id`,
      params,
    )
  ).rows;
  return {
    asOf,
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      orgName: r.org_name,
      positions: (typeof r.positions === 'string' ? JSON.parse(r.positions) : r.positions).map(
        (x: Row['positions'][number]) => ({ ...x, validFrom: String(x.validFrom).slice(0, 10) }),
      ),
    })),
    page: q.page,
    pageSize: q.pageSize,
    total: rows[0]?.total ?? 0,
  };
}
