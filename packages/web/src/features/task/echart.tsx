import { useEffect, useRef, useState } from 'react';
import { useStable } from '../../app/ui/use-stable';
import type { ChartOption } from './task.charts';

type Charts = typeof import('./task.charts');

/**
 * A chart's option, built with the charts module once it is loaded (it comes with the pages that draw charts), and
 * again whenever `input` changes in content.
 */
export function useChartOption<I>(input: I, build: (charts: Charts, input: I) => ChartOption): ChartOption | null {
  const stable = useStable(input);
  const builder = useRef(build);
  useEffect(() => {
    builder.current = build;
  });
  const [option, setOption] = useState<ChartOption | null>(null);
  useEffect(() => {
    let live = true;
    void import('./task.charts').then((m) => live && setOption(builder.current(m, stable)));
    return () => {
      live = false;
    };
  }, [stable]);
  return option;
}

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
