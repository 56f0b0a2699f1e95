import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TReferralDraft } from '../../api/case-types.ts';
import type { TIntakeData } from './intake-data.ts';

const draftKeys = { all: (orgId: string) => ['referral-drafts', orgId] as const };

function draftsPath(orgId: string, draftId?: string): string {
  return `/api/organisations/${seg(orgId)}/referral-drafts${draftId ? `/${seg(draftId)}` : ''}`;
}

/** The signed-in user's unfinished referrals in this organisation (the server keeps them encrypted). */
export function useReferralDrafts(orgId: string) {
  return useQuery({
    queryKey: draftKeys.all(orgId),
    queryFn: () => api.get<{ drafts: TReferralDraft<Partial<TIntakeData>>[] }>(draftsPath(orgId)),
    select: (data) => data.drafts,
  });
}

/** Saves (creates or replaces) one draft under its client-generated id. */
export function useSaveDraft(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, data }: { id: string; step: number; data: TIntakeData }) =>
      api.put<{ draft: TReferralDraft<TIntakeData> }>(draftsPath(orgId, id), { step, data }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftKeys.all(orgId) }),
  });
}

export function useDeleteDraft(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(draftsPath(orgId, id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftKeys.all(orgId) }),
  });
}
