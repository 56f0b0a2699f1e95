import type { TPermission } from '../../../core/authz/permissions.ts';

/** What a document is attached to: the case itself, or the case's recovery plan. */
export type THolderKind = 'case' | 'plan';
export type TDocumentAction = 'list' | 'attach' | 'download';

/**
 * Case documents (statements, certificates, identity papers): listed with case.read, attached
 * with person.write, downloaded with person.readIdentity. Plan documents follow the plan:
 * whoever may read the plan (case.read) lists and downloads them, whoever may change it
 * (plan.manage) attaches them. Either way the case must still be readable here (not
 * transferred away without kept access), which the service checks through getCaseRow.
 */
export const DOCUMENT_PERMISSIONS: Record<THolderKind, Record<TDocumentAction, TPermission>> = {
  case: { list: 'case.read', attach: 'person.write', download: 'person.readIdentity' },
  plan: { list: 'case.read', attach: 'plan.manage', download: 'case.read' },
};
