import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** The "+ Thêm …" under a list of rows a form is filling (leads, milestones, team members, remedies). */
export function AddRowButton({
  onClick,
  testid,
  children,
}: {
  onClick: () => void;
  testid: string;
  children: ReactNode;
}) {
  return (
    <Button
      variant="subtle"
      size="compact-xs"
      onClick={onClick}
      data-testid={testid}
      style={{ alignSelf: 'flex-start' }}
    >
      + {children}
    </Button>
  );
}
