import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite takes no lock on its folder and two processes on one folder silently lose writes, so
 * the platform takes its own: a lock file holding the owner's PID, created atomically (`wx`).
 * A lock left by a process that no longer exists (after a crash or SIGKILL) is taken over.
 */
export const LOCK_FILE_NAME = 'palermo.lock';

export class DataDirLockedError extends Error {
  readonly holderPid: number;
  constructor(dataDir: string, holderPid: number) {
    super(
      `The data folder ${dataDir} is in use by process ${holderPid}. ` +
        'Only one Palermo process may open the embedded database at a time: stop that process first ' +
        '(or use the running server\'s web interface or API).',
    );
    this.name = 'DataDirLockedError';
    this.holderPid = holderPid;
  }
}

export interface TDataDirLock {
  path: string;
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the PID in an existing lock file, or null when the file is gone or unreadable. */
export function readLockHolder(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Returns the PID of a live process holding the folder, or null when it is free. */
export function findLiveLockHolder(dataDir: string): number | null {
  const pid = readLockHolder(dataDir);
  return pid !== null && pid !== process.pid && isProcessAlive(pid) ? pid : null;
}

/**
 * Takes the lock for this process. Throws DataDirLockedError when a live process holds it.
 * @param dataDir an existing folder
 */
export function acquireDataDirLock(dataDir: string): TDataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readLockHolder(dataDir) === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockHolder(dataDir);
      if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // Stale lock from a dead process (or a half-written file): remove it and try again.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}; another process keeps recreating it.`);
}
