/**
 * Load and soak benchmark (`npm run bench:load`), on loopback only, bounded in time. Prints:
 *
 *   api_case_create_per_s          POST /cases through the whole platform (auth, CSRF, zod, identity
 *                                  sealing, blind index, reference counter, audit hash chain)
 *   raw_fastify_pg_insert_per_s    a minimal Fastify + pg insert handler on the same engine
 *   api_writes_per_s_vs_raw_pg     the first ÷ the second, measured in the same run
 *   mixed_requests_per_s           70 % reads (case list, case detail, notifications), 30 % writes,
 *                                  with p50 / p99 latency
 *   soak_rss_growth_mib            resident memory of the server at the start and end of a mixed
 *                                  soak (--soak-minutes, default 10; 0 skips it) and the growth
 *
 * Embedded PGlite by default (a fresh data folder); PostgreSQL when DATABASE_URL is set (scratch
 * databases, dropped afterwards). Options: --seconds S per phase (30), --clients C (8).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adultCaseBody } from '../../test/support/case-fixtures.ts';
import { startPlatformTarget } from './platform-target.ts';
import { createScratchPostgresDatabase } from '../../test/support/test-database.ts';
import { percentile, residentMiB, runLoad, type TLoadResult } from './load-client.ts';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, clients: { type: 'string', default: '8' }, 'soak-minutes': { type: 'string', default: '10' } } });
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const SOAK_MINUTES = Number(args['soak-minutes']);
const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';

function line(name: string, value: string) {
  console.log(`${name}: ${value}`);
}

function describe(result: TLoadResult): string {
  return `${(result.requests / result.seconds).toFixed(1)} (p50 ${percentile(result.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(result.latenciesMs, 99).toFixed(1)} ms, ${result.requests} requests, ${result.failures} failures${result.failureSamples.length ? ` e.g. ${result.failureSamples.join('; ')}` : ''})`;
}

async function scratchUrl(cleanups: (() => Promise<void>)[]): Promise<string | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
  cleanups.push(() => scratch.drop());
  return scratch.url;
}

async function measureBaseline(cleanups: (() => Promise<void>)[]): Promise<TLoadResult> {
  const databaseUrl = await scratchUrl(cleanups);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./raw-baseline-server.ts', import.meta.url))], {
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on (\S+) /.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  try {
    const body = adultCaseBody();
    return await runLoad({ clients: CLIENTS, seconds: SECONDS, next: () => ({ method: 'POST', url: `${url}/raw/cases`, body, expect: 201, label: 'raw insert' }) });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  const cleanups: (() => Promise<void>)[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'palermo-load-'));
  try {
    console.log(`# load benchmark on ${engine}, ${CLIENTS} clients, ${SECONDS} s per phase, soak ${SOAK_MINUTES} min`);
    const baseline = await measureBaseline(cleanups);
    line('raw_fastify_pg_insert_per_s', describe(baseline));

    const databaseUrl = await scratchUrl(cleanups);
    const target = await startPlatformTarget({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
    const { server } = target;
    try {
      const writes = await runLoad({ clients: CLIENTS, seconds: SECONDS, next: (client, i) => target.createCase(client * 1_000_000 + i) });
      line('api_case_create_per_s', describe(writes));
      line('api_writes_per_s_vs_raw_pg', ((writes.requests / writes.seconds) / (baseline.requests / baseline.seconds)).toFixed(3));

      await target.loadCaseIds();
      const mixedRequest = target.mixedRequest;
      const mixed = await runLoad({ clients: CLIENTS, seconds: SECONDS, next: mixedRequest });
      line('mixed_requests_per_s', describe(mixed));
      for (const [label, latencies] of mixed.perLabel) line(`  ${label}`, `${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);

      if (SOAK_MINUTES > 0) {
        const pid = server.child.pid!;
        const startRss = residentMiB(pid);
        const samples: number[] = [startRss];
        const sampler = setInterval(() => samples.push(residentMiB(pid)), 15_000);
        const soak = await runLoad({ clients: CLIENTS, seconds: SOAK_MINUTES * 60, next: mixedRequest });
        clearInterval(sampler);
        const endRss = residentMiB(pid);
        line('soak_requests_per_s', describe(soak));
        line('soak_rss_growth_mib', `${(endRss - startRss).toFixed(1)} (start ${startRss.toFixed(1)} MiB, end ${endRss.toFixed(1)} MiB, peak ${Math.max(...samples, endRss).toFixed(1)} MiB over ${SOAK_MINUTES} min)`);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
