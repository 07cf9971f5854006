import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import type { SimpleGridProps } from '@mantine/core';
import { Link } from '../router';

export interface Figure {
  key: string;
  label: string;
  value: number;
  /** The colour of a figure above zero (none: it stays plain). */
  color?: string;
  /** The list that shows the records counted, when there is one. */
  to?: string;
}

/**
 * A row of large figures, each in a card named `${prefix}-${key}` that carries its value (`data-value`), its label
 * above it; a figure with a list behind it is a link to that list.
 */
export function FigureGrid({
  figures,
  cols,
  testid,
  prefix,
}: {
  figures: Figure[];
  cols: SimpleGridProps['cols'];
  testid: string;
  prefix: string;
}) {
  return (
    <SimpleGrid cols={cols} spacing="xs" data-testid={testid}>
      {figures.map((x) => (
        <Card key={x.key} withBorder p="sm" data-testid={`${prefix}-${x.key}`} data-value={x.value}>
          <Text size="xs" c="dimmed">
            {x.label}
          </Text>
          <Text fz={32} fw={800} c={x.value > 0 && x.color ? `${x.color}.8` : undefined} lh={1.1}>
            {x.to ? (
              <Anchor component={Link} to={x.to} inherit c="inherit" underline="hover">
                {x.value}
              </Anchor>
            ) : (
              x.value
            )}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
