import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, type ApiError, setCsrf } from '../../app/api';
import { useTitle } from '../../app/ui/use-title';
import { setLang, useLang } from '../../app/ui/i18n';
import { navigate } from '../../app/router';
import type { Me } from '../../app/session';

export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const [l, t] = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('login'));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('POST', '/auth/login', { username, password });
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
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('login')}
              </Title>
              <Text c="dimmed" size="sm">
                Quychế — {t('tagline')}
              </Text>
            </div>
            <TextInput
              label={t('username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              required
              data-testid="login-username"
            />
            <PasswordInput
              label={t('password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
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
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setLang(l === 'vi' ? 'en' : 'vi')}
              data-testid="lang-switch"
            >
              {l === 'vi' ? 'English' : 'Tiếng Việt'}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
