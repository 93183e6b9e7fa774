/**
 * How long `parterre seasons --json` takes as a whole process — what a script or a box office's
 * scheduled job waits for: Node's start, the bundle's staleness check, the engine's worker, the
 * database opened, the answer printed. Medians of several runs after one warm-up (which builds
 * the bundle if a source changed), beside a bare `node` start and the same command run from the
 * TypeScript sources (PARTERRE_FROM_SOURCE=1, as before the bundle).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI_TARGET_MS = 400;
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'parterre.mjs');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * CPU time (user + system, in ms) used so far by the children this process waited for, on Linux
 * (/proc/self/stat, in clock ticks of 10 ms); null elsewhere. Unlike the wall time it hardly moves
 * when other programs share the cores, so it tells a slow machine from a slow command.
 */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // After « pid (comm) »: state is field 3, cutime 16 and cstime 17 (1-based) → indexes 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timeRuns(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    execFileSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    if (i === 0) continue; // the first run warms the caches (and builds the bundle if a source changed)
    wall.push(performance.now() - t0);
    const cpu1 = childrenCpuMs();
    if (cpu0 !== null && cpu1 !== null) cpu.push(cpu1 - cpu0);
  }
  return { wall, cpu };
}

export interface CliStartTimes {
  bundleMs: number;
  /** CPU time of the process (median), null where it cannot be read. */
  bundleCpuMs: number | null;
  sourceMs: number;
  sourceCpuMs: number | null;
  bareNodeMs: number;
  bareNodeCpuMs: number | null;
  runs: number[];
}

export function timeCliSeasons(dbPath: string, runs = 7): CliStartTimes {
  const command = [BIN, 'seasons', '--json', '--db', dbPath];
  const cpuMedian = (cpu: number[]) => (cpu.length ? median(cpu) : null);
  const bundled = timeRuns(command, runs);
  const source = timeRuns(command, Math.min(runs, 3), { PARTERRE_FROM_SOURCE: '1' });
  const bare = timeRuns(['-e', '0'], runs);
  return {
    bundleMs: median(bundled.wall),
    bundleCpuMs: cpuMedian(bundled.cpu),
    sourceMs: median(source.wall),
    sourceCpuMs: cpuMedian(source.cpu),
    bareNodeMs: median(bare.wall),
    bareNodeCpuMs: cpuMedian(bare.cpu),
    runs: bundled.wall,
  };
}

export function cliStartReport(label: string, times: CliStartTimes): string {
  const fmt = (ms: number) => ms.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const ok = times.bundleMs < CLI_TARGET_MS ? '✔' : '✘';
  const cpu = (ms: number | null) => (ms === null ? '' : `, ${fmt(ms)} ms CPU`);
  return (
    `  parterre seasons --json (${label}) ${fmt(times.bundleMs)} ms median of ${times.runs.length} processes${cpu(times.bundleCpuMs)}   target < ${CLI_TARGET_MS} ms   ${ok}\n` +
    `                      runs ${times.runs.map(fmt).join(', ')} ms\n` +
    `                      from the TypeScript sources (tsx, as before the bundle) ${fmt(times.sourceMs)} ms${cpu(times.sourceCpuMs)}; a bare node start ${fmt(times.bareNodeMs)} ms${cpu(times.bareNodeCpuMs)}`
  );
}
