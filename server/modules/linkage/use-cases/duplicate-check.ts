/**
 * The real-time duplicate check while a person is being registered: the identity being typed is
 * compared with the organisation's register, with the model of the organisation's latest
 * de-duplication job, or the reference model before any job has run. The answer is person ids,
 * case references, scores and per-field weights; a display name only for callers who may read
 * identity. Every check is audited.
 *
 * Once every person has blocking keys (blocking-keys/), the check looks candidates up by their
 * keyed hashes and decrypts only those (at most {@link MAX_DECRYPTED}); until then it decrypts the
 * whole register (the full scan) and asks for the organisation to be indexed in the background.
 */
import { createDuplicateChecker, getReferenceModel, modelForRegister, normaliseName, prepareRecords, type TDuplicateCandidate, type TFellegiSunterModel, type TLinkageInput, type TStoredModel } from '../../../../core/linkage/index.ts';
import { REFERENCE_RECORDS } from '../../../../core/linkage/fellegi-sunter/reference-model.data.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { can } from '../../../authz/policy.ts';
import type { TKeyring } from '../../../crypto/keyring.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { displayNameOf, openIdentity, type TPersonIdentity } from '../../cases/person-identity.ts';
import { isRegisterIndexed } from '../blocking-keys/blocking-key-sweep.ts';
import { findIndexedCandidates, indexedTermFrequencies, registerFigures } from '../blocking-keys/indexed-candidates.ts';
import { casesOfPersons, latestSucceededJob } from '../linkage.repo.ts';
import type { TDuplicateCheckRequest, TDuplicateMatch } from '../linkage.schemas.ts';
import { linkageInputOf, memoisedKeyring, readRegister } from './read-register.ts';

/** Candidates below this probability are not worth interrupting a registration for. */
export const CHECK_MIN_PROBABILITY = 0.5;
const MAX_MATCHES = 10;
/** Persons decrypted per indexed check at most: those sharing the most blocks with the probe. */
export const MAX_DECRYPTED = 200;

export type TCheckMode = 'indexed' | 'full_scan';

export interface TCheckOutcome {
  mode: TCheckMode;
  found: TDuplicateCandidate[];
  /** Persons decrypted for the check. */
  decrypted: number;
  identities: Map<string, TPersonIdentity>;
}

/** Organisations seen fully indexed recently (the anti-join is not repeated on every keystroke). */
const indexedSeen = new Map<string, number>();
const INDEXED_TTL_MS = 60_000;

/** Forgets which organisations were seen indexed (tests that remove keys behind the app's back). */
export function forgetIndexedOrganisations(): void {
  indexedSeen.clear();
}

async function registerIndexed(db: TDb | TTx, orgId: string): Promise<boolean> {
  const seen = indexedSeen.get(orgId);
  if (seen !== undefined && Date.now() - seen < INDEXED_TTL_MS) return true;
  const indexed = await isRegisterIndexed(db, orgId);
  if (indexed) indexedSeen.set(orgId, Date.now());
  else indexedSeen.delete(orgId);
  return indexed;
}

/** Full scan: every active person decrypted and blocked in memory (before the register is indexed). */
export async function fullScanCheck(db: TDb | TTx, keyring: TKeyring, orgId: string, probe: TLinkageInput): Promise<TCheckOutcome> {
  const { records, rows } = await readRegister(db, keyring, orgId);
  const job = await latestSucceededJob(db, orgId);
  const model = modelForRegister(prepareRecords(records), (job?.model as TStoredModel | null) ?? null);
  const found = createDuplicateChecker(records, model).check(probe, CHECK_MIN_PROBABILITY);
  const keys = memoisedKeyring(keyring);
  const identities = new Map<string, TPersonIdentity>();
  for (const candidate of found.slice(0, MAX_MATCHES)) {
    const row = rows.find((r) => r.id === candidate.recordId)!;
    identities.set(row.id, await openIdentity(keys, db, row));
  }
  return { mode: 'full_scan', found, decrypted: records.length, identities };
}

/** Indexed: candidates by blocking keys, only they decrypted, scored with the same model as a full scan. */
export async function indexedCheck(db: TDb | TTx, keyring: TKeyring, orgId: string, probe: TLinkageInput, limit = MAX_DECRYPTED): Promise<TCheckOutcome> {
  const { rows, keys: orgKeys } = await findIndexedCandidates(db, keyring, orgId, probe, limit);
  const keys = memoisedKeyring(keyring);
  const identities = new Map<string, TPersonIdentity>();
  const records: TLinkageInput[] = [];
  for (const row of rows) {
    const identity = await openIdentity(keys, db, row);
    identities.set(row.id, identity);
    records.push(linkageInputOf(row.id, identity, row.sex, row.citizenship));
  }
  if (records.length === 0) return { mode: 'indexed', found: [], decrypted: 0, identities };
  const job = await latestSucceededJob(db, orgId);
  const stored = (job?.model as TStoredModel | null) ?? null;
  const base = modelForRegister(prepareRecords([]), stored);
  const names = { given: records.map((r) => normaliseName(r.givenName)).filter(Boolean), surname: records.map((r) => normaliseName(r.surname)).filter(Boolean) };
  const figures = await registerFigures(db, orgId);
  const model: TFellegiSunterModel = {
    ...base,
    // λ of the reference model scales with the register's size, exactly as modelForRegister does over a full scan
    lambda: stored ? stored.lambda : Math.min(0.5, (getReferenceModel().lambda * REFERENCE_RECORDS) / Math.max(figures.activePersons, 2)),
    termFrequencies: await indexedTermFrequencies(db, orgKeys, orgId, figures, names),
  };
  const found = createDuplicateChecker(records, model).check(probe, CHECK_MIN_PROBABILITY);
  return { mode: 'indexed', found, decrypted: records.length, identities };
}

/** The check as the route runs it: indexed when the register is, a full scan otherwise. */
export async function runDuplicateCheck(db: TDb | TTx, keyring: TKeyring, orgId: string, probe: TLinkageInput, onNotIndexed?: () => void): Promise<TCheckOutcome> {
  if (await registerIndexed(db, orgId)) return indexedCheck(db, keyring, orgId, probe);
  onNotIndexed?.();
  return fullScanCheck(db, keyring, orgId, probe);
}

/**
 * @param onNotIndexed called when the organisation still has persons without blocking keys
 *   (the route starts the background sweep).
 */
export async function checkForDuplicates(ctx: TCtx, orgId: string, probe: TDuplicateCheckRequest, onNotIndexed?: () => void): Promise<TDuplicateMatch[]> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'case.create');
  const outcome = await runDuplicateCheck(ctx.db, ctx.keyring, orgId, linkageInputOf('probe', probe.identity, probe.sex, probe.citizenship), onNotIndexed);
  const found = outcome.found.slice(0, MAX_MATCHES);
  const identitiesShown = can(ctx.actor, orgId, 'person.readIdentity');
  const casesOf = await casesOfPersons(ctx.db, orgId, found.map((c) => c.recordId));
  const matches: TDuplicateMatch[] = found.map((candidate) => ({
    personId: candidate.recordId,
    cases: casesOf.get(candidate.recordId) ?? [],
    probability: candidate.probability,
    matchWeight: candidate.explanation.totalWeight,
    explanation: candidate.explanation,
    displayName: identitiesShown ? displayNameOf(outcome.identities.get(candidate.recordId) ?? {}) : null,
  }));
  await ctx.audit.record('duplicateCheck.performed', {
    orgId, subjectType: 'person-register',
    metadata: { personsCompared: outcome.decrypted, candidates: matches.length, identitiesShown: identitiesShown && matches.length > 0, mode: outcome.mode },
  });
  return matches;
}
