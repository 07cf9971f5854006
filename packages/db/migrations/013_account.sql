-- Accounts an administrator manages: a reset password must be changed at the next login; the list shows when
-- each account last signed in.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column last_login_at timestamptz;
alter table app_user add column password_changed_at timestamptz;
