import { AppError } from '../../../../core/errors/app-error.ts';
import type { TActor, TCtx } from '../../../context.ts';
import { can } from '../../../authz/policy.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { buildReleaseFile, type TReleaseFileContent } from '../release-files.ts';
import { findReleaseFileContent, getRelease, type TReleaseRecord } from '../releases.repo.ts';
import type { TReleaseFormat } from '../releases.schemas.ts';
import { recordLevelCsvSource, releaseForFiles } from './publish-release.ts';

/** The preparer and approvers see a draft's values; everyone else only once it is published. */
export function canSeeDraftValues(actor: TActor, release: Pick<TReleaseRecord, 'orgId' | 'preparedBy'>): boolean {
  return (actor.type === 'user' && actor.userId === release.preparedBy) || can(actor, release.orgId, 'release.approve');
}

/** What the viewer may do with a release (the web app shows buttons from this). */
export function releaseAbilities(actor: TActor, release: Pick<TReleaseRecord, 'orgId' | 'status' | 'preparedBy' | 'disclosureMethod'>): { canApprove: boolean; canDownload: boolean } {
  const userId = actor.type === 'user' ? actor.userId : null;
  const isApprover = can(actor, release.orgId, 'release.approve');
  const canSeeDraft = (userId !== null && userId === release.preparedBy) || isApprover;
  return {
    canApprove: release.status === 'draft' && isApprover && userId !== release.preparedBy,
    canDownload: release.status === 'published' || (release.status === 'draft' && canSeeDraft && release.disclosureMethod !== 'differentialPrivacy'),
  };
}

/**
 * A release file. Published: the stored bytes, exactly as generated at publication. Draft: a
 * preview generated now and marked as a draft, only for the preparer and for approvers; a
 * differentially private draft has no values yet (noise is drawn at publication).
 * Every download is audited.
 * @throws NOT_FOUND, FORBIDDEN (stats.read; DRAFT_PREVIEW_NOT_ALLOWED), DOMAIN_RULE_VIOLATED (VALUES_NOT_DRAWN, RELEASE_REJECTED)
 */
export async function getReleaseFile(ctx: TCtx, orgId: string, releaseId: string, format: TReleaseFormat): Promise<TReleaseFileContent & { sha256?: string }> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'stats.read');
  const release = await getRelease(ctx.db, orgId, releaseId);
  let file: (TReleaseFileContent & { sha256?: string }) | null;
  if (release.status === 'published') {
    const stored = await findReleaseFileContent(ctx.db, orgId, releaseId, format);
    file = stored ? { format, fileName: stored.fileName, mediaType: stored.mediaType, bytes: Buffer.from(stored.contentBase64, 'base64'), sha256: stored.sha256 } : null;
  } else if (release.status === 'rejected') {
    throw new AppError('DOMAIN_RULE_VIOLATED', 'This release was rejected: it has no files.', { reason: 'RELEASE_REJECTED' });
  } else {
    const userId = ctx.actor.type === 'user' ? ctx.actor.userId : null;
    if (userId !== release.preparedBy && !can(ctx.actor, orgId, 'release.approve')) {
      throw new AppError('FORBIDDEN', 'Only the preparer and approvers can preview a draft release.', { reason: 'DRAFT_PREVIEW_NOT_ALLOWED' });
    }
    if (release.disclosureMethod === 'differentialPrivacy') {
      throw new AppError('DOMAIN_RULE_VIOLATED', 'The noisy values of this release are drawn when it is approved; there is nothing to preview yet.', { reason: 'VALUES_NOT_DRAWN' });
    }
    file = await buildReleaseFile(releaseForFiles(release), format, true, release.kind === 'record_level' ? recordLevelCsvSource(ctx.db, release) : undefined);
  }
  if (!file) throw new AppError('NOT_FOUND', `This release has no ${format.toUpperCase()} file.`);
  await ctx.audit.record('release.downloaded', { orgId, subjectType: 'release', subjectId: releaseId, metadata: { releaseId, format, isDraft: release.status !== 'published' } });
  return file;
}
