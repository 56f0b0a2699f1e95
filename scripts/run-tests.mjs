#!/usr/bin/env node
// Finds every *.test.ts below the source folders and hands them to node's test runner.
// Node 20's `--test` does not expand globs itself and a shell's `**` is not recursive,
// so an explicit list is the only way to be sure no test file is silently skipped.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOTS = ['core', 'server', 'cli', 'web', 'test'];
const requested = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const all = ROOTS.flatMap((root) => { try { return findTests(root); } catch { return []; } }).sort();
const files = requested.length ? all.filter((f) => requested.some((r) => f.includes(r))) : all;
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
