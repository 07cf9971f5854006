import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { uuidv7 } from './uuid.js';

/** An account's notifications, unread first, newest first. */
export async function listNotifications(s: Sql, userId: string, unreadOnly: boolean) {
  let q = qb(s)
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'task_id', 'sender', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy(sql`read_at is not null`).orderBy('created_at', 'desc').limit(200).execute();
}

/** Marks read what was created up to `upTo` (what the account had on screen); returns how many. */
export async function markNotificationsReadUpTo(s: Sql, userId: string, upTo: string) {
  const r = await qb(s)
    .updateTable('notification')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('created_at', '<=', new Date(upTo))
    .returning('id')
    .execute();
  return r.length;
}

export async function notificationOwner(s: Sql, id: string) {
  return (await qb(s).selectFrom('notification').select('user_id').where('id', '=', id).executeTakeFirst())?.user_id;
}

export async function markNotificationRead(s: Sql, id: string) {
  await qb(s)
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .execute();
}

/**
 * One notification per account; a job taken again after its worker died does not notify twice (job, account and
 * title are unique).
 */
export async function insertNotifications(
  s: Sql,
  userIds: string[],
  n: {
    orgId: string;
    jobId: string | null;
    taskId: string | null;
    kind: string;
    title: string;
    body: string;
    sender: string | null;
    link: string | null;
  },
) {
  if (userIds.length === 0) return;
  await qb(s)
    .insertInto('notification')
    .values(
      userIds.map((userId) => ({
        id: uuidv7(),
        org_id: n.orgId,
        user_id: userId,
        job_id: n.jobId,
        task_id: n.taskId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        sender: n.sender,
        link: n.link,
      })),
    )
    .onConflict((oc) => oc.columns(['job_id', 'user_id', 'title']).where('job_id', 'is not', null).doNothing())
    .execute();
}

/** Who a notification is sent in the name of: the organization's office (Văn phòng …) if it has one, else itself. */
export async function notificationSenderName(s: Sql, orgId: string) {
  const r = await qb(s)
    .selectFrom('organization as o')
    .select((eb) => [
      'o.name as org',
      eb
        .selectFrom('body as b')
        .select('b.name')
        .whereRef('b.org_id', '=', 'o.id')
        .where('b.name', 'ilike', 'Văn phòng%')
        .orderBy('b.name')
        .limit(1)
        .as('office'),
    ])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
  return r?.office ?? r?.org ?? null;
}

/** Whether this job already mailed this address (a job retried after a partial failure mails no one twice). */
export async function mailAlreadySent(s: Sql, jobId: string, to: string) {
  return Boolean(
    await qb(s)
      .selectFrom('mail_sent')
      .select('id')
      .where('job_id', '=', jobId)
      .where('to_address', '=', to)
      .executeTakeFirst(),
  );
}

export async function recordMailSent(
  s: Sql,
  m: { jobId: string; to: string; subject: string; messageId: string | null },
) {
  await qb(s)
    .insertInto('mail_sent')
    .values({ id: uuidv7(), job_id: m.jobId, to_address: m.to, subject: m.subject, message_id: m.messageId })
    .execute();
}

/**
 * The administrators a system alert goes to: those of a root organization (the province) if there are any, else
 * every administrator; each with the organization of their grant.
 */
export async function alertAdministrators(s: Sql) {
  const admins = (
    await sql<{ user_id: string; org_id: string; root: boolean }>`
      select distinct on (u.id) u.id as user_id, g.org_id,
             not exists (select 1 from organization_parent p where p.org_id = g.org_id) as root
        from app_user u join role_grant g on g.user_id = u.id
       where g.role = 'admin' and not u.disabled
       order by u.id, root desc`.execute(qb(s))
  ).rows;
  return admins.some((a) => a.root) ? admins.filter((a) => a.root) : admins;
}
