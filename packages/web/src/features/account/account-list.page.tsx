import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { foldVietnamese, roleAllows } from '@quyche/core';
import type { AppRole } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { useTitle } from '../../app/ui/use-title';
import { ConfirmDialog } from '../../app/ui/confirm-dialog';
import { useLang } from '../../app/ui/i18n';
import type { Lang } from '../../app/ui/i18n';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useRun } from '../../app/ui/use-run';
import { CreateAccountDialog, ResetPasswordDialog } from './account.dialogs';
import { AccountState, roleLabel } from './account.parts';
import type { Account } from './account.parts';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';

type Action = 'disable' | 'enable' | 'revoke';

const when = (iso: string, l: Lang) =>
  new Intl.DateTimeFormat(l === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** "Tài khoản": the accounts of the organizations the administrator manages, with what can be done to each. */
export function AccountListPage({ me }: { me: Me }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  useTitle(tr('Tài khoản', 'Accounts'));
  if (!me.grants.some((g) => roleAllows(g.role as AppRole, 'manage_users'))) {
    return (
      <Stack data-testid="accounts-page">
        <Title order={1} size="h2">
          {tr('Tài khoản', 'Accounts')}
        </Title>
        <Alert color="gray" data-testid="accounts-not-admin">
          {tr(
            'Chỉ quản trị viên quản lý tài khoản. Bạn đổi mật khẩu của mình ở menu tên mình, góc trên bên phải.',
            'Only administrators manage accounts. Change your own password from the menu with your name, top right.',
          )}
        </Alert>
      </Stack>
    );
  }
  return <Accounts me={me} />;
}

function Accounts({ me }: { me: Me }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const { data, error, loading, reload } = useApi<Account[]>('/users');
  const [q, setQ] = useState('');
  const [pending, setPending] = useState<{ action: Action; account: Account } | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const w = useRun<Account>((a) => {
    const what = pending?.action;
    setPending(null);
    setNotice(
      what === 'disable'
        ? tr(
            `Đã khóa tài khoản ${a.username}; các phiên đăng nhập của tài khoản đã kết thúc.`,
            `Locked ${a.username}; its sessions have ended.`,
          )
        : what === 'enable'
          ? tr(`Đã mở khóa tài khoản ${a.username}.`, `Unlocked ${a.username}.`)
          : tr(`Đã thu hồi mọi phiên đăng nhập của ${a.username}.`, `Ended every session of ${a.username}.`),
    );
    reload();
  });
  const terms = foldVietnamese(q).split(' ').filter(Boolean);
  const shown = (data ?? []).filter((a) => {
    const text = foldVietnamese(`${a.username} ${a.displayName} ${a.grants.map((g) => g.orgName).join(' ')}`);
    return terms.every((t) => text.includes(t));
  });
  const confirm = () => {
    if (!pending) return;
    const path = pending.action === 'revoke' ? 'sessions/revoke' : pending.action;
    void w.run(() => api<Account>('POST', `/users/${pending.account.id}/${path}`));
  };
  const dialog =
    pending &&
    {
      disable: {
        title: tr('Khóa tài khoản', 'Lock the account'),
        text: tr(
          `Khóa tài khoản ${pending.account.username} (${pending.account.displayName})? Người dùng bị đăng xuất ngay ` +
            `ở mọi nơi và không đăng nhập được cho đến khi được mở khóa.`,
          `Lock ${pending.account.username} (${pending.account.displayName})? They are signed out everywhere at once ` +
            `and cannot sign in until unlocked.`,
        ),
        label: tr('Khóa tài khoản', 'Lock'),
        color: 'red',
      },
      enable: {
        title: tr('Mở khóa tài khoản', 'Unlock the account'),
        text: tr(
          `Mở khóa tài khoản ${pending.account.username} (${pending.account.displayName})? Người dùng đăng nhập lại ` +
            `được bằng mật khẩu hiện có.`,
          `Unlock ${pending.account.username}? They can sign in with their current password.`,
        ),
        label: tr('Mở khóa', 'Unlock'),
        color: 'green',
      },
      revoke: {
        title: tr('Thu hồi phiên đăng nhập', 'End the sessions'),
        text: tr(
          `Đăng xuất ${pending.account.username} (${pending.account.displayName}) ở mọi máy, mọi trình duyệt ` +
            `(${pending.account.activeSessions} phiên đang mở)? Tài khoản vẫn hoạt động: người dùng đăng nhập lại ` +
            `được.`,
          `Sign ${pending.account.username} out on every device (${pending.account.activeSessions} open sessions)? ` +
            `The account stays active.`,
        ),
        label: tr('Thu hồi', 'End the sessions'),
        color: 'orange',
      },
    }[pending.action];

  return (
    <Stack data-testid="accounts-page">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <PageHead title={tr('Tài khoản', 'Accounts')}>
            {tr(
              'Tài khoản được phân quyền trong các tổ chức bạn quản trị',
              'Accounts with a role in the organizations you administer',
            )}
          </PageHead>
        </div>
        <Button onClick={() => setCreating(true)} data-testid="account-create-open">
          {tr('Tạo tài khoản', 'New account')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={tr('Tìm tài khoản', 'Find an account')}
        placeholder={tr('Tên, tên đăng nhập, tổ chức — có dấu hoặc không dấu', 'Name, username, organization')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="account-search"
      />
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="account-notice">
          {notice}
        </Alert>
      )}
      <LoadState error={error} loading={loading && !data} />
      {data && shown.length === 0 && <Text c="dimmed">{tr('Không có tài khoản phù hợp', 'No matching account')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {shown.map((a) => {
          const self = a.id === me.user.id;
          return (
            <Card key={a.id} withBorder padding="sm" data-testid="account-row" data-username={a.username}>
              <Stack gap={6}>
                <Group justify="space-between" align="start" gap="xs" wrap="wrap">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {a.displayName}
                      {self && (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          {tr('(bạn)', '(you)')}
                        </Text>
                      )}
                    </Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {a.username}
                    </Text>
                  </div>
                  <AccountState a={a} l={l} />
                </Group>
                <Stack gap={0}>
                  {a.grants.map((g) => (
                    <Text size="sm" key={`${g.role}-${g.orgId}`} style={{ overflowWrap: 'anywhere' }}>
                      {roleLabel(g.role, l)} — {g.orgName}
                    </Text>
                  ))}
                </Stack>
                <Text size="xs" c="dimmed" data-testid="account-activity">
                  {a.lastLoginAt
                    ? tr(`Đăng nhập lần cuối ${when(a.lastLoginAt, l)}`, `Last signed in ${when(a.lastLoginAt, l)}`)
                    : tr('Chưa đăng nhập lần nào', 'Never signed in')}
                  {' · '}
                  {tr(
                    `${a.activeSessions} phiên đang mở`,
                    `${a.activeSessions} open session${a.activeSessions === 1 ? '' : 's'}`,
                  )}
                </Text>
                {self ? (
                  <Anchor component={Link} to="/account/password" size="sm">
                    {tr('Đổi mật khẩu của bạn', 'Change your password')}
                  </Anchor>
                ) : (
                  <Group gap="xs" wrap="wrap">
                    <RowButton
                      color={a.disabled ? 'green' : 'red'}
                      onClick={() => setPending({ action: a.disabled ? 'enable' : 'disable', account: a })}
                      testid={a.disabled ? 'account-enable' : 'account-disable'}
                    >
                      {a.disabled ? tr('Mở khóa', 'Unlock') : tr('Khóa', 'Lock')}
                    </RowButton>
                    <RowButton color="orange" onClick={() => setResetting(a)} testid="account-reset">
                      {tr('Đặt lại mật khẩu', 'Reset password')}
                    </RowButton>
                    <RowButton
                      color="gray"
                      disabled={a.activeSessions === 0}
                      onClick={() => setPending({ action: 'revoke', account: a })}
                      testid="account-revoke"
                    >
                      {tr('Thu hồi phiên đăng nhập', 'End sessions')}
                    </RowButton>
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <ConfirmDialog
        opened={pending !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.label ?? ''}
        color={dialog?.color ?? 'red'}
        busy={w.busy}
        error={w.error}
        onConfirm={confirm}
        onClose={() => {
          setPending(null);
          w.setError(null);
        }}
        testid="account-confirm"
      >
        {dialog?.text}
      </ConfirmDialog>
      <ResetPasswordDialog
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={(a) => {
          setResetting(null);
          setNotice(
            tr(
              `Đã đặt lại mật khẩu của ${a.username}: người dùng phải đổi mật khẩu ở lần đăng nhập sau.`,
              `Reset the password of ${a.username}: they must change it at the next sign-in.`,
            ),
          );
          reload();
        }}
      />
      <CreateAccountDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onDone={(a) => {
          setCreating(false);
          setNotice(tr(`Đã tạo tài khoản ${a.username}.`, `Created ${a.username}.`));
          reload();
        }}
      />
    </Stack>
  );
}

/** A small button acting on one account of the list. */
function RowButton({ testid, ...props }: ButtonProps & { onClick: () => void; testid: string }) {
  return <Button size="xs" variant="light" {...props} data-testid={testid} />;
}
