import type { ReactNode } from 'react';

/**
 * The entries of a chart's legend: each a swatch (an `<i>` with the chart's own CSS classes, `swatch`) and what it
 * stands for; the chart lays them out.
 */
export function LegendEntries({ entries }: { entries: (readonly [swatch: string, label: ReactNode] | false)[] }) {
  return (
    <>
      {entries.map(
        (e) =>
          e && (
            <span key={e[0]}>
              <i className={e[0]} /> {e[1]}
            </span>
          ),
      )}
    </>
  );
}
