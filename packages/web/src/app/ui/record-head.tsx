import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from '../router';

/**
 * The head of one record's page: the way back to its list (`‹ backLabel`), then a card with its badges, its title
 * (h1, named `titleTestid`), the line that says where it stands (`status`, red and bold when `overdue`) and the
 * lines about it (`children`).
 */
export function RecordHead({
  back,
  backLabel,
  badges,
  title,
  titleTestid,
  status,
  statusTestid,
  overdue,
  children,
}: {
  back: string;
  backLabel: string;
  badges: ReactNode;
  title: ReactNode;
  titleTestid?: string;
  status?: ReactNode;
  statusTestid?: string;
  overdue?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <Anchor component={Link} to={back} size="sm">
        ‹ {backLabel}
      </Anchor>
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            {badges}
          </Group>
          <Title order={1} size="h2" data-testid={titleTestid} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {status !== undefined && (
            <Text size="sm" data-testid={statusTestid} c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
              {status}
            </Text>
          )}
          {children}
        </Stack>
      </Card>
    </>
  );
}
