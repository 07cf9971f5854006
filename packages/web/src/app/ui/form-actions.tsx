import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTr } from './i18n';

/** The end of a form: its own button(s) (`children`), then "Thôi", which closes the form without writing. */
export function FormActions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const [, tr] = useTr();
  return (
    <Group gap="xs">
      {children}
      <Button variant="subtle" onClick={onCancel}>
        {tr('Thôi', 'Cancel')}
      </Button>
    </Group>
  );
}
