/**
 * Candidates of the real-time check looked up by blocking keys instead of decrypting the
 * register: the probe's blocking values are HMACed under every key version of the organisation,
 * blocks larger than the core checker would visit are left out (as it leaves them out), and the
 * persons sharing the most blocks with the probe come back, at most `limit` of them. Term
 * frequencies of the candidates' names come from counts of the name HMACs, so the Fellegi–Sunter
 * scores equal those of a full scan. Merged-away persons are left out everywhere.
 */
import { sql } from 'kysely';
import type { TLinkageInput, TTermFrequencies } from '../../../../core/linkage/index.ts';
import type { TKeyring, TOrgKey } from '../../../crypto/keyring.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { activePersons, type TActivePersonRow } from '../linkage.repo.ts';
import { blockingValuesOf, RULE_OF_KIND, type TBlockingValue, type TRuleKind } from './blocking-values.ts';
import { blockingKeyOf, hashBlockingValue } from './blocking-keys.ts';

const notMergedAway = sql<boolean>`not exists (select 1 from person_merges pm where pm.org_id = person_blocking_keys.org_id and pm.merged_person_id = person_blocking_keys.person_id and pm.status = 'merged')`;

/** Hash → index in `values`, under every key version. */
function hashesOf(keys: readonly TOrgKey[], values: readonly TBlockingValue[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const blockingKey = blockingKeyOf(key);
    values.forEach((value, index) => out.set(hashBlockingValue(blockingKey, value), index));
  }
  return out;
}

/** Rows holding each hash (active persons), summed per value over the key versions. */
async function countPerValue(db: TDb | TTx, orgId: string, hashes: Map<string, number>, values: number): Promise<number[]> {
  const counts = new Array<number>(values).fill(0);
  if (hashes.size === 0) return counts;
  const rows = await db.selectFrom('personBlockingKeys').select(['keyHash', (eb) => eb.fn.countAll<string>().as('n')])
    .where('orgId', '=', orgId).where('keyHash', 'in', [...hashes.keys()]).where(notMergedAway).groupBy('keyHash').execute();
  for (const row of rows) counts[hashes.get(row.keyHash)!]! += Number(row.n);
  return counts;
}

export interface TIndexedCandidates {
  rows: TActivePersonRow[];
  /** The organisation's key versions (the probe was hashed under each). */
  keys: TOrgKey[];
  /** Probe blocks left out for being larger than the checker visits. */
  skippedBlocks: number;
}

export async function findIndexedCandidates(db: TDb | TTx, keyring: TKeyring, orgId: string, probe: TLinkageInput, limit: number): Promise<TIndexedCandidates> {
  const keys = await keyring.allVersions(db, orgId);
  const values = blockingValuesOf(probe).filter((value) => RULE_OF_KIND.has(value.kind as TRuleKind));
  const hashes = hashesOf(keys, values);
  const sizes = await countPerValue(db, orgId, hashes, values.length);
  const kept = [...hashes].filter(([, index]) => sizes[index]! > 0 && sizes[index]! <= RULE_OF_KIND.get(values[index]!.kind as TRuleKind)!.maxCheckBlock).map(([hash]) => hash);
  const skippedBlocks = sizes.filter((size, index) => size > RULE_OF_KIND.get(values[index]!.kind as TRuleKind)!.maxCheckBlock).length;
  if (kept.length === 0) return { rows: [], keys, skippedBlocks };
  const ranked = await db.selectFrom('personBlockingKeys').select(['personId', (eb) => eb.fn.countAll<string>().as('shared')])
    .where('orgId', '=', orgId).where('keyHash', 'in', kept).where(notMergedAway)
    .groupBy('personId').orderBy('shared', 'desc').orderBy('personId').limit(limit).execute();
  if (ranked.length === 0) return { rows: [], keys, skippedBlocks };
  const rows = await activePersons(db, orgId).where('persons.id', 'in', ranked.map((r) => r.personId)).orderBy('persons.id').execute();
  return { rows, keys, skippedBlocks };
}

/** Register-wide figures of the model: name counts and Σ count² (term frequencies), active persons (λ). */
export interface TRegisterFigures {
  given: { total: number; agreement: number };
  surname: { total: number; agreement: number };
  activePersons: number;
}

/**
 * The register-wide figures are aggregates over every person (O(n) in SQL, ~150 ms at 20,000 on
 * the embedded engine): kept per organisation for {@link FIGURES_TTL_MS}. A registration moves a
 * share by 1/n, far below what changes a decision; a full scan recomputes them every time.
 */
const FIGURES_TTL_MS = 60_000;
const figuresCache = new Map<string, { at: number; figures: TRegisterFigures }>();

export async function registerFigures(db: TDb | TTx, orgId: string): Promise<TRegisterFigures> {
  const cached = figuresCache.get(orgId);
  if (cached && Date.now() - cached.at < FIGURES_TTL_MS) return cached.figures;
  const totals = await sql<{ kind: string; total: string; squares: string }>`
    select kind, sum(n) as total, sum(n * n) as squares from (
      select kind, key_hash, count(*) as n from person_blocking_keys
      where org_id = ${orgId} and kind in ('given', 'surname') and ${notMergedAway}
      group by kind, key_hash) per_value
    group by kind`.execute(db);
  const figures: TRegisterFigures = { given: { total: 0, agreement: 0 }, surname: { total: 0, agreement: 0 }, activePersons: await activePersonCount(db, orgId) };
  for (const row of totals.rows) {
    const total = Number(row.total);
    figures[row.kind as 'given' | 'surname'] = { total, agreement: Number(row.squares) / Math.max(total, 1) ** 2 };
  }
  figuresCache.set(orgId, { at: Date.now(), figures });
  return figures;
}

/**
 * Term frequencies of some normalised names in the organisation's register (shares among active
 * persons with a value, and Σ share², as `computeTermFrequencies` computes them over a full scan).
 */
export async function indexedTermFrequencies(db: TDb | TTx, keys: readonly TOrgKey[], orgId: string, figures: TRegisterFigures, names: { given: string[]; surname: string[] }): Promise<TTermFrequencies> {
  const values: TBlockingValue[] = [
    ...[...new Set(names.given)].map((value) => ({ kind: 'given' as const, value })),
    ...[...new Set(names.surname)].map((value) => ({ kind: 'surname' as const, value })),
  ];
  const counts = await countPerValue(db, orgId, hashesOf(keys, values), values.length);
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  values.forEach((value, index) => (value.kind === 'given' ? given : surname).set(value.value, counts[index]! / Math.max(figures[value.kind as 'given' | 'surname'].total, 1)));
  return { given, surname, givenAgreement: figures.given.agreement, surnameAgreement: figures.surname.agreement };
}

/** Active persons of the organisation (λ of the reference model scales with it). */
async function activePersonCount(db: TDb | TTx, orgId: string): Promise<number> {
  const row = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).where('persons.orgId', '=', orgId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('personMerges').select('personMerges.id')
      .where('personMerges.orgId', '=', orgId).whereRef('personMerges.mergedPersonId', '=', 'persons.id').where('personMerges.status', '=', 'merged'))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
