import { Table } from '@mantine/core';
import type { TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { fmt } from './dates';

/**
 * A table with one row of column headings (`head`; the columns numbered in `numeric` are aligned right, as numbers
 * are) above its rows (`children`); given `minWidth`, it scrolls sideways below that width.
 */
export function HeadTable({
  head,
  numeric = [],
  minWidth,
  children,
  ...props
}: TableProps & { head: ReactNode[]; numeric?: number[]; minWidth?: number }) {
  const table = (
    <Table {...props}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} ta={numeric.includes(i) ? 'right' : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
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
