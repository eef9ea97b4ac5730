/**
 * A bar-like line chart of daily values per series with uPlot (small, maintained, canvas). The canvas
 * is hidden from assistive technology; the caller puts the same numbers in text next to it.
 * uPlot sizes its elements through the CSSOM (element.style), which the page's CSP (style-src 'self')
 * allows; its stylesheet is bundled with ours.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

// distinguishable for common colour-vision deficiencies (Okabe–Ito)
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

export function DailyChart(props: { days: string[]; series: ChartSeries[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const xs = props.days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 280),
      height: props.height ?? 220,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [
        { stroke: '#3b4452', grid: { stroke: '#e5e8ec' } },
        { stroke: '#3b4452', grid: { stroke: '#e5e8ec' } },
      ],
      series: [
        {},
        ...props.series.map((s, i) => ({
          label: s.label,
          stroke: COLOURS[i % COLOURS.length],
          fill: `${COLOURS[i % COLOURS.length]}22`,
          width: 2,
          points: { show: true, size: 5 },
        })),
      ],
    };
    const plot = new uPlot(options, [xs, ...props.series.map((s) => s.values)] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 280), height: options.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.days, props.series, props.height]);
  return <div class="chart" ref={box} aria-hidden="true" />;
}
