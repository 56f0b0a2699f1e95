import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { percentile, residentMiB, runLoad } from '../../bench/load/load-client.ts';
import { startPlatformTarget } from '../../bench/load/platform-target.ts';
import { createScratchPostgresDatabase, ENGINE } from '../support/test-database.ts';

/**
 * The slow suite (`npm run test:slow`, also in .ci/run): a real server under mixed traffic on
 * loopback for SOAK_SECONDS (default 120): every request answers as expected (no 5xx, no
 * conflicts), and the server's resident memory after warm-up grows by less than 150 MiB.
 * The 10-minute figures come from `npm run bench:load`.
 */
const SOAK_SECONDS = Number(process.env.PALERMO_SOAK_SECONDS ?? 120);
const MAX_GROWTH_MIB = 150;
const dataDir = mkdtempSync(join(tmpdir(), 'palermo-soak-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

test(`soak (${ENGINE}): ${SOAK_SECONDS} s of mixed traffic, no failure, bounded memory`, { timeout: (SOAK_SECONDS + 120) * 1000 }, async () => {
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
    cleanups.push(() => scratch.drop());
    env.DATABASE_URL = scratch.url;
  }
  const target = await startPlatformTarget(env);
  try {
    const warmUp = await runLoad({ clients: 4, seconds: 15, next: (client, i) => target.createCase(client * 1_000_000 + i) });
    assert.equal(warmUp.failures, 0, warmUp.failureSamples.join('; '));
    await target.loadCaseIds();
    const pid = target.server.child.pid!;
    const startRss = residentMiB(pid);
    let peak = startRss;
    const sampler = setInterval(() => { peak = Math.max(peak, residentMiB(pid)); }, 5_000);
    const soak = await runLoad({ clients: 8, seconds: SOAK_SECONDS, next: target.mixedRequest });
    clearInterval(sampler);
    const endRss = residentMiB(pid);
    console.log(`# soak ${ENGINE}: ${(soak.requests / soak.seconds).toFixed(1)} requests/s, p50 ${percentile(soak.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(soak.latenciesMs, 99).toFixed(1)} ms, ${soak.requests} requests, ${soak.failures} failures; RSS ${startRss.toFixed(1)} → ${endRss.toFixed(1)} MiB (peak ${peak.toFixed(1)})`);
    assert.equal(soak.failures, 0, soak.failureSamples.join('; '));
    assert.ok(soak.requests > 0);
    assert.ok(endRss - startRss < MAX_GROWTH_MIB, `memory grew by ${(endRss - startRss).toFixed(1)} MiB`);
  } finally {
    target.server.child.kill('SIGTERM');
    await target.server.exited;
  }
});
