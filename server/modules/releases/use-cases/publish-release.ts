import { createHash } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import { createCryptoRandomSource, formatRational, type TRandomSource } from '../../../../core/disclosure/index.ts';
import type { TCtx } from '../../../context.ts';
import { requireUser } from '../../../authz/policy.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { checkSpend, findSpends, lockBudgets, recordSpends } from '../privacy-ledger.ts';
import { anonymise, formatRecordLevelCsv, loadCtdcRecords, summariseAnonymisation } from '../record-level.ts';
import { buildReleaseFile, type TReleaseForFiles } from '../release-files.ts';
import { computeDpTable, planDpNoise, resolveReleaseTables } from '../release-tables.ts';
import { getReleaseForUpdate, insertReleaseFile, markPublished, markRejected, type TReleaseRecord } from '../releases.repo.ts';
import { RELEASE_FORMATS, type TReleaseResult, type TReleaseTableRequest, type TTableDisclosure } from '../releases.schemas.ts';
import { readPrivacyParameters } from './prepare-release.ts';

export function releaseForFiles(release: TReleaseRecord): TReleaseForFiles {
  return {
    id: release.id, title: release.title, language: release.language, disclosureMethod: release.disclosureMethod,
    disclosureParameters: release.disclosureParameters, result: release.result, datasetIds: release.datasetIds,
    preparedAt: release.preparedAt, publishedAt: release.publishedAt, epsilonSpent: release.epsilonSpent, deltaSpent: release.deltaSpent,
  };
}

/** JSON with sorted keys: jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** The k-anonymous records file of a record-level release, recomputed from the stored records. */
export function recordLevelCsvSource(ctx: Pick<TCtx, 'db'>, release: TReleaseRecord): () => Promise<string> {
  return async () => {
    const { k, maxSuppressionRate } = release.disclosureParameters as { k: number; maxSuppressionRate: number };
    const records = await loadCtdcRecords(ctx.db, release.orgId, release.datasetIds);
    const anonymised = anonymise(records, k, maxSuppressionRate);
    const summary = summariseAnonymisation(anonymised, records.length, maxSuppressionRate);
    const prepared = release.result.kind === 'record_level' ? release.result.summary : null;
    // The approver approved these figures: if the data moved meanwhile, prepare the release again.
    if (!prepared || canonical(summary) !== canonical(prepared)) {
      throw new AppError('CONFLICT', 'The records changed since this release was prepared. Prepare it again.', { reason: 'DATA_CHANGED' });
    }
    return formatRecordLevelCsv(records, anonymised);
  };
}

/**
 * Differential privacy at publication: locks the ledger of every dataset counted, refuses a spend
 * that would overspend any of them, records the spend, then draws the noise (crypto randomness).
 * @throws DOMAIN_RULE_VIOLATED (PRIVACY_BUDGET_EXCEEDED)
 */
async function publishDpTables(ctx: TCtx, release: TReleaseRecord, random: TRandomSource): Promise<{ result: TReleaseResult; epsilonSpent: string; deltaSpent: string }> {
  const disclosure = release.disclosureParameters as Extract<TTableDisclosure, { method: 'differentialPrivacy' }>;
  const { epsilon, delta } = readPrivacyParameters(disclosure);
  const requests = (release.parameters as { tables: TReleaseTableRequest[] }).tables;
  const queries = resolveReleaseTables(requests);
  const layouts = release.result.kind === 'tables' ? release.result.tables : [];
  const plan = planDpNoise(disclosure.mechanism, epsilon, delta, queries.length);
  const planned = { releaseId: release.id, mechanism: disclosure.mechanism, epsilon: plan.epsilonSpent, delta: plan.deltaSpent };

  const budgets = await lockBudgets(ctx.db, release.orgId, release.datasetIds, ctx.now());
  const spends = await findSpends(ctx.db, release.orgId, budgets.map((b) => b.id));
  for (const budget of budgets) checkSpend(budget, spends.filter((s) => s.budgetId === budget.id), planned);
  await recordSpends(ctx.db, release.orgId, budgets, planned, ctx.now());

  const tables = [];
  for (let i = 0; i < queries.length; i++) tables.push(await computeDpTable(ctx.db, release.orgId, queries[i]!, layouts[i]!, release.datasetIds, plan.noise, random));
  return { result: { kind: 'tables', tables }, epsilonSpent: formatRational(plan.epsilonSpent), deltaSpent: formatRational(plan.deltaSpent) };
}

/**
 * A coordinator approves a draft prepared by someone else: the release is published, its files
 * generated once and stored with their SHA-256, and (for differential privacy) the budget spent.
 * Everything commits together or not at all; afterwards the database refuses any change.
 * @throws NOT_FOUND, FORBIDDEN (release.approve), INVALID_TRANSITION (RELEASE_NOT_DRAFT),
 *   DOMAIN_RULE_VIOLATED (FOUR_EYES, PRIVACY_BUDGET_EXCEEDED), CONFLICT (DATA_CHANGED)
 */
export async function approveRelease(ctx: TCtx, orgId: string, releaseId: string, random: TRandomSource = createCryptoRandomSource()): Promise<void> {
  const approver = requireUser(ctx.actor);
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'release.approve');
  const release = await getReleaseForUpdate(ctx.db, orgId, releaseId);
  if (release.status !== 'draft') throw new AppError('INVALID_TRANSITION', `This release is ${release.status}.`, { reason: 'RELEASE_NOT_DRAFT', status: release.status });
  if (release.preparedBy === approver.userId) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'A release is approved by someone other than the person who prepared it.', { reason: 'FOUR_EYES' });
  }
  const publishedAt = ctx.now();
  let published: TReleaseRecord = { ...release, approvedBy: approver.userId, publishedAt };
  if (release.disclosureMethod === 'differentialPrivacy') published = { ...published, ...(await publishDpTables(ctx, release, random)) };

  const recordCsv = release.kind === 'record_level' ? recordLevelCsvSource(ctx, release) : undefined;
  let fileCount = 0;
  for (const format of RELEASE_FORMATS) {
    const file = await buildReleaseFile(releaseForFiles(published), format, false, recordCsv);
    if (!file) continue;
    fileCount++;
    await insertReleaseFile(ctx.db, orgId, releaseId, {
      format, fileName: file.fileName, mediaType: file.mediaType, byteCount: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'), contentBase64: Buffer.from(file.bytes).toString('base64'), createdAt: publishedAt,
    });
  }
  await markPublished(ctx.db, orgId, releaseId, { approvedBy: approver.userId, publishedAt, result: published.result, epsilonSpent: published.epsilonSpent, deltaSpent: published.deltaSpent });
  await ctx.audit.record('release.published', {
    orgId, subjectType: 'release', subjectId: releaseId,
    metadata: { releaseId, kind: release.kind, method: release.disclosureMethod, datasetCount: release.datasetIds.length, fileCount, epsilonSpent: published.epsilonSpent, deltaSpent: published.deltaSpent },
  });
}

/** A coordinator turns a draft down. @throws NOT_FOUND, FORBIDDEN (release.approve), INVALID_TRANSITION (RELEASE_NOT_DRAFT) */
export async function rejectRelease(ctx: TCtx, orgId: string, releaseId: string): Promise<void> {
  const user = requireUser(ctx.actor);
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'release.approve');
  const release = await getReleaseForUpdate(ctx.db, orgId, releaseId);
  if (release.status !== 'draft') throw new AppError('INVALID_TRANSITION', `This release is ${release.status}.`, { reason: 'RELEASE_NOT_DRAFT', status: release.status });
  await markRejected(ctx.db, orgId, releaseId, user.userId, ctx.now());
  await ctx.audit.record('release.rejected', { orgId, subjectType: 'release', subjectId: releaseId, metadata: { releaseId } });
}
