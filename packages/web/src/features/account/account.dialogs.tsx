import { Modal, NativeSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { APP_ROLES, CreateUserSchema, ResetPasswordSchema, todayInVietnam } from '@quyche/core';
import type { AppRole } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { useLang } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { NewPasswordFields, roleLabel, serverErrors, useNewPassword } from './account.parts';
import type { Account } from './account.parts';
import { FormEnd } from '../../app/ui/shared-form-end';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';

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
  const pw = useNewPassword();
  // The password's policy is checked beside its inputs (useNewPassword); the schema bounds the request.
  const form = useSchemaForm(ResetPasswordSchema, {}, () => ({ newPassword: pw.next }));
  const w = useRun<Account>((a) => {
    pw.clear();
    onDone(a);
  });
  const close = () => {
    pw.clear();
    form.clearErrors();
    w.setError(null);
    onClose();
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const policyOk = !!account && pw.validate({ username: account.username });
    form.submitBody((body) => {
      if (account && policyOk) void w.run(() => api<Account>('POST', `/users/${account.id}/password`, body));
    })(e);
  };
  const fromServer = serverErrors(w.error, 'newPassword');
  return (
    <FormDialog
      opened={account !== null}
      onClose={close}
      title={tr('Đặt lại mật khẩu', 'Reset the password')}
      onSubmit={submit}
      testid="reset-dialog"
    >
      {account && (
        <>
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
          <FormEnd
            name="reset"
            form={form}
            write={{ error: fromServer.length ? null : w.error, busy: w.busy }}
            onCancel={close}
            color="orange"
          >
            {tr('Đặt lại mật khẩu', 'Reset the password')}
          </FormEnd>
        </>
      )}
    </FormDialog>
  );
}

/** A dialog that is one form (full screen on a phone), its inputs one below the other in a Stack named `testid`. */
function FormDialog({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  testid,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  testid: string;
  children: ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 600px)');
  return (
    <Modal opened={opened} onClose={onClose} title={<b>{title}</b>} size={size} fullScreen={!!phone}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" data-testid={testid}>
          {children}
        </Stack>
      </form>
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
  const orgs = useApi<{ items: OrgItem[] }>(opened ? `/organizations?asOf=${todayInVietnam()}&pageSize=500` : null);
  const pw = useNewPassword();
  const blank = { username: '', displayName: '', grants: [{ role: 'clerk' as AppRole, orgId: '' }] };
  const form = useSchemaForm(CreateUserSchema, blank, (v) => ({
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    password: pw.next,
    grants: v.grants.map((g) => ({ role: g.role, orgId: blankAs(g.orgId, undefined) as string })),
  }));
  const reset = () => {
    form.setValues(blank);
    form.clearErrors();
    pw.clear();
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
  // The schema's refusals and the password policy's are shown together; nothing is sent unless both pass.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const policyOk = pw.validate({ username: form.values.username.trim() });
    form.submitBody((body) => {
      if (policyOk) void w.run(() => api<Account>('POST', '/users', body));
    })(e);
  };
  /** The form's own refusal of a field, else the server's. */
  const on = (field: string, path = field) => {
    const all = [form.errors[path], ...serverErrors(w.error, field)].filter(Boolean);
    return all.length ? all.join(' ') : undefined;
  };
  const fieldError = ['username', 'password', 'displayName'].some((f) => serverErrors(w.error, f).length > 0);
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={tr('Tạo tài khoản', 'New account')}
      size="lg"
      onSubmit={submit}
      testid="create-dialog"
    >
      <TextInput
        label={tr('Tên đăng nhập', 'Username')}
        {...form.getInputProps('username')}
        error={on('username')}
        required
        autoComplete="off"
        data-testid="create-username"
      />
      <TextInput
        label={tr('Tên hiển thị', 'Display name')}
        {...form.getInputProps('displayName')}
        error={on('displayName')}
        required
        data-testid="create-name"
      />
      <NativeSelect
        label={tr('Vai trò', 'Role')}
        {...form.getInputProps('grants.0.role')}
        data={APP_ROLES.map((r) => ({ value: r, label: roleLabel(r, l) }))}
        data-testid="create-role"
      />
      <Select
        label={tr('Trên tổ chức (và các tổ chức trực thuộc)', 'On the organization (and those under it)')}
        placeholder={tr('Gõ để tìm', 'Type to search')}
        searchable
        {...form.getInputProps('grants.0.orgId')}
        value={form.values.grants[0]!.orgId || null}
        onChange={(id) => form.setFieldValue('grants.0.orgId', id ?? '')}
        data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        error={on('grants', 'grants.0.orgId')}
        nothingFoundMessage={tr('Không có tổ chức phù hợp', 'No matching organization')}
        comboboxProps={{ withinPortal: true }}
        data-testid="create-org"
      />
      <NewPasswordFields {...pw.fields(serverErrors(w.error, 'password'))} testid="create-password" />
      <FormEnd name="create" form={form} write={{ error: fieldError ? null : w.error, busy: w.busy }} onCancel={close}>
        {tr('Tạo tài khoản', 'Create the account')}
      </FormEnd>
    </FormDialog>
  );
}
