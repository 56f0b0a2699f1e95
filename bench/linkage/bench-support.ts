/**
 * Shared helpers of the linkage benchmarks: argument parsing, the ratio-line printer, timing.
 */
import { cpus, loadavg } from 'node:os';

export interface TBenchArgs {
  /** Multiplies the large data sizes (1 = the issue's sizes: 1,000,000 records). */
  scale: number;
  /** Names of the benchmarks to run (default all). */
  only: Set<string> | null;
  /** Overlap of the two parties in the PPRL run. */
  overlap: number;
}

export function parseArgs(argv: readonly string[]): TBenchArgs {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    return eq?.slice(name.length + 1);
  };
  const scale = Number(value('--scale') ?? process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 4)) throw new RangeError(`--scale must be in (0, 4], got ${scale}`);
  const only = value('--only');
  const overlap = Number(value('--overlap') ?? 0.5);
  return { scale, only: only ? new Set(only.split(',')) : null, overlap };
}

/** Prints one ratio line: `name value` followed by details and the goal verdict. */
export function ratioLine(name: string, value: number, details: string, goal?: { op: '>=' | '<='; target: number }): void {
  let verdict = '';
  if (goal) {
    const met = goal.op === '>=' ? value >= goal.target : value <= goal.target;
    const by = goal.op === '>=' ? (goal.target - value) / goal.target : (value - goal.target) / goal.target;
    verdict = met ? `goal ${goal.op} ${goal.target}: met` : `goal ${goal.op} ${goal.target}: MISSED by ${(by * 100).toFixed(by < 0.01 ? 2 : 1)} %`;
  }
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3;
  console.log(`${name} ${value.toFixed(digits)}  (${details}${verdict ? `; ${verdict}` : ''})`);
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `node ${process.version}, V8 ${process.versions.v8}, ${cpus().length} × ${cpu}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
}

export const ms = (t0: number): number => performance.now() - t0;
export const fmt = (x: number, digits = 4): string => x.toFixed(digits);
