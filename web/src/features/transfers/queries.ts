import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TTransferBox, TTransferPolicy, TTransferView } from './types.ts';

/** Query hooks of case transfers (hand-over of responsibility to another organisation). */

export const transferKeys = {
  all: (orgId: string) => ['case-transfers', orgId] as const,
  box: (orgId: string, box: TTransferBox) => ['case-transfers', orgId, 'box', box] as const,
  ofCase: (orgId: string, caseId: string) => ['case-transfers', orgId, 'case', caseId] as const,
  one: (orgId: string, transferId: string) => ['case-transfers', orgId, 'one', transferId] as const,
  policy: (orgId: string) => ['case-transfers', orgId, 'policy'] as const,
};

const orgPath = (orgId: string, rest: string) => `/api/organisations/${seg(orgId)}${rest}`;

export function useTransferBox(orgId: string, box: TTransferBox) {
  return useQuery({
    queryKey: transferKeys.box(orgId, box),
    queryFn: () => api.get<{ transfers: TTransferView[] }>(orgPath(orgId, `/case-transfers?box=${box}`)),
    select: (data) => data.transfers,
  });
}

export function useCaseTransfers(orgId: string, caseId: string) {
  return useQuery({
    queryKey: transferKeys.ofCase(orgId, caseId),
    queryFn: () => api.get<{ transfers: TTransferView[] }>(orgPath(orgId, `/cases/${seg(caseId)}/transfers`)),
    select: (data) => data.transfers,
  });
}

/** One transfer; opening an incoming one reveals the sender's note (the server audits that read). */
export function useTransfer(orgId: string, transferId: string) {
  return useQuery({
    queryKey: transferKeys.one(orgId, transferId),
    queryFn: () => api.get<TTransferView>(orgPath(orgId, `/case-transfers/${seg(transferId)}`)),
    // Read once per visit: every read of the note is an audit event.
    refetchOnWindowFocus: false,
  });
}

export type TTransferRequest = { receivingOrgId: string; consent: { basis: string; language: string; interpreterUsed: boolean }; note: string | null };

export function useRequestTransfer(orgId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTransferRequest) => api.post<{ id: string }>(orgPath(orgId, `/cases/${seg(caseId)}/transfers`), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferKeys.all(orgId) }),
  });
}

type TCommand = { command: 'accept'; body: { expectedVersion: number } } | { command: 'reject'; body: { expectedVersion: number; reason: string } } | { command: 'cancel'; body: { expectedVersion: number } };

/** accept answers `{ caseId }` (the receiver's new case); reject and cancel answer nothing. */
export function useTransferCommand(orgId: string, transferId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ command, body }: TCommand) => api.post<{ caseId: string } | undefined>(orgPath(orgId, `/case-transfers/${seg(transferId)}/${command}`), body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.all(orgId) });
      // The cases list changes on both sides (a new case here, a closed one there).
      void queryClient.invalidateQueries({ queryKey: ['cases', orgId] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useTransferPolicy(orgId: string) {
  return useQuery({ queryKey: transferKeys.policy(orgId), queryFn: () => api.get<TTransferPolicy>(orgPath(orgId, '/transfer-policy')) });
}

export function useSetTransferPolicy(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTransferPolicy) => api.put<TTransferPolicy>(orgPath(orgId, '/transfer-policy'), body),
    onSuccess: (data) => queryClient.setQueryData(transferKeys.policy(orgId), data),
  });
}

/**
 * Organisations a case can be handed to, like the referral form finds receivers: the providers
 * listed in the service directory, plus the organisations the user belongs to (all of them for a
 * platform administrator), without the active one. Sorted by name.
 */
export function useReceivingOrganisations(orgId: string) {
  const receivers = useQuery({
    queryKey: ['transfers', orgId, 'receivers'],
    queryFn: () => api.get<{ organisations: { id: string; name: string }[] }>(orgPath(orgId, '/transfer-receivers')),
    select: (data) => data.organisations,
  });
  return { options: receivers.data ?? [], isPending: receivers.isPending, error: receivers.error };
}
