import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTr } from './i18n';

/**
 * The end of a form: its own button(s) (`children`), then "Thôi", which closes the form without writing (as small as
 * the form's buttons: `size`).
 */
export function FormActions({ onCancel, size, children }: { onCancel: () => void; size?: 'xs'; children: ReactNode }) {
  const [, tr] = useTr();
  return (
    <Group gap="xs">
      {children}
      <Button size={size} variant="subtle" onClick={onCancel}>
        {tr('Thôi', 'Cancel')}
      </Button>
    </Group>
  );
}
