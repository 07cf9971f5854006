import { Group, Loader, Text } from '@mantine/core';
import { useLang } from './i18n';

export function Loading() {
  const [, t] = useLang();
  return (
    <Group gap="xs" my="md">
      <Loader size="sm" />
      <Text c="dimmed">{t('loading')}</Text>
    </Group>
  );
}
