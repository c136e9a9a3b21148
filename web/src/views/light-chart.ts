import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';

export interface LightPoint {
  day: string;
  green: number;
  yellow: number;
  red: number;
}

/**
 * The lights over the year as an ECharts line chart, loaded only with the
 * overview (its own chunk), drawn as SVG. A table of the same numbers follows for
 * screen readers, so the chart is never the only way to the data.
 */
export const lightChart = (series: readonly LightPoint[]): HTMLElement => {
  const canvas = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': t('chartLabel'),
    'data-testid': 'light-chart',
  });
  void drawChart(canvas, series);
  const table = h(
    'table',
    { class: 'visually-hidden' },
    h('caption', {}, t('chartLabel')),
    h(
      'tr',
      {},
      ['', t('light_green'), t('light_yellow'), t('light_red')].map((text) =>
        h('th', { scope: 'col' }, text),
      ),
    ),
    series.map((point) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, point.day),
        h('td', {}, point.green),
        h('td', {}, point.yellow),
        h('td', {}, point.red),
      ),
    ),
  );
  return h('section', { class: 'chart-card' }, h('h2', {}, t('chartTitle')), canvas, table);
};

const drawChart = async (element: HTMLElement, series: readonly LightPoint[]) => {
  const echarts = await import('./echarts.ts');
  const chart = echarts.init(element, null, { renderer: 'svg', height: 260 });
  const line = (name: string, key: 'green' | 'yellow' | 'red', color: string, symbol: string) => ({
    name,
    type: 'line' as const,
    symbol,
    symbolSize: 8,
    itemStyle: { color },
    lineStyle: { color, type: key === 'yellow' ? ('dashed' as const) : ('solid' as const) },
    data: series.map((point) => point[key]),
  });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: series.map((point) => point.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(t('light_green'), 'green', '#1a7f37', 'circle'),
      line(t('light_yellow'), 'yellow', '#b58100', 'triangle'),
      line(t('light_red'), 'red', '#cf222e', 'rect'),
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(element);
};
