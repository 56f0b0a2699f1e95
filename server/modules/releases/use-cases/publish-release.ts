import { createHash } from 'node:crypto';
import { AppError } from '../../../../core/errors/app-error.ts';
import { createCryptoRandomSource, formatRational, type TRandomSource } from '../../../../core/disclosure/index.ts';
import type { TActor, TCtx } from '../../../context.ts';
import type { TDb, TTx } from '../../../db/database.ts';
import { requireUser } from '../../../authz/policy.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { checkSpend, findSpends, lockBudgets, preflightSpend, recordSpends, type TPlannedSpend } from '../privacy-ledger.ts';
import { anonymise, formatRecordLevelCsv, loadCtdcRecords, summariseAnonymisation } from '../record-level.ts';
import { buildReleaseFile, type TReleaseForFiles } from '../release-files.ts';
import { computeDpTable, planDpNoise, resolveReleaseTables } from '../release-tables.ts';
import { findStillStoredRuns, getRelease, getReleaseForUpdate, insertReleaseFile, markPublished, markRejected, type TReleaseFileMeta, type TReleaseRecord } from '../releases.repo.ts';
import { RELEASE_FORMATS, type TReleaseTableRequest, type TTableDisclosure } from '../releases.schemas.ts';
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
export function recordLevelCsvSource(db: TDb | TTx, release: TReleaseRecord): () => Promise<string> {
  return async () => {
    const { k, maxSuppressionRate } = release.disclosureParameters as { k: number; maxSuppressionRate: number };
    const records = await loadCtdcRecords(db, release.orgId, release.datasetIds);
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

/** The checks an approval makes both before rendering and again, under lock, before publishing. */
function assertApprovable(release: TReleaseRecord, approverId: string): void {
  if (release.status !== 'draft') throw new AppError('INVALID_TRANSITION', `This release is ${release.status}.`, { reason: 'RELEASE_NOT_DRAFT', status: release.status });
  if (release.preparedBy === approverId) {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'A release is approved by someone other than the person who prepared it.', { reason: 'FOUR_EYES' });
  }
}

/** The spend a differentially private release makes at publication (null for other methods). */
function plannedSpend(release: TReleaseRecord) {
  if (release.disclosureMethod !== 'differentialPrivacy') return null;
  const disclosure = release.disclosureParameters as Extract<TTableDisclosure, { method: 'differentialPrivacy' }>;
  const { epsilon, delta } = readPrivacyParameters(disclosure);
  const queries = resolveReleaseTables((release.parameters as { tables: TReleaseTableRequest[] }).tables);
  const plan = planDpNoise(disclosure.mechanism, epsilon, delta, queries.length);
  const planned: TPlannedSpend = { releaseId: release.id, mechanism: disclosure.mechanism, epsilon: plan.epsilonSpent, delta: plan.deltaSpent };
  return { planned, queries, noise: plan.noise };
}

/** What a draft says (it must not differ between rendering and publication). */
const draftFingerprint = (r: TReleaseRecord): string => canonical({
  status: r.status, kind: r.kind, title: r.title, language: r.language, parameters: r.parameters, datasetIds: r.datasetIds, method: r.disclosureMethod,
  disclosure: r.disclosureParameters, result: r.result, preparedBy: r.preparedBy, preparedAt: r.preparedAt.toISOString(),
});

/** Everything an approval publishes, computed and rendered before its transaction opens. */
export interface TRenderedApproval {
  orgId: string;
  releaseId: string;
  approvedBy: string;
  publishedAt: Date;
  /** The draft as read; publication checks it did not change meanwhile. */
  draft: TReleaseRecord;
  /** Datasets of the release whose records were stored when the values were read. */
  storedDatasetIds: string[];
  published: Pick<TReleaseRecord, 'result' | 'epsilonSpent' | 'deltaSpent'>;
  spend: TPlannedSpend | null;
  files: (TReleaseFileMeta & { contentBase64: string })[];
}

/**
 * First half of an approval, outside any transaction: checks the approver, draws the noise of a
 * differentially private release (the ledger is only pre-checked here; nothing is spent) or
 * re-derives the k-anonymous records, and renders every file (CSV, XLSX, the PDF through
 * Chromium). The embedded database has one connection: holding it for the seconds a PDF takes
 * would stall every other request, so only single reads use it here. Nothing is written: if
 * rendering fails, the release stays a draft and no budget is spent. Noise drawn here is never
 * shown unless {@link publishRenderedRelease} commits it with its spend.
 * @throws NOT_FOUND, FORBIDDEN (release.approve), INVALID_TRANSITION (RELEASE_NOT_DRAFT),
 *   DOMAIN_RULE_VIOLATED (FOUR_EYES, PRIVACY_BUDGET_EXCEEDED), CONFLICT (DATA_CHANGED)
 */
export async function renderReleaseForApproval(db: TDb, actor: TActor, orgId: string, releaseId: string, publishedAt: Date, random: TRandomSource = createCryptoRandomSource()): Promise<TRenderedApproval> {
  const approver = requireUser(actor);
  await authorizeInOrganisation(db, actor, orgId, 'release.approve');
  const { preparerName: _p, approverName: _a, rejecterName: _r, ...draft } = await getRelease(db, orgId, releaseId);
  assertApprovable(draft, approver.userId);
  const storedDatasetIds = await findStillStoredRuns(db, orgId, draft.datasetIds, false);
  let published: TRenderedApproval['published'] = { result: draft.result, epsilonSpent: draft.epsilonSpent, deltaSpent: draft.deltaSpent };
  const dp = plannedSpend(draft);
  if (dp) {
    // Fail early (before drawing and rendering); the binding check is made again under lock.
    await preflightSpend(db, orgId, draft.datasetIds, dp.planned);
    const { queries } = dp;
    const layouts = draft.result.kind === 'tables' ? draft.result.tables : [];
    const tables = [];
    for (let i = 0; i < queries.length; i++) tables.push(await computeDpTable(db, orgId, queries[i]!, layouts[i]!, draft.datasetIds, dp.noise, random));
    published = { result: { kind: 'tables', tables }, epsilonSpent: formatRational(dp.planned.epsilon), deltaSpent: formatRational(dp.planned.delta) };
  }
  const recordCsv = draft.kind === 'record_level' ? recordLevelCsvSource(db, draft) : undefined;
  const files: TRenderedApproval['files'] = [];
  for (const format of RELEASE_FORMATS) {
    const file = await buildReleaseFile(releaseForFiles({ ...draft, ...published, approvedBy: approver.userId, publishedAt }), format, false, recordCsv);
    if (!file) continue;
    files.push({
      format, fileName: file.fileName, mediaType: file.mediaType, byteCount: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'), contentBase64: Buffer.from(file.bytes).toString('base64'),
    });
  }
  return { orgId, releaseId, approvedBy: approver.userId, publishedAt, draft, storedDatasetIds, published, spend: dp?.planned ?? null, files };
}

/**
 * Second half of an approval, one short transaction: locks the release and re-checks it (still
 * the same draft, approver allowed), holds the datasets whose records the files were computed
 * from (they must still be stored, as they were), then, for differential privacy, locks every
 * ledger, refuses an overspend and records the spend, and publishes the release with its
 * rendered files. Everything commits together or not at all; afterwards the database refuses any
 * change. Two approvals that cannot both fit: the second waits for the first's ledger lock and
 * is refused.
 * @throws NOT_FOUND, FORBIDDEN (release.approve), INVALID_TRANSITION (RELEASE_NOT_DRAFT),
 *   DOMAIN_RULE_VIOLATED (FOUR_EYES, PRIVACY_BUDGET_EXCEEDED), CONFLICT (DATA_CHANGED)
 */
export async function publishRenderedRelease(ctx: TCtx, rendered: TRenderedApproval): Promise<void> {
  const { orgId, releaseId, draft, published, spend, publishedAt, approvedBy } = rendered;
  const approver = requireUser(ctx.actor);
  if (approver.userId !== approvedBy) throw new Error('an approval is published by the user who rendered it');
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'release.approve');
  const release = await getReleaseForUpdate(ctx.db, orgId, releaseId);
  assertApprovable(release, approver.userId);
  // Drafts never change (the trigger allows only publication or rejection); checked all the same.
  if (draftFingerprint(release) !== draftFingerprint(draft)) throw new AppError('CONFLICT', 'The release changed while it was being approved. Try again.', { reason: 'DATA_CHANGED' });
  const readsData = draft.kind === 'record_level' || spend !== null;
  if (readsData && canonical(await findStillStoredRuns(ctx.db, orgId, draft.datasetIds, true)) !== canonical(rendered.storedDatasetIds)) {
    throw new AppError('CONFLICT', 'A dataset of this release was deleted while it was being approved. Prepare it again.', { reason: 'DATA_CHANGED' });
  }
  if (spend) {
    const budgets = await lockBudgets(ctx.db, orgId, draft.datasetIds, ctx.now());
    const spends = await findSpends(ctx.db, orgId, budgets.map((b) => b.id));
    for (const budget of budgets) checkSpend(budget, spends.filter((s) => s.budgetId === budget.id), spend);
    await recordSpends(ctx.db, orgId, budgets, spend, ctx.now());
  }
  for (const file of rendered.files) await insertReleaseFile(ctx.db, orgId, releaseId, { ...file, createdAt: publishedAt });
  await markPublished(ctx.db, orgId, releaseId, { approvedBy, publishedAt, ...published });
  await ctx.audit.record('release.published', {
    orgId, subjectType: 'release', subjectId: releaseId,
    metadata: { releaseId, kind: draft.kind, method: draft.disclosureMethod, datasetCount: draft.datasetIds.length, fileCount: rendered.files.length, epsilonSpent: published.epsilonSpent, deltaSpent: published.deltaSpent },
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
