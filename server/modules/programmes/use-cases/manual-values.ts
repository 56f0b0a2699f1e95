/**
 * Manual indicator values: entered with evidence (sealed like case documents), counted only
 * after someone else holding `programme.approve` approves them. Evidence downloads are audited.
 */
import { AppError } from '../../../../core/errors/app-error.ts';
import { canApproveValue, requirePeriod, takesBasis, type TIndicatorUnit, type TManualValueStatus } from '../../../../core/programmes/index.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { openBytes, openJson, sealBytes, sealJson } from '../../../crypto/field-encryption.ts';
import { DOCUMENT_TYPES } from '../../documents/document-types.ts';
import { getActiveProgrammeRow, getIndicatorRow, getProgrammeRow } from '../programmes.repo.ts';
import { PROGRAMME_LIMITS, type TEnterValue } from '../programmes.schemas.ts';
import { evidenceContentContext, evidenceNameContext } from './indicators.ts';

/**
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (MANUAL_INDICATOR_ONLY,
 *   WRONG_FREQUENCY, CONTENT_TYPE_MISMATCH), PAYLOAD_TOO_LARGE
 */
export async function enterValue(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, input: TEnterValue): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const indicator = await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  if (indicator.kind !== 'manual') throw new AppError('VALIDATION_FAILED', 'A computed indicator takes its values from the statistics engine.', { reason: 'MANUAL_INDICATOR_ONLY' });
  if (requirePeriod(input.period, 'body.period').kind !== indicator.frequency) {
    throw new AppError('VALIDATION_FAILED', `This indicator is reported by ${indicator.frequency}.`, { reason: 'WRONG_FREQUENCY', issues: [{ path: 'body.period', message: `not a ${indicator.frequency} period` }] });
  }
  if (input.basis !== null && !takesBasis(indicator.unit as TIndicatorUnit)) {
    throw new AppError('VALIDATION_FAILED', 'Only a percentage or a number of days has a basis.', { reason: 'BASIS_NOT_APPLICABLE', issues: [{ path: 'body.basis', message: `not for ${indicator.unit}` }] });
  }
  const files = input.evidence.map((file, index) => {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length > PROGRAMME_LIMITS.evidenceBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'An evidence file may be at most 2 MiB.');
    const type = file.contentType as keyof typeof DOCUMENT_TYPES;
    if (!DOCUMENT_TYPES[type](bytes)) {
      throw new AppError('VALIDATION_FAILED', 'The file content does not match its declared type.', { reason: 'CONTENT_TYPE_MISMATCH', issues: [{ path: `body.evidence.${index}.contentBase64`, message: `Not a ${type} file` }] });
    }
    return { bytes, type, fileName: file.fileName };
  });
  const now = ctx.now();
  const userId = ctx.actor.type === 'user' ? ctx.actor.userId : null;
  const value = await ctx.db.insertInto('indicatorValues').values({
    orgId, indicatorId, period: input.period, value: input.value, status: 'pending', enteredBy: userId, enteredAt: now, reviewedBy: null, reviewedAt: null, basis: input.basis,
  }).returning('id').executeTakeFirstOrThrow();
  const key = await ctx.keyring.currentKey(ctx.db, orgId, now);
  for (const file of files) {
    const id = crypto.randomUUID();
    await ctx.db.insertInto('indicatorEvidence').values({
      orgId, id, valueId: value.id, fileNameCiphertext: sealJson(key.dataKey, file.fileName, evidenceNameContext(orgId, id)), contentType: file.type, sizeBytes: file.bytes.length,
      contentCiphertext: sealBytes(key.dataKey, file.bytes, evidenceContentContext(orgId, id)), keyVersion: key.version, uploadedBy: userId, uploadedAt: now,
    }).execute();
  }
  await ctx.audit.record('indicator.valueEntered', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, indicatorId, valueId: value.id, period: input.period, evidenceCount: files.length } });
  return value.id;
}

/**
 * Approves or rejects a pending value; never its own author's. Approving replaces nothing: a
 * period with an approved value refuses a second approval until that one is rejected.
 * @throws NOT_FOUND, FORBIDDEN (programme.approve), DOMAIN_RULE_VIOLATED (SELF_APPROVAL),
 *   INVALID_TRANSITION (VALUE_NOT_PENDING), CONFLICT (PERIOD_ALREADY_APPROVED)
 */
export async function reviewValue(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, valueId: string, decision: 'approved' | 'rejected'): Promise<void> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.approve');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  const value = await ctx.db.selectFrom('indicatorValues').selectAll().where('orgId', '=', orgId).where('indicatorId', '=', indicatorId).where('id', '=', valueId).forUpdate().executeTakeFirst();
  if (!value) throw new AppError('NOT_FOUND', 'Value not found.');
  const reviewerId = ctx.actor.type === 'user' ? ctx.actor.userId : '';
  const check = canApproveValue({ status: value.status as TManualValueStatus, enteredBy: value.enteredBy }, reviewerId);
  if (!check.ok && check.reason === 'SELF_APPROVAL') throw new AppError('DOMAIN_RULE_VIOLATED', 'A value is reviewed by someone other than the person who entered it.', { reason: 'SELF_APPROVAL' });
  if (!check.ok) throw new AppError('INVALID_TRANSITION', 'This value has already been reviewed.', { reason: 'VALUE_NOT_PENDING' });
  if (decision === 'approved') {
    const approved = await ctx.db.selectFrom('indicatorValues').select('id').where('indicatorId', '=', indicatorId).where('period', '=', value.period).where('status', '=', 'approved').executeTakeFirst();
    if (approved) throw new AppError('CONFLICT', 'Another value is already approved for this period.', { reason: 'PERIOD_ALREADY_APPROVED' });
  }
  await ctx.db.updateTable('indicatorValues').set({ status: decision, reviewedBy: reviewerId || null, reviewedAt: ctx.now() }).where('id', '=', valueId).execute();
  await ctx.audit.record('indicator.valueReviewed', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, indicatorId, valueId, period: value.period, decision } });
}

/** @throws NOT_FOUND, FORBIDDEN (programme.read) */
export async function readEvidence(ctx: TCtx, orgId: string, programmeId: string, indicatorId: string, valueId: string, evidenceId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.read');
  await getProgrammeRow(ctx.db, orgId, programmeId);
  await getIndicatorRow(ctx.db, orgId, programmeId, indicatorId);
  const row = await ctx.db.selectFrom('indicatorEvidence').innerJoin('indicatorValues as v', 'v.id', 'indicatorEvidence.valueId').selectAll('indicatorEvidence')
    .where('indicatorEvidence.orgId', '=', orgId).where('v.indicatorId', '=', indicatorId).where('indicatorEvidence.valueId', '=', valueId).where('indicatorEvidence.id', '=', evidenceId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Evidence not found.');
  const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
  await ctx.audit.record('indicator.evidenceDownloaded', { orgId, subjectType: 'indicator', subjectId: indicatorId, metadata: { programmeId, valueId, evidenceId } });
  return { bytes: openBytes(key.dataKey, row.contentCiphertext, evidenceContentContext(orgId, evidenceId)), contentType: row.contentType, fileName: openJson<string>(key.dataKey, row.fileNameCiphertext, evidenceNameContext(orgId, evidenceId)) };
}
