import { readFileSync } from 'node:fs';

/**
 * A small bounded HTTP load generator for loopback benchmarks: `clients` loops, each sending the
 * next request as soon as the previous answered, for a fixed time. Records every latency.
 */

export interface TLoadRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Status that counts as success. */
  expect: number;
  label: string;
}

export interface TLoadResult {
  requests: number;
  failures: number;
  /** A few examples of unexpected statuses, for the report. */
  failureSamples: string[];
  seconds: number;
  latenciesMs: number[];
  perLabel: Map<string, number[]>;
}

export async function runLoad(options: { clients: number; seconds: number; next(client: number, i: number): TLoadRequest | Promise<TLoadRequest> }): Promise<TLoadResult> {
  const deadline = performance.now() + options.seconds * 1000;
  const latenciesMs: number[] = [];
  const perLabel = new Map<string, number[]>();
  const failureSamples: string[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, async (_, client) => {
    for (let i = 0; performance.now() < deadline; i += 1) {
      const request = await options.next(client, i);
      const t0 = performance.now();
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        await response.arrayBuffer();
        const elapsed = performance.now() - t0;
        latenciesMs.push(elapsed);
        if (!perLabel.has(request.label)) perLabel.set(request.label, []);
        perLabel.get(request.label)!.push(elapsed);
        if (response.status !== request.expect) {
          failures += 1;
          if (failureSamples.length < 5) failureSamples.push(`${request.label}: ${response.status}`);
        }
      } catch (error) {
        failures += 1;
        if (failureSamples.length < 5) failureSamples.push(`${request.label}: ${(error as Error).message}`);
      }
    }
  }));
  return { requests: latenciesMs.length, failures, failureSamples, seconds: (performance.now() - started) / 1000, latenciesMs, perLabel };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}
