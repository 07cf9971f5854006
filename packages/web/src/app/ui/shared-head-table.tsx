import { Table } from '@mantine/core';
import type { TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { fmt } from './dates';

/**
 * A table's one row of column headings: the columns numbered in `numeric` are aligned right, as numbers are,
 * `widths` fixes a column's width where it has one, and those in `wideOnly` show from a small tablet (`sm`) up.
 */
export function TableHead({
  head,
  numeric = [],
  widths = [],
  wideOnly = [],
}: {
  head: ReactNode[];
  numeric?: number[];
  widths?: (number | undefined)[];
  wideOnly?: number[];
}) {
  return (
    <Table.Thead>
      <Table.Tr>
        {head.map((h, i) => (
          <Table.Th
            key={i}
            ta={numeric.includes(i) ? 'right' : undefined}
            w={widths[i]}
            visibleFrom={wideOnly.includes(i) ? 'sm' : undefined}
          >
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
  wideOnly,
  minWidth,
  children,
  ...props
}: TableProps & {
  head: ReactNode[];
  numeric?: number[];
  widths?: (number | undefined)[];
  wideOnly?: number[];
  minWidth?: number;
}) {
  const table = (
    <Table {...props}>
      <TableHead head={head} numeric={numeric} widths={widths} wideOnly={wideOnly} />
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
