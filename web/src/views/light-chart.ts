import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';

export interface LightPoint {
  day: string;
  green: number;
  yellow: number;
  red: number;
}

/**
 * The lights over the year as an ECharts line chart, drawn as SVG. A table of
 * the same numbers follows for screen readers, so the chart is never the only
 * way to the data.
 */
export const lightChart = (series: readonly LightPoint[]): HTMLElement => {
  const canvas = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': t('chartLabel'),
    'data-testid': 'light-chart',
  });
  drawWhenNear(canvas, () => drawChart(canvas, series));
  const table = h(
    'table',
    { class: 'visually-hidden' },
    h('caption', {}, t('chartLabel')),
    h(
      'tr',
      {},
      h('td', {}),
      [t('light_green'), t('light_yellow'), t('light_red')].map((text) =>
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

/**
 * ECharts is the console's largest chunk by far: it is fetched only once the
 * page stands and the chart is on screen or half a screen away, so the
 * cockpit's figures never wait for it, and a phone whose reader does not
 * scroll down to the chart never downloads it.
 */
const drawWhenNear = (element: HTMLElement, draw: () => Promise<void>) => {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!element.isConnected) observer.disconnect();
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void draw();
    },
    { rootMargin: '0px 0px 50% 0px' },
  );
  observer.observe(element);
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
  // The large display draws the page anew every few minutes: a chart taken off
  // the page lets its instance go instead of being kept alive by its observer.
  const resizes = new ResizeObserver(() => {
    if (element.isConnected) {
      chart.resize();
      return;
    }
    resizes.disconnect();
    chart.dispose();
  });
  resizes.observe(element);
};
