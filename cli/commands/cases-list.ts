import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { findOrganisationByName } from '../../server/modules/organisations/organisations.repo.ts';
import { findCases } from '../../server/modules/cases/use-cases/find-cases.ts';
import { sweepDeadlines } from '../../server/modules/deadlines/deadline-sweep.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const CASES_LIST_HELP = `palermo cases list --organisation NAME [--overdue] [--status S] [--json]

Lists an organisation's NRM cases: reference, status, child flag and the next deadline. No names
are printed (the CLI acts as an administrator, not as a caseworker). --overdue keeps only cases
whose reasonable-grounds decision is late. Needs the embedded data folder free.`;

export const DEADLINES_SWEEP_HELP = `palermo deadlines sweep

Marks due deadlines now (the running server does this every minute): breached decision
deadlines and elapsed recovery periods, each audited once. Safe to run repeatedly.`;

export async function runCasesList(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { organisation: { type: 'string' }, overdue: { type: 'boolean' }, status: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (!values.organisation) {
    io.err('--organisation is required.');
    return 2;
  }
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const organisation = await findOrganisationByName(opened.database.db, values.organisation);
    if (!organisation) {
      io.err(`No organisation named "${values.organisation}".`);
      return 1;
    }
    // The CLI acts as an administrator: the listing is audited like any other, and names are not printed.
    const cases = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, (ctx) =>
      findCases(ctx, organisation.id, { status: values.status as never, overdue: values.overdue ?? false, limit: 500 }));
    if (values.json) io.out(JSON.stringify(cases.map(({ displayName: _hidden, ...rest }) => rest), null, 2));
    else {
      for (const item of cases) {
        const deadline = item.nextDeadline ? `${item.nextDeadline.kind} ${item.nextDeadline.dueAt} (${item.nextDeadline.state})` : '-';
        io.out(`${item.reference}  ${item.status.padEnd(18)} ${item.isChild ? 'child' : 'adult'}  ${deadline}`);
      }
      io.out(`${cases.length} case(s).`);
    }
    return 0;
  } finally {
    await opened.database.close();
  }
}

export async function runDeadlinesSweep(io: TCliIo): Promise<number> {
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const result = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, (ctx) => sweepDeadlines(ctx));
    io.out(`Breached: ${result.breached}, recovery periods elapsed: ${result.elapsed}.`);
    return 0;
  } finally {
    await opened.database.close();
  }
}
