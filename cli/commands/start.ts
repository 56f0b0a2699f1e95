import { loadConfig } from '../../server/config/env.ts';
import { DataDirLockedError } from '../../server/db/embedded/data-dir-lock.ts';
import { startServer } from '../../server/start-server.ts';
import type { TCliIo } from '../cli-io.ts';

export const START_HELP = `palermo start

Runs the platform: the API and the web app on http://HOST:PORT (default http://127.0.0.1:8080),
with the embedded database in DATA_DIR (default ./data) unless DATABASE_URL is set.
Migrations run first. Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.`;

export async function runStart(io: TCliIo): Promise<number> {
  const config = loadConfig(io.env);
  let server;
  try {
    server = await startServer(config, { print: io.out });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out('Stopping…');
      running.close().then(resolve, (error: unknown) => {
        io.err(String(error));
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
