import { percentile } from '../../src/eval/score.js';
import type { LatencyStats } from './types.js';

/** p50/p95/p99 (nearest rank, as the eval reports them), mean and max of durations in ms. */
export function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), mean: round(mean, 2), max: round(sorted[sorted.length - 1] ?? 0, 2) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const MB = 1024 * 1024;

/** Resident set size now, in MB. */
export function rssMB(): number {
  return round(process.memoryUsage.rss() / MB, 1);
}

/** Peak resident set size of this process so far, in MB (getrusage ru_maxrss). */
export function peakRssMB(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
