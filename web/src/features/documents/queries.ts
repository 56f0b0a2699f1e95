import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../../core/errors/app-error.ts';
import { api, NETWORK_ERROR_REASON, seg } from '../../api/client.ts';
import type { TDocumentType } from './document-rules.ts';
import { accessPurposeQuery } from '../security/access-purpose-store.ts';

/**
 * Documents of a case or of its recovery plan: sealed at rest on the server, listed by name (the
 * server audits a list that shows names), downloaded one at a time (audited there too).
 */

export type TCaseDocument = { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null };
/** What a document hangs on: the case itself or the case's plan (…/plan/documents). */
export type TDocumentHolder = 'case' | 'plan';
export type TPlanDocuments = { planId: string | null; canAttach: boolean; documents: TCaseDocument[] };

const documentsPath = (orgId: string, caseId: string, holder: TDocumentHolder) =>
  `/api/organisations/${seg(orgId)}/cases/${seg(caseId)}${holder === 'plan' ? '/plan' : ''}/documents`;
// Distinct keys per holder: refreshing one list must not re-fetch (and re-audit) the other.
export const documentKeys = { of: (orgId: string, caseId: string, holder: TDocumentHolder) => ['documents', orgId, caseId, holder] as const };

export function useCaseDocuments(orgId: string, caseId: string) {
  return useQuery({
    queryKey: documentKeys.of(orgId, caseId, 'case'),
    queryFn: () => api.get<{ documents: TCaseDocument[] }>(documentsPath(orgId, caseId, 'case')),
    select: (data) => data.documents,
  });
}

/** The plan's documents, whether a plan exists yet, and whether this viewer may attach now. */
export function usePlanDocuments(orgId: string, caseId: string) {
  return useQuery({
    queryKey: documentKeys.of(orgId, caseId, 'plan'),
    queryFn: () => api.get<TPlanDocuments>(documentsPath(orgId, caseId, 'plan')),
  });
}

export function useUploadDocument(orgId: string, caseId: string, holder: TDocumentHolder = 'case') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fileName: string; contentType: TDocumentType; contentBase64: string }) => api.post<{ document: TCaseDocument }>(documentsPath(orgId, caseId, holder), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.of(orgId, caseId, holder) }),
  });
}

/**
 * Fetches one document and hands it to the browser as a download (never shown inline). The
 * api client speaks JSON only, so the bytes are fetched here; failures still become AppErrors.
 */
export async function downloadDocument(orgId: string, caseId: string, document: TCaseDocument, holder: TDocumentHolder = 'case'): Promise<void> {
  let response: Response;
  try {
    // With the reader's purpose when one was given for this case (security policy requireAccessPurpose).
    response = await fetch(`${documentsPath(orgId, caseId, holder)}/${seg(document.id)}/content${accessPurposeQuery(orgId, caseId)}`, { credentials: 'same-origin' });
  } catch {
    throw new AppError('INTERNAL', 'The server could not be reached.', { reason: NETWORK_ERROR_REASON });
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw AppError.fromBody(body, response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
