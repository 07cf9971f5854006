import { Anchor, Text } from '@mantine/core';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { Link } from '../router';
import './row-table.css';

/**
 * A list that reads as a table on a wide screen and as a card per row on a phone (under 760 px, by CSS alone): the
 * column headings (`head`) show on a wide screen only, so each cell but the first names itself on a phone with a
 * `RowKey`. `columns` is the wide screen's CSS grid (`minmax(0, 3fr) minmax(0, 1fr)`).
 */
export function RowTable({
  columns,
  head,
  testid,
  className,
  children,
}: {
  columns: string;
  head: ReactNode[];
  testid?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `qc-rows ${className}` : 'qc-rows'}
      data-testid={testid}
      style={{ '--qc-rows-columns': columns } as CSSProperties}
    >
      <div className="qc-rows-row qc-rows-head" aria-hidden="true">
        {head.map((h, i) => (
          <div key={i}>{h}</div>
        ))}
      </div>
      {children}
    </div>
  );
}

/** A row of a `RowTable`, marked red on its left when `overdue`. */
export function Row({ overdue = false, ...props }: HTMLAttributes<HTMLDivElement> & { overdue?: boolean }) {
  return <div {...props} className={overdue ? 'qc-rows-row qc-overdue' : 'qc-rows-row'} />;
}

/**
 * The row of a record that has a state and may be overdue (a task, a recommendation, a consultation): named `testid`,
 * with the record's `id`, `state` and whether it is `overdue` as data attributes, marked red when overdue.
 */
export function StateRow({
  testid,
  id,
  state,
  overdue,
  children,
}: {
  testid: string;
  id: string;
  state: string;
  overdue: boolean;
  children: ReactNode;
}) {
  return (
    <Row overdue={overdue} data-testid={testid} data-id={id} data-state={state} data-overdue={String(overdue)}>
      {children}
    </Row>
  );
}

/**
 * The first cell of a row: its title (`title`, a link to the record's page when `to`, named `testid`), the dimmed line
 * under it (`sub`), and what else goes under them (`children`), one above the other.
 */
export function RowMain({
  title,
  to,
  testid,
  sub,
  subTestid,
  children,
}: {
  title?: ReactNode;
  to?: string;
  testid?: string;
  sub?: ReactNode;
  subTestid?: string;
  children?: ReactNode;
}) {
  return (
    <div className="qc-rows-main">
      {title !== undefined &&
        (to ? (
          <Anchor component={Link} to={to} fw={600} size="sm" data-testid={testid}>
            {title}
          </Anchor>
        ) : (
          <Text fw={600} size="sm" data-testid={testid}>
            {title}
          </Text>
        ))}
      {sub !== undefined && (
        <Text size="xs" c="dimmed" data-testid={subTestid}>
          {sub}
        </Text>
      )}
      {children}
    </div>
  );
}

/** A cell's name before its value, on a phone only (a wide screen has the column's heading). */
export function RowKey({ children }: { children: ReactNode }) {
  return <span className="qc-rows-k">{children}</span>;
}
