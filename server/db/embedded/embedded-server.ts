import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Unix socket paths are limited to about 107 bytes; longer data folders use a private temp dir. */
const MAX_SOCKET_PATH = 100;

export interface TEmbeddedServer {
  /** A `pg` connection config that reaches the worker's socket. */
  connection: { host: string; database: string; user: string };
  /** A gzipped tarball of the data folder, taken by the worker without stopping the server. */
  dump(): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * Starts PGlite in a worker thread behind a unix socket.
 * @param dataDir persistent folder, or null for an in-memory database (tests)
 * @throws when PGlite fails to open the folder
 */
export async function startEmbeddedServer(dataDir: string | null): Promise<TEmbeddedServer> {
  const socketDir = chooseSocketDir(dataDir);
  const socketPath = join(socketDir.path, '.s.PGSQL.5432');
  rmSync(socketPath, { force: true });
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ? resolve(dataDir) : null, socketPath },
    // The worker is plain JavaScript; a TypeScript loader there would only cost start-up time.
    execArgv: [],
  });
  await new Promise<void>((resolveReady, rejectReady) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === 'ready') {
        worker.off('error', rejectReady);
        resolveReady();
      } else if (message.type === 'error') rejectReady(new Error(`Embedded database failed to start: ${message.message}`));
    };
    worker.on('message', onMessage);
    worker.once('error', rejectReady);
  });
  let stopped = false;
  let nextDumpId = 0;
  return {
    dump() {
      const id = (nextDumpId += 1);
      return new Promise<Buffer>((resolveDump, rejectDump) => {
        const onMessage = (message: { type: string; id?: number; bytes?: ArrayBuffer; error?: string }) => {
          if (message.type !== 'dumped' || message.id !== id) return;
          worker.off('message', onMessage);
          if (message.error || !message.bytes) rejectDump(new Error(`Backup failed: ${message.error ?? 'no data'}`));
          else resolveDump(Buffer.from(message.bytes));
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'dump', id });
      });
    },
    // pg treats a host starting with '/' as the folder of a unix socket named .s.PGSQL.<port>.
    connection: { host: socketDir.path, database: 'postgres', user: 'postgres' },
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolveStop) => {
        const timer = setTimeout(() => resolveStop(), 10_000);
        worker.on('message', (message: { type: string }) => {
          if (message.type === 'stopped') {
            clearTimeout(timer);
            resolveStop();
          }
        });
        worker.postMessage({ type: 'stop' });
      });
      await worker.terminate();
      socketDir.cleanup();
    },
  };
}

function chooseSocketDir(dataDir: string | null): { path: string; cleanup(): void } {
  if (dataDir) {
    // Beside the database folder, never inside it: a socket file in the folder breaks backups.
    const path = dirname(resolve(dataDir));
    if (join(path, '.s.PGSQL.5432').length <= MAX_SOCKET_PATH) {
      return { path, cleanup: () => rmSync(join(path, '.s.PGSQL.5432'), { force: true }) };
    }
  }
  const path = mkdtempSync(join(tmpdir(), 'palermo-db-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
