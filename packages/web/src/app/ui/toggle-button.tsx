import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** The button that opens or closes the form under it (to create a record): filled while the form is open. */
export function ToggleButton({
  open,
  onToggle,
  testid,
  children,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  testid: string;
  children: ReactNode;
}) {
  return (
    <Button variant={open ? 'filled' : 'light'} onClick={() => onToggle(!open)} data-testid={testid}>
      {children}
    </Button>
  );
}
