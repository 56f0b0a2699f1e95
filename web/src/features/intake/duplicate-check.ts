import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, seg } from '../../api/client.ts';
import type { TIdentity, TSex } from '../../api/case-types.ts';
import { splitList, type TIntakeData } from './intake-data.ts';

/** One possible match, as `POST …/persons/duplicate-check` returns it (display name only with person.readIdentity). */
export interface TDuplicateMatch {
  personId: string;
  cases: { id: string; reference: string; status: string }[];
  probability: number;
  matchWeight: number;
  explanation: { comparisons: { comparison: string; level: number; label: string }[]; namesSwapped: boolean };
  displayName: string | null;
}

export interface TDuplicateProbe {
  identity: TIdentity;
  sex: TSex | null;
  citizenship: string | null;
}

/** How long typing must pause before the register is checked. */
export const CHECK_DEBOUNCE_MS = 700;

/**
 * The probe of the duplicate check, once the person step says enough to compare: given and family
 * name plus at least one of date of birth, document number, phone or sex. Null before that.
 */
export function duplicateProbeOf(person: TIntakeData['person']): TDuplicateProbe | null {
  const givenName = person.givenName.trim();
  const familyName = person.familyName.trim();
  if (!givenName || !familyName) return null;
  const documents = splitList(person.documentNumbers);
  const phone = person.phone.trim();
  const identity: TIdentity = { givenName, familyName };
  if (/^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)) identity.dateOfBirth = person.dateOfBirth;
  if (documents.length) identity.documentNumbers = documents;
  if (phone) identity.phone = phone;
  const sex = person.sex || null;
  if (!identity.dateOfBirth && !documents.length && !phone && (!sex || sex === 'not_known')) return null;
  return { identity, sex, citizenship: /^[A-Z]{2}$/.test(person.citizenship) ? person.citizenship : null };
}

export type TMatchStrength = 'veryStrong' | 'strong' | 'possible';

export function matchStrengthOf(probability: number): TMatchStrength {
  return probability >= 0.99 ? 'veryStrong' : probability >= 0.9 ? 'strong' : 'possible';
}

/** The fields shown in words, in this order. */
export const EXPLAINED_FIELDS = ['given_name', 'surname', 'date_of_birth', 'sex', 'citizenship', 'document_number', 'phone'] as const;
export type TExplainedField = (typeof EXPLAINED_FIELDS)[number];

/** Which fields agree exactly, which are close (spelling, transliteration, a swapped day and month), which differ; missing fields are left out. */
export function agreementOf(match: TDuplicateMatch): { agree: TExplainedField[]; similar: TExplainedField[]; differ: TExplainedField[] } {
  const out = { agree: [] as TExplainedField[], similar: [] as TExplainedField[], differ: [] as TExplainedField[] };
  for (const field of EXPLAINED_FIELDS) {
    const comparison = match.explanation.comparisons.find((c) => c.comparison === field);
    if (!comparison || comparison.level < 0) continue;
    if (comparison.level === 0) out.agree.push(field);
    else if (comparison.label === 'different') out.differ.push(field);
    else out.similar.push(field);
  }
  return out;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Checks the register for the person being typed, after a pause in typing. Never blocks the
 * form: failures leave `matches` empty (the server audits every check).
 */
export function useDuplicateCheck(orgId: string, person: TIntakeData['person'], enabled: boolean) {
  const probe = enabled ? duplicateProbeOf(person) : null;
  const key = useDebounced(probe ? JSON.stringify(probe) : null, CHECK_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['duplicate-check', orgId, key],
    queryFn: () => api.post<{ matches: TDuplicateMatch[] }>(`/api/organisations/${seg(orgId)}/persons/duplicate-check`, JSON.parse(key!) as TDuplicateProbe),
    enabled: key !== null,
    staleTime: 60_000,
    retry: false,
    select: (data) => data.matches,
  });
  return { matches: key === null ? [] : (query.data ?? []), isChecking: query.isFetching, failed: query.isError };
}

/** Records what the user did about the possible matches (never throws: the registration goes on). */
export async function recordDuplicateDecision(orgId: string, body: { decision: 'registered_anyway' | 'opened_existing'; caseId: string; matchedPersonIds: string[] }): Promise<void> {
  try {
    await api.post<void>(`/api/organisations/${seg(orgId)}/persons/duplicate-check/decision`, body);
  } catch {
    // the audit of the check itself is already on the server; losing the decision must not stop the user
  }
}
