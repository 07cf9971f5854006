import { Alert, Button, Card, Center, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ChangePasswordSchema } from '@quyche/core';
import { api } from '../../app/api';
import { FormProblem } from '../../app/ui/form-problem';
import { useSchemaForm } from '../../app/ui/schema-form';
import { useTitle } from '../../app/ui/use-title';
import { useLang } from '../../app/ui/i18n';
import type { Me } from '../../app/session';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { NewPasswordFields, serverErrors, useNewPassword } from './account.parts';
import { PageHead } from '../../app/ui/shared-page-head';

/**
 * "Đổi mật khẩu": every user, from the header's menu; and the only page of an account whose password an
 * administrator reset (`forced`), until a new one is chosen. The other sessions of the account end; this one stays.
 */
export function ChangePasswordPage({
  me,
  forced = false,
  onChanged,
  onLogout,
}: {
  me: Me;
  forced?: boolean;
  onChanged: () => void;
  onLogout?: () => void;
}) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const pw = useNewPassword();
  // The new password's policy is checked beside its inputs (useNewPassword); the schema bounds the request.
  const form = useSchemaForm(ChangePasswordSchema, { currentPassword: '' }, (v) => ({
    currentPassword: v.currentPassword,
    newPassword: pw.next,
  }));
  const [done, setDone] = useState(false);
  const w = useRun<void>(() => {
    setDone(true);
    form.setValues({ currentPassword: '' });
    form.clearErrors();
    pw.clear();
    onChanged();
  });
  useTitle(tr('Đổi mật khẩu', 'Change password'));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    setDone(false);
    w.setError(null);
    const policyOk = pw.validate({ username: me.user.username, current: form.values.currentPassword });
    form.submitBody((body) => {
      if (policyOk) void w.run(() => api<void>('POST', '/auth/password', body));
    })(e);
  };
  const fromServer = serverErrors(w.error, 'newPassword');
  const currentErrors = serverErrors(w.error, 'currentPassword');
  const fieldError = fromServer.length > 0 || currentErrors.length > 0;

  const content = (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={460} data-testid="password-form">
        {forced && (
          <Alert
            color="orange"
            title={tr('Cần đặt mật khẩu mới', 'Choose a new password')}
            data-testid="password-forced"
          >
            {tr(
              'Quản trị viên đã đặt lại mật khẩu của tài khoản này. Hãy đặt mật khẩu mới của riêng bạn để tiếp tục ' +
                'làm việc.',
              'An administrator reset this account’s password. Choose your own new password to go on.',
            )}
          </Alert>
        )}
        <PasswordInput
          label={
            forced
              ? tr('Mật khẩu quản trị viên đã cấp', 'Password given by the administrator')
              : tr('Mật khẩu hiện tại', 'Current password')
          }
          {...form.getInputProps('currentPassword')}
          error={[form.errors.currentPassword, ...currentErrors].filter(Boolean).join(' ') || undefined}
          autoComplete="current-password"
          required
          data-testid="password-current"
        />
        <NewPasswordFields {...pw.fields(fromServer)} testid="password" />
        <FormProblem errors={form.errors} testid="password-problem" />
        {w.error && !fieldError && <WriteError error={w.error} testid="password-error" />}
        {done && (
          <Alert color="green" data-testid="password-done" title={tr('Đã đổi mật khẩu', 'Password changed')}>
            {tr(
              'Từ nay đăng nhập bằng mật khẩu mới. Các phiên đăng nhập khác của tài khoản (máy khác, trình duyệt ' +
                'khác) đã kết thúc.',
              'Sign in with the new password from now on. The account’s other sessions (other devices, other ' +
                'browsers) have ended.',
            )}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={w.busy} data-testid="password-submit">
            {tr('Đổi mật khẩu', 'Change password')}
          </Button>
          {forced && onLogout && (
            <Button variant="subtle" onClick={onLogout} data-testid="logout">
              {tr('Đăng xuất', 'Sign out')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
  if (!forced) {
    return (
      <Stack data-testid="password-page">
        <PageHead title={tr('Đổi mật khẩu', 'Change password')}>
          {tr(
            `Tài khoản ${me.user.username} — ${me.user.displayName}`,
            `Account ${me.user.username} — ${me.user.displayName}`,
          )}
        </PageHead>
        {content}
      </Stack>
    );
  }
  return <ForcedFrame title={tr('Đổi mật khẩu', 'Change password')}>{content}</ForcedFrame>;
}

/** The page alone, like the login page: nothing else answers until the password is changed. */
function ForcedFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Card withBorder shadow="sm" w={500} maw="100%" p="xl" data-testid="password-page">
        <Title order={1} size="h2" mb="sm">
          {title}
        </Title>
        {children}
      </Card>
    </Center>
  );
}
