import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { runCli } from '../cli/main.ts';
import type { TCliIo } from '../cli/cli-io.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { NO_REQUEST, withContext } from '../server/context.ts';
import { createKeyring } from '../server/crypto/keyring.ts';
import { createCase } from '../server/modules/cases/use-cases/create-case.ts';
import { createOrganisation } from '../server/modules/organisations/organisations.service.ts';
import type { TCreateCaseRequest } from '../server/modules/cases/cases.schemas.ts';
import { adultCaseBody } from './support/case-fixtures.ts';
import { createScratchPostgresDatabase } from './support/test-database.ts';

/** pg_dump / pg_restore of the PostgreSQL server's own major version (Debian installs them outside PATH). */
function pgTool(name: string): string | null {
  const candidates = ['/usr/bin', ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  return candidates.map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;
}

const url = process.env.DATABASE_URL;
const skip = !url ? 'PostgreSQL only (set DATABASE_URL)' : !pgTool('pg_dump') || !pgTool('pg_restore') ? 'pg_dump/pg_restore not installed' : false;
const folder = mkdtempSync(join(tmpdir(), 'palermo-pgdump-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function io(env: Record<string, string>): TCliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, env, out: (line) => lines.push(line), err: (line) => lines.push(line), ask: () => Promise.reject(new Error('no questions')) };
}

test('PostgreSQL: manifest + pg_dump, pg_restore into an empty database, restore verify passes; a missing row is caught', { skip, timeout: 120_000 }, async () => {
  const source = await createScratchPostgresDatabase(url!);
  const target = await createScratchPostgresDatabase(url!);
  try {
    const database = await openDatabase({ kind: 'postgres', url: source.url, poolSize: 2 });
    await migrate(database);
    await withContext({ database, clock: () => new Date(), keyring: createKeyring(randomBytes(32)) }, { type: 'system' }, NO_REQUEST, async (ctx) => {
      const organisation = await createOrganisation(ctx, { name: 'Dump Unit', kind: 'government' });
      for (let i = 0; i < 3; i += 1) await createCase(ctx, organisation.id, adultCaseBody() as TCreateCaseRequest);
    });
    await database.close();

    const manifest = join(folder, 'palermo.manifest.json');
    const dump = join(folder, 'palermo.dump');
    const written = io({ DATABASE_URL: source.url });
    assert.equal(await runCli(['backup', 'manifest', manifest], written), 0, written.lines.join('\n'));
    execFileSync(pgTool('pg_dump')!, ['-Fc', '-f', dump, source.url]);
    execFileSync(pgTool('pg_restore')!, ['--no-owner', '-d', target.url, dump]);

    const verified = io({ DATABASE_URL: target.url });
    assert.equal(await runCli(['restore', 'verify', manifest], verified), 0, verified.lines.join('\n'));

    const restored = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 1 });
    await restored.db.deleteFrom('referralDrafts').execute();
    await restored.db.deleteFrom('cases').where('id', '=', (await restored.db.selectFrom('cases').select('id').where('status', '=', 'draft').limit(1).executeTakeFirstOrThrow()).id).execute();
    await restored.close();
    const broken = io({ DATABASE_URL: target.url });
    assert.equal(await runCli(['restore', 'verify', manifest], broken), 1);
    assert.match(broken.lines.join('\n'), /cases/);
  } finally {
    await source.drop();
    await target.drop();
  }
});
