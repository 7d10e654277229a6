/**
 * What every measurement of `npm run bench` shares: statistics, alternation, formatting, tables.
 * On a shared machine an absolute time means little; a ratio to its floor, both measured in the
 * same run and alternately, holds. Each measurement module exports an async function that returns
 * typed rows; scripts/bench/index.ts turns them into BENCHMARKS.md.
 */

import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import path from 'node:path';

/** The p-th percentile (nearest rank) of `xs`. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
};

/** The median (the mean of the two middle values for an even count). */
export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Runs each subject once per round and returns every subject's samples. The order is reversed on
 * every other round (A B C, C B A, …), so neither side of a pair always runs first, and a machine
 * that slows down or speeds up during the run weighs on both sides alike. Each subject returns the
 * figure it measured (milliseconds, usually), so it can time exactly what it means to. Samples keep
 * the round order, so `pairedRatio` can divide each round's figure by the floor's of the same round.
 */
export const alternate = async <K extends string, T = number>(
  rounds: number,
  subjects: Record<K, () => Promise<T>>,
  opts: { warmup?: number } = {},
): Promise<Record<K, T[]>> => {
  const names = Object.keys(subjects) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < (opts.warmup ?? 0) + rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const value = await subjects[name]();
      if (round >= (opts.warmup ?? 0)) samples[name].push(value);
    }
  }
  return samples;
};

/**
 * The median of the per-round ratios `xs[i] / floor[i]`: each figure is divided by its floor measured
 * moments before or after it, so a load that changes over seconds cancels out of every ratio.
 */
export const pairedRatio = (xs: readonly number[], floor: readonly number[]): number =>
  median(xs.slice(0, floor.length).map((x, i) => x / (floor[i] as number)));

/** Times one call in milliseconds. */
export const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');
export const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

/** ✓ when `value` is at or under `limit`, ✗ over it, — when there is nothing to judge. */
export const check = (value: number, limit: number): string => (Number.isFinite(value) ? (value <= limit ? '✓' : '✗') : '—');

export const dirSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);

/** The 1-minute load average: how busy the machine was (other work shares its cores). */
export const load = (): number => loadavg()[0] ?? Number.NaN;

/** The machine a run measured: results are only comparable on the same line. */
export const machineLine = (loadAtStart: number): string => {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'unknown CPU').trim();
  return (
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${model} × ${cpu.length}, ${platform()} ${release()} (${process.arch}); ` +
    `load average ${loadAtStart.toFixed(1)} at the start, ${load().toFixed(1)} at the end`
  );
};

/** A markdown table: a title, optional lines of explanation, a header and rows. */
export interface Section {
  title: string;
  intro?: string[];
  header: string[];
  rows: string[][];
  outro?: string[];
}

export const renderSection = (s: Section): string[] => [
  `## ${s.title}`,
  '',
  ...(s.intro?.length ? [...s.intro, ''] : []),
  `| ${s.header.join(' | ')} |`,
  `|${s.header.map(() => '---').join('|')}|`,
  ...s.rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  ...(s.outro?.length ? [...s.outro, ''] : []),
];

/** Progress on stderr, so stdout stays the report. */
export const progress = (s: string): void => {
  process.stderr.write(`[bench] ${s}\n`);
};
