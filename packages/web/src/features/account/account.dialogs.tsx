import { Button, Modal, NativeSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { APP_ROLES, todayInVietnam } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { useLang } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { NewPasswordFields, roleLabel, serverErrors, useNewPassword } from './account.parts';
import type { Account } from './account.parts';
import { FormActions } from '../../app/ui/form-actions';

/** "Đặt lại mật khẩu": the administrator gives a password the user must change at the next login; sessions end. */
export function ResetPasswordDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account | null;
  onClose: () => void;
  onDone: (a: Account) => void;
}) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const phone = useMediaQuery('(max-width: 600px)');
  const pw = useNewPassword();
  const w = useRun<Account>((a) => {
    pw.clear();
    onDone(a);
  });
  const close = () => {
    pw.clear();
    w.setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!account || !pw.validate({ username: account.username })) return;
    void w.run(() => api<Account>('POST', `/users/${account.id}/password`, { newPassword: pw.next }));
  };
  const fromServer = serverErrors(w.error, 'newPassword');
  return (
    <Modal
      opened={account !== null}
      onClose={close}
      title={<b>{tr('Đặt lại mật khẩu', 'Reset the password')}</b>}
      fullScreen={!!phone}
    >
      {account && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" data-testid="reset-dialog">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {tr(
                `Tài khoản ${account.username} (${account.displayName}): mọi phiên đăng nhập đang mở sẽ kết thúc; ` +
                  `người dùng đăng nhập bằng mật khẩu này rồi phải đổi ngay mật khẩu của riêng mình. Hãy báo mật ` +
                  `khẩu cho người dùng qua kênh an toàn.`,
                `Account ${account.username} (${account.displayName}): every open session ends; the user signs in ` +
                  `with this password and must then choose their own. Give it to them safely.`,
              )}
            </Text>
            <NewPasswordFields {...pw.fields(fromServer)} testid="reset" />
            {w.error && fromServer.length === 0 && <WriteError error={w.error} testid="reset-error" />}
            <FormActions onCancel={close}>
              <Button type="submit" color="orange" loading={w.busy} data-testid="reset-submit">
                {tr('Đặt lại mật khẩu', 'Reset the password')}
              </Button>
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

interface OrgItem {
  id: string;
  code: string;
  name: string;
}

/** "Tạo tài khoản": a username, a name, a first password and one role on one organization of the administrator's. */
export function CreateAccountDialog({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (a: Account) => void;
}) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const phone = useMediaQuery('(max-width: 600px)');
  const orgs = useApi<{ items: OrgItem[] }>(opened ? `/organizations?asOf=${todayInVietnam()}&pageSize=500` : null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const pw = useNewPassword();
  const [role, setRole] = useState<string>('clerk');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [checked, setChecked] = useState({
    username: [] as string[],
    displayName: [] as string[],
    orgId: [] as string[],
  });
  const reset = () => {
    setUsername('');
    setDisplayName('');
    pw.clear();
    setOrgId(null);
    setChecked({ username: [], displayName: [], orgId: [] });
  };
  const w = useRun<Account>((a) => {
    reset();
    onDone(a);
  });
  const close = () => {
    reset();
    w.setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = username.trim();
    const passwordOk = pw.validate({ username: name });
    const errors = {
      username: /^[a-z0-9._-]{3,100}$/.test(name)
        ? []
        : [
            tr(
              'Tên đăng nhập gồm 3–100 chữ thường không dấu, số, dấu chấm, gạch.',
              'Username: 3–100 lower-case letters without diacritics, digits, dots, dashes.',
            ),
          ],
      displayName: displayName.trim() ? [] : [tr('Cần tên hiển thị.', 'A display name is needed.')],
      orgId: orgId ? [] : [tr('Chọn tổ chức.', 'Choose an organization.')],
    };
    setChecked(errors);
    if (!passwordOk || errors.username.length || errors.displayName.length || errors.orgId.length) return;
    void w.run(() =>
      api<Account>('POST', '/users', {
        username: name,
        displayName: displayName.trim(),
        password: pw.next,
        grants: [{ role, orgId }],
      }),
    );
  };
  const on = (field: string, local: string[]) => {
    const all = [...local, ...serverErrors(w.error, field)];
    return all.length ? all.join(' ') : undefined;
  };
  const fieldError = ['username', 'password', 'displayName'].some((f) => serverErrors(w.error, f).length > 0);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<b>{tr('Tạo tài khoản', 'New account')}</b>}
      size="lg"
      fullScreen={!!phone}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" data-testid="create-dialog">
          <TextInput
            label={tr('Tên đăng nhập', 'Username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={on('username', checked.username)}
            required
            autoComplete="off"
            data-testid="create-username"
          />
          <TextInput
            label={tr('Tên hiển thị', 'Display name')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={on('displayName', checked.displayName)}
            required
            data-testid="create-name"
          />
          <NativeSelect
            label={tr('Vai trò', 'Role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={APP_ROLES.map((r) => ({ value: r, label: roleLabel(r, l) }))}
            data-testid="create-role"
          />
          <Select
            label={tr('Trên tổ chức (và các tổ chức trực thuộc)', 'On the organization (and those under it)')}
            placeholder={tr('Gõ để tìm', 'Type to search')}
            searchable
            value={orgId}
            onChange={setOrgId}
            data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            error={on('grants', checked.orgId)}
            nothingFoundMessage={tr('Không có tổ chức phù hợp', 'No matching organization')}
            comboboxProps={{ withinPortal: true }}
            data-testid="create-org"
          />
          <NewPasswordFields {...pw.fields(serverErrors(w.error, 'password'))} testid="create-password" />
          {w.error && !fieldError && <WriteError error={w.error} testid="create-error" />}
          <FormActions onCancel={close}>
            <Button type="submit" loading={w.busy} data-testid="create-submit">
              {tr('Tạo tài khoản', 'Create the account')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
