import { Alert, List } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A warning whose body is a list (what still blocks a step, what to check again); a line breaks anywhere, since it
 * may quote a long provision, unless `wrapAnywhere` is false. `count` and each line's `itemTestid` are for the tests.
 */
export function ListAlert({
  color,
  title,
  testid,
  count,
  items,
  itemTestid,
  wrapAnywhere = true,
}: {
  color: string;
  title: ReactNode;
  testid: string;
  count?: number;
  items: ReactNode[];
  itemTestid?: string;
  wrapAnywhere?: boolean;
}) {
  return (
    <Alert color={color} title={title} data-testid={testid} data-count={count}>
      <List size="sm" spacing={2}>
        {items.map((x, i) => (
          <List.Item key={i} data-testid={itemTestid} style={wrapAnywhere ? { overflowWrap: 'anywhere' } : undefined}>
            {x}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
