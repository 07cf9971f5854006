import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The head of a page: its title (h1) with a dimmed line under it (what the page shows, for whom, which period), and
 * on the right what acts on the whole page (`children`: a button, a period or year picker).
 */
export function PageHeader({
  title,
  sub,
  subTestid,
  children,
}: {
  title: ReactNode;
  /** The dimmed line; nothing while it is not known yet. */
  sub?: ReactNode;
  subTestid?: string;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="end" wrap="wrap">
      <div style={{ minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {sub && (
          <Text size="sm" c="dimmed" data-testid={subTestid}>
            {sub}
          </Text>
        )}
      </div>
      {children && (
        <Group align="end" gap="xs" wrap="wrap">
          {children}
        </Group>
      )}
    </Group>
  );
}
