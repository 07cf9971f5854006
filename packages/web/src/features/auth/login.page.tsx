import { Alert, Button, Card, Center, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { LoginSchema } from '@quyche/core';
import { api, type ApiError, setCsrf } from '../../app/api';
import { useTitle } from '../../app/ui/use-title';
import { useSchemaForm } from '../../app/ui/schema-form';
import { useLang } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { navigate } from '../../app/router';
import type { Me } from '../../app/session';
import { PageHead } from '../../app/ui/shared-page-head';
import { LangSwitch } from '../../app/ui/lang-switch';

export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const [, t] = useLang();
  const form = useSchemaForm(LoginSchema, { username: '', password: '' }, (v) => ({
    username: v.username.trim(),
    password: v.password,
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('login'));
  const login = async (body: z.input<typeof LoginSchema>) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('POST', '/auth/login', body);
      setCsrf(me.csrfToken);
      onLogin(me);
      navigate('/', true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Card withBorder shadow="sm" w={380} p="xl">
        <form onSubmit={form.submitBody((body) => void login(body))} noValidate>
          <Stack>
            <div>
              <PageHead title={t('login')}>Quychế — {t('tagline')}</PageHead>
            </div>
            <FormText form={form} path="username" testid="login-username" autoComplete="username" required>
              {t('username')}
            </FormText>
            <PasswordInput
              label={t('password')}
              {...form.getInputProps('password')}
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
            {error && (
              <Alert color="red" data-testid="login-error" title={error.title}>
                {error.detail ?? ''}
              </Alert>
            )}
            <Button type="submit" loading={busy} data-testid="login-submit">
              {t('login')}
            </Button>
            <LangSwitch />
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
