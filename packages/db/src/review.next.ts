import { sql as q } from 'kysely';
import type { Selectable } from 'kysely';
import type { ProgramItemTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/**
 * Items of an organization's adopted work programs due in a period and not finished — no task yet, or a task still
 * open — and not already carried into a live program: what the next period's program carries over.
 */
export async function reviewUnfinishedProgramItems(
  sql: Sql,
  orgId: string,
  range: { from: string; to: string },
  clearance: number,
) {
  const { rows } = await q<Selectable<ProgramItemTable>>`
    select i.id, i.org_id, i.program_id, i.position, i.title, i.period_kind, i.period, i.due_meeting_id, i.starts_on,
           i.due_date, i.period_label, i.lead_kind, i.lead_id, i.lead_name, i.lead_org_id, i.supporting,
           i.supervisor_person_id, i.deciding_body, i.product, i.matter, i.inspection_kind, i.targets, i.weight,
           i.version, i.carried_from_item_id
      from program_item i join program p on p.id = i.program_id
     where p.org_id = ${orgId} and p.kind = 'work' and p.state = 'adopted' and p.confidentiality <= ${clearance}
       and i.due_date between ${range.from} and ${range.to}
       and (not exists (select 1 from task t where t.source_kind = 'program_item' and t.source_id = i.id
         and t.state not in ('cancelled', 'transferred'))
            or exists (select 1 from task t where t.source_kind = 'program_item' and t.source_id = i.id
              and t.state in ('draft', 'assigned', 'in_progress')))
       and not exists (select 1 from program_item n join program np on np.id = n.program_id
         where n.carried_from_item_id = i.id and np.state <> 'cancelled')
     order by i.due_date, p.title, i.position`.execute(qb(sql));
  return rows;
}
