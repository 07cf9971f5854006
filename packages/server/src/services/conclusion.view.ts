import { checkSixClear, parseDocumentSymbol, rollUpProgress, taskStatus } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import { conclusionItemTasks, conclusionOfMeeting, listConclusionItems } from '@quyche/db';
import type { Sql } from '@quyche/db';
import { conclusionDeadline } from './regulation-in-force.js';

/** A meeting's conclusion notice with its items, each action item's task and the follow-up rolled up. */
export async function conclusionView(
  sql: Sql,
  meetingId: string,
  reg: Regulation | undefined,
  meetingDate: string,
  today: string,
) {
  const c = await conclusionOfMeeting(sql, meetingId);
  if (!c) return null;
  const items = await listConclusionItems(sql, c.id);
  const tasks = new Map(
    (
      await conclusionItemTasks(
        sql,
        items.map((i) => i.id),
      )
    ).map((t) => [t.source_id, t]),
  );
  const taskOf = (itemId: string) => {
    const t = tasks.get(itemId);
    if (!t) return null;
    const st = taskStatus({ state: t.state, dueDate: t.due_date, extendedTo: t.extended_to }, today);
    return {
      id: t.id,
      state: t.state,
      percent: Number(t.percent),
      overdue: st.overdue,
      label_vi: st.label_vi,
      weight: t.weight,
    };
  };
  const actions = items.filter((i) => i.kind === 'action').map((i) => taskOf(i.id));
  const progress = {
    percent: rollUpProgress(
      actions.map((t) => (t ? { percent: t.percent, weight: t.weight, state: t.state } : { percent: 0 })),
    ),
    actionItems: actions.length,
    tasks: actions.filter(Boolean).length,
    done: actions.filter((t) => t?.state === 'done').length,
    overdue: actions.filter((t) => t?.overdue).length,
  };
  return {
    progress,
    id: c.id,
    docType: parseDocumentSymbol(c.symbol)?.type === 'KL' ? ('KL' as const) : ('TB' as const),
    symbol: c.symbol,
    issuedOn: c.issued_on,
    summary: c.summary,
    signer: { personId: c.signer_person_id, name: c.signer_name, for: c.signer_for, position: c.signer_position },
    recipients: c.recipients ?? [],
    deadline: reg ? conclusionDeadline(reg, meetingDate, c.issued_on, today) : null,
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      kind: i.kind,
      text: i.text,
      leads: i.leads ?? [],
      supporting: i.supporting ?? [],
      dueDate: i.due_date,
      dueMeetingId: i.due_meeting_id,
      dueLabel: i.due_label,
      supervisorPersonId: i.supervisor_person_id,
      supervisorName: i.supervisor_name,
      decidingBody: i.deciding_body,
      product: i.product,
      sixClear:
        i.kind === 'action'
          ? checkSixClear({
              title: i.text,
              leads: i.leads ?? [],
              supporting: i.supporting ?? [],
              due: { date: i.due_date, meetingId: i.due_meeting_id, label: i.due_label },
              supervisorId: i.supervisor_person_id,
              decidingBody: i.deciding_body,
              product: i.product,
            })
          : null,
      task: i.kind === 'action' ? taskOf(i.id) : null,
    })),
  };
}
