import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../../core/errors/app-error.ts';
import { api, NETWORK_ERROR_REASON, seg } from '../../api/client.ts';
import type { TDocumentType } from './document-rules.ts';

/** Case documents: sealed at rest on the server, listed by name, downloaded one at a time (audited there). */

export type TCaseDocument = { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null };

const documentsPath = (orgId: string, caseId: string) => `/api/organisations/${seg(orgId)}/cases/${seg(caseId)}/documents`;
export const documentKeys = { ofCase: (orgId: string, caseId: string) => ['documents', orgId, caseId] as const };

export function useCaseDocuments(orgId: string, caseId: string) {
  return useQuery({
    queryKey: documentKeys.ofCase(orgId, caseId),
    queryFn: () => api.get<{ documents: TCaseDocument[] }>(documentsPath(orgId, caseId)),
    select: (data) => data.documents,
  });
}

export function useUploadDocument(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fileName: string; contentType: TDocumentType; contentBase64: string }) => api.post<{ document: TCaseDocument }>(documentsPath(orgId, caseId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.ofCase(orgId, caseId) }),
  });
}

/**
 * Fetches one document and hands it to the browser as a download (never shown inline). The
 * api client speaks JSON only, so the bytes are fetched here; failures still become AppErrors.
 */
export async function downloadDocument(orgId: string, caseId: string, document: TCaseDocument): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${documentsPath(orgId, caseId)}/${seg(document.id)}/content`, { credentials: 'same-origin' });
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
