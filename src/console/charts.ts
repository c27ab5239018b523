/**
 * Charts with Chart.js, bundled into the console's script. Only the pieces the console draws are registered
 * (bar, line and doughnut), which keeps the bundle small. Every chart is a figure whose canvas is labelled
 * as an image and whose numbers are also given as a table, for screen readers and for anyone who wants them.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { el, table } from './dom';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);

const PALETTE = ['#0263e0', '#e0533d', '#14b053', '#8c5bd8', '#f2be5a', '#06033a', '#00a3a3', '#b33b8c'];

export interface Series {
  label: string;
  values: number[];
}

export interface ChartSpec {
  /** The figure's caption and the canvas's accessible name. */
  title: string;
  kind: 'bar' | 'stacked-bar' | 'doughnut';
  labels: string[];
  series: Series[];
  /** How values read in the table alternative (money, minutes...). */
  format: (v: number) => string;
}

function configOf(spec: ChartSpec): ChartConfiguration<'bar' | 'doughnut'> {
  const stacked = spec.kind === 'stacked-bar';
  const datasets = spec.series.map((s, i) => ({
    label: s.label,
    data: s.values,
    backgroundColor:
      spec.kind === 'doughnut' ? spec.labels.map((_, j) => PALETTE[j % PALETTE.length]) : PALETTE[i % PALETTE.length],
  }));
  const tooltip = {
    callbacks: {
      label: (ctx: { dataset: { label?: string }; raw: unknown }) =>
        `${ctx.dataset.label ?? ''}: ${spec.format(Number(ctx.raw))}`,
    },
  };
  if (spec.kind === 'doughnut')
    return {
      type: 'doughnut',
      data: { labels: spec.labels, datasets },
      options: { maintainAspectRatio: false, plugins: { tooltip } },
    };
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { callback: (v) => spec.format(Number(v)) } } },
      plugins: { tooltip, legend: { display: spec.series.length > 1 } },
    },
  };
}

/** The chart and its table alternative; the chart is destroyed when the figure leaves the page. */
export function chartFigure(spec: ChartSpec): HTMLElement {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${spec.title}. The same figures are in the table below the chart.` });
  const headers = ['', ...spec.series.map((s) => s.label)];
  const rows = spec.labels.map((l, i) => [l, ...spec.series.map((s) => spec.format(s.values[i] ?? 0))]);
  const figure = el(
    'figure',
    { class: 'chart' },
    el('figcaption', {}, spec.title),
    el('div', { class: 'chart-box' }, canvas),
    el('details', { class: 'chart-table' }, el('summary', {}, 'Show the figures as a table'), table(spec.title, headers, rows)),
  );
  const chart = new Chart(canvas, configOf(spec));
  // Drawn charts hold listeners on the window: let go of them once the figure is gone.
  let shown = false;
  const watcher = new MutationObserver(() => {
    shown ||= figure.isConnected;
    if (!shown || figure.isConnected) return;
    chart.destroy();
    watcher.disconnect();
  });
  watcher.observe(document.body, { childList: true, subtree: true });
  return figure;
}
