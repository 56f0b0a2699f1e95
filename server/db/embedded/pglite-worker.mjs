// Runs PGlite (PostgreSQL compiled to WebAssembly) in a worker thread behind the Postgres wire
// protocol, so long queries never block the HTTP event loop and the app talks to it through `pg`
// exactly as it talks to a real server. Plain JavaScript on purpose: a worker does not inherit a
// TypeScript loader registered at runtime by the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { chmodSync } from 'node:fs';
import { inspect } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;

async function main() {
  // A smaller shared_buffers keeps the resident memory of a small installation modest. WAL
  // buffers would then default to 1 MB, less than one 10,000-row statement of a CTDC import
  // writes (about 3.5 MB), so they are set to PostgreSQL's own automatic maximum.
  const db = await PGlite.create(dataDir ?? undefined, { postgresqlconf: ['shared_buffers=32MB', 'wal_buffers=16MB'] });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  // Only the owner of the process may talk to the database over the socket.
  chmodSync(socketPath, 0o600);
  parentPort.on('message', async (message) => {
    if (message?.type === 'dump') {
      // A snapshot of the data folder taken inside PGlite's own session: crash-consistent, and
      // PostgreSQL's recovery makes it transaction-consistent when it is loaded again.
      try {
        const file = await db.dumpDataDir('gzip');
        const bytes = await file.arrayBuffer();
        parentPort.postMessage({ type: 'dumped', id: message.id, bytes }, [bytes]);
      } catch (error) {
        parentPort.postMessage({ type: 'dumped', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : inspect(error) });
      }
      return;
    }
    if (message?.type !== 'stop') return;
    try {
      await server.stop();
      await db.close();
    } finally {
      parentPort.postMessage({ type: 'stopped' });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}

main().catch((error) => {
  parentPort.postMessage({ type: 'error', message: error?.stack ?? String(error) });
});
