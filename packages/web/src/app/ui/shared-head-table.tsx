import { Table } from '@mantine/core';
import type { TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { fmt } from './dates';

/**
 * A table's one row of column headings: the columns numbered in `numeric` are aligned right, as numbers are, and
 * `widths` fixes a column's width where it has one.
 */
export function TableHead({
  head,
  numeric = [],
  widths = [],
}: {
  head: ReactNode[];
  numeric?: number[];
  widths?: (number | undefined)[];
}) {
  return (
    <Table.Thead>
      <Table.Tr>
        {head.map((h, i) => (
          <Table.Th key={i} ta={numeric.includes(i) ? 'right' : undefined} w={widths[i]}>
            {h}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * A table with one row of column headings (`head`, see `TableHead`) above its rows (`children`); given `minWidth`,
 * it scrolls sideways below that width.
 */
export function HeadTable({
  head,
  numeric,
  widths,
  minWidth,
  children,
  ...props
}: TableProps & { head: ReactNode[]; numeric?: number[]; widths?: (number | undefined)[]; minWidth?: number }) {
  const table = (
    <Table {...props}>
      <TableHead head={head} numeric={numeric} widths={widths} />
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth !== undefined ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}

/** The two cells of a row's period: from, until (an open end is blank). */
export function DatesTd({ from, until }: { from: string | null | undefined; until: string | null | undefined }) {
  return (
    <>
      <Table.Td>{fmt(from)}</Table.Td>
      <Table.Td>{fmt(until)}</Table.Td>
    </>
  );
}
