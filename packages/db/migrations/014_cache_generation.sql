-- Generations of what every request reads (sessions and grants; the organization tree), counted by triggers so
-- that a server may keep them in memory: it hears of a change on the channel quyche_cache and reads the row again —
-- whichever process, the CLI or a restore made the change.
create table cache_generation (
  name text primary key,
  n bigint not null
);
insert into cache_generation (name, n) values ('auth', 0), ('org', 0);

create function quyche_bump_generation() returns trigger language plpgsql as $$
begin
  update cache_generation set n = n + 1 where name = any (TG_ARGV);
  perform pg_notify('quyche_cache', array_to_string(TG_ARGV, ','));
  return null;
end
$$;

-- Users: any change but the bookkeeping of a login.
create trigger app_user_generation after update on app_user for each row
  when ((to_jsonb(old) - 'version' - 'last_login_at') is distinct from (to_jsonb(new) - 'version' - 'last_login_at'))
  execute function quyche_bump_generation('auth');
create trigger app_user_generation_rows after insert or delete on app_user for each statement execute function quyche_bump_generation('auth');
create trigger app_user_generation_truncate after truncate on app_user for each statement execute function quyche_bump_generation('auth');
create trigger role_grant_generation after insert or update or delete on role_grant for each statement execute function quyche_bump_generation('auth');
create trigger role_grant_generation_truncate after truncate on role_grant for each statement execute function quyche_bump_generation('auth');
-- Sessions: one ended before its time (log-out, revocation, an expiry brought forward); clearing expired ones
-- changes nothing cached.
create trigger user_session_generation after delete on user_session for each row when (old.expires_at > now()) execute function quyche_bump_generation('auth');
create trigger user_session_expiry_generation after update of expires_at on user_session for each row when (new.expires_at < old.expires_at) execute function quyche_bump_generation('auth');
create trigger user_session_generation_truncate after truncate on user_session for each statement execute function quyche_bump_generation('auth');
-- The tree: organizations (their names are in the grants), parent links, successions.
create trigger organization_generation after insert or update or delete on organization for each statement execute function quyche_bump_generation('auth', 'org');
create trigger organization_generation_truncate after truncate on organization for each statement execute function quyche_bump_generation('auth', 'org');
create trigger organization_parent_generation after insert or update or delete on organization_parent for each statement execute function quyche_bump_generation('org');
create trigger organization_parent_generation_truncate after truncate on organization_parent for each statement execute function quyche_bump_generation('org');
create trigger organization_succession_generation after insert or update or delete on organization_succession for each statement execute function quyche_bump_generation('org');
create trigger organization_succession_generation_truncate after truncate on organization_succession for each statement execute function quyche_bump_generation('org');
