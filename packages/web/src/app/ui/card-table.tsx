import { Table } from '@mantine/core';
import type { TableProps } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { TableHead } from './shared-head-table';
import './card-table.css';

/**
 * A table that reads as a table on a wide screen and as a pile of cards on a phone (under 600 px, by CSS alone):
 * give each cell but the first `data-label` (its column's name, shown before the value on a card) and
 * `className="qc-wide"`
 * to a long cell that should take a card's whole width. On a wide screen it scrolls sideways below `minWidth`.
 * Given `head` (and `numeric`, as `TableHead`), it writes the headings and `children` are the body's rows.
 */
export function CardTable({
  minWidth,
  className,
  head,
  numeric,
  children,
  ...props
}: TableProps & { minWidth: number; head?: ReactNode[]; numeric?: number[] }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} classNames={{ scrollContainerInner: 'qc-cards-inner' }}>
      <Table {...props} className={className ? `qc-cards ${className}` : 'qc-cards'}>
        {head ? (
          <>
            <TableHead head={head} numeric={numeric} />
            <Table.Tbody>{children}</Table.Tbody>
          </>
        ) : (
          children
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/** A register's or a dashboard's `CardTable`: striped, in small type, with tight rows. */
export function CompactTable(props: ComponentProps<typeof CardTable>) {
  return <CardTable striped fz="sm" verticalSpacing={6} {...props} />;
}
