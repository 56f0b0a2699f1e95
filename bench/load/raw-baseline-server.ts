/**
 * The baseline of `api_writes_per_s_vs_raw_pg`: the least a case-creation endpoint can do — a
 * Fastify route that inserts the JSON body into one table through `pg` — on the same engine as
 * the platform (PGlite in a worker thread behind a unix socket with one connection, or the given
 * PostgreSQL). Run as a child process like the real server; prints "listening on URL".
 */
import Fastify from 'fastify';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer, type TEmbeddedServer } from '../../server/db/embedded/embedded-server.ts';

const url = process.env.DATABASE_URL;
let embedded: TEmbeddedServer | null = null;
let folder: string | null = null;
let pool: pg.Pool;
if (url) {
  pool = new pg.Pool({ connectionString: url, max: 10 });
} else {
  folder = mkdtempSync(join(tmpdir(), 'palermo-raw-'));
  embedded = await startEmbeddedServer(join(folder, 'pgdata'));
  pool = new pg.Pool({ ...embedded.connection, max: 1 });
}
await pool.query('create table if not exists bench_raw_cases (id uuid primary key default gen_random_uuid(), body jsonb not null, created_at timestamptz not null default now())');

const app = Fastify({ logger: false });
app.post('/raw/cases', async (request, reply) => {
  const result = await pool.query<{ id: string }>('insert into bench_raw_cases (body) values ($1) returning id', [JSON.stringify(request.body)]);
  return reply.code(201).send({ id: result.rows[0]!.id });
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${address} `);

async function shutdown() {
  await app.close();
  await pool.end();
  await embedded?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
