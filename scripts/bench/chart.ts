/**
 * A hand-written SVG chart: latency (p50, p95) and resident memory against corpus size,
 * two panels side by side, logarithmic x axis (corpus size as a multiple of the article).
 */

export interface ChartPoint {
  /** corpus size as a multiple of the article */
  multiple: number;
  passages: number;
  p50: number;
  p95: number;
  rssAfterLoadMB: number;
  peakRssMB: number;
}

export interface ChartOptions {
  title: string;
  subtitle: string;
  /** sizes that were asked for but did not complete (named under the chart) */
  incomplete?: { multiple: number; reason: string }[];
}

const W = 960;
const H = 440;
const PANEL = { top: 104, bottom: 84, left: 74, width: 360, gap: 110 };
const COLORS = { p50: '#1f77b4', p95: '#d62728', rss: '#2ca02c', peak: '#9467bd', grid: '#e3e3e3', axis: '#444', text: '#222', muted: '#666' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(x: number): string {
  if (x >= 1000) return `${Math.round(x).toLocaleString('en-US')}`;
  if (x >= 100) return String(Math.round(x));
  if (x >= 10) return x.toFixed(1).replace(/\.0$/, '');
  return x.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}

/** "Nice" linear ticks from 0 to at least max. */
function ticks(max: number): number[] {
  const raw = max / 5;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw || 1))).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

interface Series {
  name: string;
  color: string;
  dash?: string;
  values: number[];
}

/** 1-2-5 ticks spanning [min, max] for a logarithmic axis. */
function logTicks(min: number, max: number): number[] {
  const all: number[] = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)) + 1; e++) for (const m of [1, 2, 5]) all.push(Math.round(m * 10 ** e * 1e6) / 1e6);
  const first = [...all].reverse().find((v) => v <= min) ?? all[0];
  const last = all.find((v) => v >= max) ?? all[all.length - 1];
  return all.filter((v) => v >= first && v <= last);
}

function panel(x0: number, title: string, unit: string, xs: number[], labels: string[], series: Series[], logY = false): string {
  const y0 = PANEL.top;
  const h = H - PANEL.top - PANEL.bottom;
  const w = PANEL.width;
  const lo = Math.floor(Math.log10(Math.min(...xs)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...xs))));
  const px = (x: number) => x0 + ((Math.log10(x) - lo) / (hi - lo)) * w;
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const yTicks = logY ? logTicks(Math.min(...all), Math.max(...all)) : ticks(Math.max(...all) * 1.08);
  const yMin = logY ? yTicks[0] : 0;
  const yMax = yTicks[yTicks.length - 1];
  const py = (y: number) => (logY ? y0 + h - ((Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * h : y0 + h - (y / yMax) * h);
  const parts: string[] = [];
  parts.push(`<text x="${x0 + w / 2}" y="${y0 - 30}" text-anchor="middle" font-size="15" font-weight="600" fill="${COLORS.text}">${esc(title)}</text>`);
  for (const v of yTicks) {
    parts.push(`<line x1="${x0}" x2="${x0 + w}" y1="${py(v)}" y2="${py(v)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${x0 - 8}" y="${py(v) + 4}" text-anchor="end" font-size="11" fill="${COLORS.muted}">${fmt(v)}</text>`);
  }
  for (let e = lo; e <= hi; e++) {
    const x = px(10 ** e);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${x}" y="${y0 + h + 18}" text-anchor="middle" font-size="11" fill="${COLORS.muted}">${fmt(10 ** e)}×</text>`);
    for (let m = 2; m < 10 && e < hi; m++) {
      const xm = px(m * 10 ** e);
      parts.push(`<line x1="${xm}" x2="${xm}" y1="${y0 + h}" y2="${y0 + h + 4}" stroke="${COLORS.axis}"/>`);
    }
  }
  parts.push(`<line x1="${x0}" x2="${x0 + w}" y1="${y0 + h}" y2="${y0 + h}" stroke="${COLORS.axis}"/>`);
  parts.push(`<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + h}" stroke="${COLORS.axis}"/>`);
  parts.push(`<text x="${x0 + w / 2}" y="${y0 + h + 38}" text-anchor="middle" font-size="12" fill="${COLORS.text}">corpus size (multiple of the article, log scale)</text>`);
  parts.push(`<text transform="translate(${x0 - 50} ${y0 + h / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="${COLORS.text}">${esc(unit)}${logY ? ' (log scale)' : ''}</text>`);
  xs.forEach((x, i) => parts.push(`<text x="${px(x)}" y="${y0 + h + 54}" text-anchor="middle" font-size="10" fill="${COLORS.muted}">${esc(labels[i])}</text>`));
  series.forEach((s, si) => {
    const points = xs.map((x, i) => `${px(x).toFixed(1)},${py(s.values[i]).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${points.join(' ')}"/>`);
    xs.forEach((x, i) => {
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(s.values[i]).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(`${s.name} at ${fmt(x)}×: ${fmt(s.values[i])} ${unit}`)}</title></circle>`);
      const above = si === series.length - 1;
      parts.push(`<text x="${px(x) + (i === xs.length - 1 ? -6 : 6)}" y="${py(s.values[i]) + (above ? -8 : 15)}" text-anchor="${i === xs.length - 1 ? 'end' : 'start'}" font-size="10" fill="${s.color}" stroke="#fff" stroke-width="3" paint-order="stroke">${fmt(s.values[i])}</text>`);
    });
  });
  // Legend.
  series.forEach((s, i) => {
    const lx = x0 + 8 + i * 150;
    const ly = y0 - 12;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2.2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 28}" y="${ly + 4}" font-size="11" fill="${COLORS.text}">${esc(s.name)}</text>`);
  });
  return parts.join('\n');
}

/** The chart as an SVG document. */
export function renderChart(points: ChartPoint[], options: ChartOptions): string {
  const sorted = [...points].sort((a, b) => a.multiple - b.multiple);
  const xs = sorted.map((p) => p.multiple);
  const labels = sorted.map((p) => `${p.passages.toLocaleString('en-US')} passages`);
  const body: string[] = [];
  if (sorted.length === 0) {
    body.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="14">no corpus size completed</text>`);
  } else {
    body.push(panel(PANEL.left, 'Latency per question (engine.ask)', 'milliseconds', xs, labels, [
      { name: 'p50', color: COLORS.p50, values: sorted.map((p) => p.p50) },
      { name: 'p95', color: COLORS.p95, dash: '6 4', values: sorted.map((p) => p.p95) },
    ], true));
    body.push(panel(PANEL.left + PANEL.width + PANEL.gap, 'Resident memory', 'MB', xs, labels, [
      { name: 'RSS after load', color: COLORS.rss, values: sorted.map((p) => p.rssAfterLoadMB) },
      { name: 'peak RSS (serving)', color: COLORS.peak, dash: '6 4', values: sorted.map((p) => p.peakRssMB) },
    ]));
  }
  const notes = (options.incomplete ?? []).map((s) => `${fmt(s.multiple)}× not completed: ${s.reason}`);
  notes.forEach((n, i) => body.push(`<text x="${PANEL.left}" y="${H - 12 - 14 * (notes.length - 1 - i)}" font-size="11" fill="${COLORS.p95}">${esc(n)}</text>`));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="17" font-weight="700" fill="${COLORS.text}">${esc(options.title)}</text>`,
    `<text x="${W / 2}" y="43" text-anchor="middle" font-size="12" fill="${COLORS.muted}">${esc(options.subtitle)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
