/**
 * The dashboard's charts: ECharts with only what they use (bars, a grid, tooltips, a legend) drawn as SVG, so the
 * bars and their labels are in the page (readable by a screen reader's parent label, printable, testable). Loaded on
 * demand by the dashboard: the rest of the app does not carry ECharts.
 */
import { init, use } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export function drawChart(el: HTMLElement): ECharts {
  return init(el, null, { renderer: 'svg' });
}

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** What every chart has: the page's font, a grid that keeps the axis labels inside, a tooltip per bar. */
const frame = (right: number, top: number): ChartOption => ({
  textStyle: { fontFamily: FONT },
  grid: { left: 8, right, top, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

/** Horizontal bars' axes: the count along, the names (units, members) down, a long name broken over lines. */
const namesDown = (names: string[]): ChartOption => ({
  xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
  yAxis: {
    type: 'category',
    data: names,
    axisLabel: { fontSize: 12, width: 170, overflow: 'break' },
    axisTick: { show: false },
  },
});

/** Horizontal bars, one per name (a unit, a member), counted in whole tasks. */
export function countBars(rows: { name: string; value: number }[], color: string, seriesName: string): ChartOption {
  const ordered = [...rows].reverse();
  return {
    ...frame(32, 8),
    ...namesDown(ordered.map((r) => r.name)),
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: ordered.map((r) => r.value),
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 26,
        label: { show: true, position: 'right', fontSize: 12 },
      },
    ],
  };
}

/** Tasks done each month, stacked: on time, then late. */
export function monthStack(
  months: string[],
  onTime: number[],
  late: number[],
  names: { onTime: string; late: string },
): ChartOption {
  return {
    ...frame(8, 32),
    legend: { top: 0, data: [names.onTime, names.late] },
    xAxis: { type: 'category', data: months, axisLabel: { fontSize: 11, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: names.onTime,
        stack: 'done',
        data: onTime,
        itemStyle: { color: '#2f9e44' },
        barMaxWidth: 28,
      },
      { type: 'bar', name: names.late, stack: 'done', data: late, itemStyle: { color: '#e03131' }, barMaxWidth: 28 },
    ],
  };
}

/** Tasks of each unit in a period, stacked horizontally: done on time, done late, overdue at the period's end. */
export function unitStack(
  rows: { name: string; onTime: number; late: number; overdue: number }[],
  names: { onTime: string; late: string; overdue: string },
): ChartOption {
  const ordered = [...rows].reverse();
  const colors = { onTime: '#2f9e44', late: '#f76707', overdue: '#e03131' };
  const series = (k: keyof typeof colors) => ({
    type: 'bar' as const,
    name: names[k],
    stack: 'tasks',
    data: ordered.map((r) => r[k]),
    itemStyle: { color: colors[k] },
    barMaxWidth: 24,
    label: {
      show: true,
      fontSize: 11,
      formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
    },
  });
  return {
    ...frame(16, 32),
    legend: { top: 0, data: [names.onTime, names.late, names.overdue] },
    ...namesDown(ordered.map((r) => r.name)),
    series: [series('onTime'), series('late'), series('overdue')],
  };
}
