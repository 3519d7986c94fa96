import * as echarts from 'echarts';

/** The stacked lower / same / higher bars of a subject's rows, rendered by ECharts on the server as SVG
 *  (no raster). Hidden figures ('..', '.') are drawn as nothing; the table beside carries them. */
export function deviationChartSvg(bars: { label: string; lower: number | null; same: number | null; higher: number | null }[], width = 495): string {
  const height = 50 + bars.length * 22;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans' },
      legend: { top: 0, data: ['Lägre', 'Samma', 'Högre'] },
      grid: { left: 140, right: 10, top: 28, bottom: 20 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label) },
      series: (['lower', 'same', 'higher'] as const).map((k, i) => ({
        name: ['Lägre', 'Samma', 'Högre'][i], type: 'bar', stack: 'all', color: ['#c2410c', '#9ca3af', '#1d4ed8'][i],
        data: bars.map((b) => pct(b[k])),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
