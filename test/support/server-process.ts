import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/palermo.js', import.meta.url));

export interface TServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  setupToken(): string | null;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Starts `palermo start` as a real child process and waits until it listens (or exits). */
export async function spawnServer(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<TServerProcess> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += String(chunk); });
  child.stderr!.on('data', (chunk) => { output += String(chunk); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), options.timeoutMs ?? 60_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { exitCode: code, output }));
    });
  });
  return {
    child,
    url,
    output: () => output,
    setupToken: () => /setup token:\n\s+(\S+)/.exec(output)?.[1] ?? null,
    exited,
  };
}

/** Runs `palermo <args>` to completion. */
export function runPalermo(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += String(chunk); });
    child.stderr.on('data', (chunk) => { output += String(chunk); });
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
