import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a user typed (a report, an answer, the minutes), its lines and paragraphs kept; a long word wraps. */
export function TypedText({ testid, children }: { testid?: string; children: ReactNode }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testid}>
      {children}
    </Text>
  );
}
