import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './task.charts';

/** An ECharts chart in SVG, loaded with its module on first use, resized with its box. */
export function EChart({
  option,
  height,
  testid,
  label,
}: {
  option: ChartOption;
  height: number;
  testid: string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption: (o: ChartOption, notMerge?: boolean) => void;
    resize: () => void;
    dispose: () => void;
  } | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    let ro: ResizeObserver | null = null;
    void import('./task.charts').then((m) => {
      if (!live || !ref.current) return;
      const c = m.drawChart(ref.current);
      chart.current = c;
      setReady(true);
      ro = new ResizeObserver(() => c.resize());
      ro.observe(ref.current);
    });
    return () => {
      live = false;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [option, ready]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testid}
      data-ready={String(ready)}
      style={{ width: '100%', height }}
    />
  );
}
