import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import type { TJurisdictionProfile } from './types.ts';

/**
 * Query hooks for jurisdiction profiles and the organisation's NRM settings. Profiles are
 * versioned reference data: the list holds the newest version of each, and adding a version
 * changes which rules new cases of every organisation on that profile follow.
 */

export const jurisdictionKeys = {
  profiles: ['jurisdiction-profiles'] as const,
  settingsAll: ['nrm-settings'] as const,
  settings: (orgId: string) => ['nrm-settings', orgId] as const,
};

/** The newest version of every jurisdiction profile. */
export function useJurisdictionProfiles() {
  return useQuery({
    queryKey: jurisdictionKeys.profiles,
    queryFn: () => api.get<{ profiles: TJurisdictionProfile[] }>('/api/jurisdiction-profiles'),
    select: (data) => data.profiles,
  });
}

/** The profile governing the organisation's new cases. */
export function useNrmSettings(orgId: string) {
  return useQuery({
    queryKey: jurisdictionKeys.settings(orgId),
    queryFn: () => api.get<{ jurisdictionProfile: TJurisdictionProfile }>(`/api/organisations/${seg(orgId)}/nrm-settings`),
    select: (data) => data.jurisdictionProfile,
  });
}

/** Chooses the profile for the organisation's new cases (existing cases keep theirs); the server audits it. */
export function useChangeNrmProfile(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jurisdictionProfileId: string) =>
      api.put<{ jurisdictionProfile: TJurisdictionProfile }>(`/api/organisations/${seg(orgId)}/nrm-settings`, { jurisdictionProfileId }),
    onSuccess: (data) => queryClient.setQueryData(jurisdictionKeys.settings(orgId), data),
  });
}

/**
 * Adds a new version of a profile (platform administrators). Versions are never edited in place;
 * the profile list and every organisation's settings are read again, since organisations on
 * this profile now follow the new version for new cases.
 * @throws AppError CONFLICT (PROFILE_VERSION_EXISTS), VALIDATION_FAILED with issue paths.
 */
export function useAddProfileVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: TJurisdictionProfile) => api.post<{ profile: TJurisdictionProfile }>('/api/jurisdiction-profiles', profile),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: jurisdictionKeys.profiles });
      void queryClient.invalidateQueries({ queryKey: jurisdictionKeys.settingsAll });
    },
  });
}
