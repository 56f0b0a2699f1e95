#!/usr/bin/env node
// The `palermo` command. The sources are TypeScript run through tsx, so one checkout is a
// complete installation with no compile step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
