import type { TActor } from '../../context.ts';
import type { TReleaseFileMeta, TReleaseWithNames } from './releases.repo.ts';
import type { TReleaseView } from './releases.schemas.ts';
import { canSeeDraftValues, releaseAbilities } from './use-cases/release-access.ts';

/** A draft's values are shown only to its preparer and to approvers (as a preview); others see the layout. */
function visibleResult(release: TReleaseWithNames, viewer: TActor): TReleaseView['result'] {
  if (release.status === 'published' || release.result.kind !== 'tables' || canSeeDraftValues(viewer, release)) return release.result;
  return { kind: 'tables', tables: release.result.tables.map((table) => ({ ...table, values: null, notes: {} })) };
}

const userRef = (userId: string | null, displayName: string | null) => (userId ? { userId, displayName: displayName ?? '' } : null);

export function presentRelease(release: TReleaseWithNames, files: readonly TReleaseFileMeta[], viewer: TActor): TReleaseView {
  return {
    id: release.id,
    kind: release.kind,
    status: release.status,
    title: release.title,
    language: release.language,
    parameters: release.parameters,
    datasetIds: release.datasetIds,
    disclosure: { method: release.disclosureMethod, parameters: release.disclosureParameters },
    result: visibleResult(release, viewer),
    epsilonSpent: release.epsilonSpent,
    deltaSpent: release.deltaSpent,
    preparedBy: userRef(release.preparedBy, release.preparerName)!,
    preparedAt: release.preparedAt.toISOString(),
    approvedBy: userRef(release.approvedBy, release.approverName),
    publishedAt: release.publishedAt?.toISOString() ?? null,
    rejectedBy: userRef(release.rejectedBy, release.rejecterName),
    rejectedAt: release.rejectedAt?.toISOString() ?? null,
    files: files.map((f) => ({ format: f.format, fileName: f.fileName, mediaType: f.mediaType, byteCount: f.byteCount, sha256: f.sha256 })),
    abilities: releaseAbilities(viewer, release),
  };
}
