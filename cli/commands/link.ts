/**
 * `palermo link encode|match|dedupe`: privacy-preserving record linkage between agencies, and
 * the within-organisation de-duplication job.
 *
 * - encode: a party turns its persons (a CSV file, or an organisation's register decrypted
 *   in-process) into an encodings file (CLKs and keyed blocking keys under random per-run ids:
 *   no plaintext) plus a local id map that never leaves the party.
 * - match: the linkage unit links two encodings files and writes, for each party, that party's
 *   own random ids with cluster ids (no scores, nothing of the other party), and unique-person
 *   counts after small-cell suppression.
 * - dedupe: runs the de-duplication job of an organisation (the review queue is in the web app).
 *
 * The linkage secret comes from PALERMO_LINKAGE_SECRET or --secret-file, never from an
 * argument (arguments are visible to every user of the machine in the process list).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { readCsv } from '../../core/ctdc/csv-reader.ts';
import { guardCsvInjection } from '../../core/ctdc/csv-writer.ts';
import {
  countUniquePersons, encodeRecords, exportEncodings, linkEncodedSets, parseEncodings, publishUniquePersons, selectPartyResult, type TLinkageInput,
} from '../../core/linkage/index.ts';
import { NO_REQUEST, withContext, type TActor } from '../../server/context.ts';
import { findOrganisationByName } from '../../server/modules/organisations/organisations.repo.ts';
import { launchDedupeJob, startDedupeJob } from '../../server/modules/linkage/use-cases/dedupe-job.ts';
import { readRegister } from '../../server/modules/linkage/use-cases/read-register.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const LINK_ENCODE_HELP = `palermo link encode (--input persons.csv | --organisation NAME) --output encodings.json --local-ids ids.csv [--secret-file FILE]

Encodes persons for privacy-preserving linkage. The encodings file holds no name, date or number:
only 1024-bit Bloom-filter encodings (CLKs) and keyed blocking keys under random ids that are new
for every run. The local id map (random id → your record id) stays with you: you need it to read
the result of a match, and nobody else should have it.

The linkage secret, shared between the parties out of band, comes from PALERMO_LINKAGE_SECRET
or from --secret-file (at least 16 characters). CSV columns (header row, any order):
record_id, given_name, surname, date_of_birth, sex, citizenship, document_number, phone.
--organisation reads the organisation's persons from the database (decrypted in this process).`;

export const LINK_MATCH_HELP = `palermo link match --a a.json --b b.json --output-a result-a.csv --output-b result-b.csv [--threads N] [--stats stats.json]

Links two encodings files (run by one of the parties or a neutral linkage unit). Each result file
holds only that party's own random ids with a cluster id (the same cluster id in both files means
the same person); no scores, nothing of the other party. Prints unique-person counts after
small-cell suppression (counts below 11 are not shown) and writes them to --stats if given.`;

export const LINK_DEDUPE_HELP = `palermo link dedupe --organisation NAME

Runs the de-duplication job of an organisation: reads and decrypts its persons in this process,
scores likely duplicates and puts them in the review queue (review them in the web app).
Needs the embedded data folder free.`;

function progressLine(io: TCliIo) {
  let last = '';
  return (label: string, fraction: number) => {
    const width = 30;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}`;
    if (line === last) return;
    last = line;
    io.err(line);
  };
}

function readSecret(io: TCliIo, secretFile: string | undefined): string | null {
  const secret = secretFile ? readFileSync(secretFile, 'utf8').trim() : io.env.PALERMO_LINKAGE_SECRET;
  if (!secret || secret.length < 16) {
    io.err('The linkage secret is missing or shorter than 16 characters: set PALERMO_LINKAGE_SECRET or pass --secret-file.');
    return null;
  }
  return secret;
}

const COLUMN_OF: Record<string, keyof TLinkageInput> = {
  record_id: 'recordId', given_name: 'givenName', surname: 'surname', family_name: 'surname', date_of_birth: 'dateOfBirth',
  sex: 'sex', citizenship: 'citizenship', document_number: 'documentNumber', phone: 'phone',
};

/** Persons from a CSV file with a header row. @throws Error naming the problem */
export function personsFromCsv(text: string): TLinkageInput[] {
  const [header, ...rows] = readCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error('The CSV file is empty.');
  const fields = header.map((name) => COLUMN_OF[name.trim().toLowerCase()]);
  if (!fields.includes('recordId')) throw new Error('The CSV file needs a record_id column.');
  return rows.filter((row) => row.some((cell) => cell.trim() !== '')).map((row) => {
    const person: TLinkageInput = { recordId: '', givenName: null, surname: null, dateOfBirth: null, sex: null, citizenship: null, documentNumber: null, phone: null };
    fields.forEach((field, k) => {
      const value = row[k]?.trim() ?? '';
      if (field) person[field] = (value === '' ? (field === 'recordId' ? '' : null) : value) as never;
    });
    return person;
  });
}

const cliActor = (): TActor => ({ type: 'cli', osUser: userInfo().username });

async function organisationPersons(io: TCliIo, name: string): Promise<TLinkageInput[] | null> {
  const opened = await openAdminDatabase(io);
  if (!opened) return null;
  try {
    const organisation = await findOrganisationByName(opened.database.db, name);
    if (!organisation) {
      io.err(`No organisation named "${name}".`);
      return null;
    }
    return await withContext(opened.deps, cliActor(), NO_REQUEST, async (ctx) => (await readRegister(ctx.db, ctx.keyring, organisation.id)).records);
  } finally {
    await opened.database.close();
  }
}

export async function runLinkEncode(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { input: { type: 'string' }, organisation: { type: 'string' }, output: { type: 'string' }, 'local-ids': { type: 'string' }, 'secret-file': { type: 'string' } }, strict: true });
  if (!values.output || !values['local-ids'] || Boolean(values.input) === Boolean(values.organisation)) {
    io.err('Give --output, --local-ids and exactly one of --input or --organisation (see --help).');
    return 2;
  }
  const secret = readSecret(io, values['secret-file']);
  if (!secret) return 2;
  const progress = progressLine(io);
  progress('reading persons', 0);
  const persons = values.input ? personsFromCsv(readFileSync(values.input, 'utf8')) : await organisationPersons(io, values.organisation!);
  if (!persons) return 1;
  const missingId = persons.findIndex((p) => p.recordId === '');
  if (missingId >= 0) {
    io.err(`Row ${missingId + 2} has no record_id.`);
    return 1;
  }
  progress(`encoding ${persons.length} persons`, 0.3);
  const { set, localIds } = encodeRecords(persons, secret);
  progress('writing', 0.9);
  writeFileSync(values.output, exportEncodings(set), { mode: 0o600 });
  writeFileSync(values['local-ids'], `random_id,record_id\n${set.ids.map((id, k) => `${id},${csvCell(localIds[k]!)}`).join('\n')}\n`, { mode: 0o600 });
  progress('done', 1);
  io.out(`Encoded ${set.count} persons (run ${set.runId}, key check ${set.keyCheck}) into ${values.output}; keep ${values['local-ids']} to yourself.`);
  return 0;
}

function csvCell(value: string): string {
  const guarded = guardCsvInjection(value);
  return /[",\n\r]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export async function runLinkMatch(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { a: { type: 'string' }, b: { type: 'string' }, 'output-a': { type: 'string' }, 'output-b': { type: 'string' }, threads: { type: 'string' }, stats: { type: 'string' } }, strict: true });
  if (!values.a || !values.b || !values['output-a'] || !values['output-b']) {
    io.err('Give --a, --b, --output-a and --output-b (see --help).');
    return 2;
  }
  const progress = progressLine(io);
  progress('reading encodings', 0);
  const a = parseEncodings(readFileSync(values.a, 'utf8'));
  const b = parseEncodings(readFileSync(values.b, 'utf8'));
  if (a.keyCheck !== b.keyCheck) {
    io.err('The two files were encoded with different secrets (key checks differ): nothing can match.');
    return 1;
  }
  if (JSON.stringify(a.schema) !== JSON.stringify(b.schema)) {
    io.err('The two files were encoded with different schemas.');
    return 1;
  }
  const stages = ['blocking', 'comparing', 'classifying', 'solving'];
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  const result = await linkEncodedSets(a, b, {
    ...(threads === undefined || !Number.isInteger(threads) ? {} : { threads }),
    onProgress: (stage) => progress(stage, 0.1 + 0.8 * Math.max(0, stages.findIndex((s) => stage.startsWith(s))) / stages.length),
  });
  progress('writing', 0.95);
  const partyA = selectPartyResult(result, a, 'a');
  const partyB = selectPartyResult(result, b, 'b');
  const write = (path: string, rows: { id: string; clusterId: string }[]) =>
    writeFileSync(path, `random_id,cluster_id\n${rows.map((r) => `${r.id},${r.clusterId}`).join('\n')}\n`, { mode: 0o600 });
  write(values['output-a'], partyA);
  write(values['output-b'], partyB);
  const published = publishUniquePersons(countUniquePersons([
    ...partyA.map((r) => ({ party: 'a', clusterId: r.clusterId })),
    ...partyB.map((r) => ({ party: 'b', clusterId: r.clusterId })),
  ]));
  if (values.stats) writeFileSync(values.stats, `${JSON.stringify(published, null, 2)}\n`);
  progress('done', 1);
  const show = (cell: { value: number } | { suppressed: true }) => ('value' in cell ? String(cell.value) : `< ${published.threshold}`);
  io.out(`Linked ${a.count} × ${b.count} records: ${result.stats.links} links.`);
  io.out(`Unique persons across both parties: ${show(published.uniquePersons)} (in one party only: ${show(published.byBucket[0]!.persons)}, in both: ${show(published.byBucket[1]!.persons)}).`);
  return 0;
}

export async function runLinkDedupe(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { organisation: { type: 'string' } }, strict: true });
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
    const actor = cliActor();
    const jobId = await withContext(opened.deps, actor, NO_REQUEST, (ctx) => startDedupeJob(ctx, organisation.id));
    const progress = progressLine(io);
    await launchDedupeJob(opened.deps, actor, organisation.id, jobId, { onProgress: (stage, fraction) => progress(stage, fraction) });
    const job = await opened.database.db.selectFrom('linkageJobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    io.out(`De-duplication ${job.status}: ${job.personsRead} persons, ${job.candidatePairs} pairs compared, ${job.reviewPairs} pairs to review (${job.modelSource} model).`);
    return job.status === 'succeeded' ? 0 : 1;
  } finally {
    await opened.database.close();
  }
}
