import { ADULT_AGE_BANDS } from '../../../../core/nrm/anonymous-notification.ts';
import { childStatus, type TAgeStatus } from '../../../../core/nrm/child-pathway.ts';
import { COE_PROFILE } from '../../../../core/nrm/jurisdictions/coe.ts';
import type { TConsentTopic } from '../../../../core/nrm/consent.ts';
import type { TObservationStatus } from '../../../../core/screening/schemas.ts';
import type {
  TAnonymousNotificationRequest,
  TCaseSource,
  TConsentRequest,
  TCreateCaseRequest,
  TExploitationType,
  TIdentity,
  TScreeningList,
  TScreeningRequest,
  TSex,
} from '../../api/case-types.ts';

/**
 * ⚠ PERSISTED SHAPE (inside the server's encrypted referral drafts): a draft saved by one version
 * of the app may be resumed by the next, so fields are only added, and `mergeIntakeData` fills
 * whatever an older draft lacks.
 *
 * The intake form's values as typed: strings for inputs, so half-finished answers survive a save.
 */
export interface TIntakeData {
  person: {
    givenName: string;
    familyName: string;
    /** Comma-separated. */
    otherNames: string;
    dateOfBirth: string;
    /** Comma-separated. */
    documentNumbers: string;
    phone: string;
    address: string;
    sex: TSex | '';
    ageYears: string;
    ageStatus: TAgeStatus | '';
    citizenship: string;
  };
  circumstances: {
    countryOfExploitation: string;
    exploitationForms: TExploitationType[];
    isUnaccompanied: 'yes' | 'no' | 'unknown';
    source: TCaseSource;
  };
  screening: {
    /** Empty when no screening is recorded with the referral. */
    listId: string;
    /** Indicators without an entry are unknown (never absent). */
    observations: Record<string, TObservationStatus>;
  };
  consent: {
    decision: 'given' | 'declined' | '';
    topicsExplained: TConsentTopic[];
    /** BCP 47 tag of the language the explanation was given in, e.g. `ro`. */
    language: string;
    interpreterUsed: boolean;
  };
  /** Set once the case exists, so a retried submission continues instead of creating a second case. */
  submission?: { caseId: string; screeningRecorded: boolean; consentRecorded: boolean };
}

export const INTAKE_STEPS = ['person', 'circumstances', 'screening', 'consent', 'review'] as const;
export type TIntakeStep = (typeof INTAKE_STEPS)[number];

export function emptyIntake(language: string): TIntakeData {
  return {
    person: { givenName: '', familyName: '', otherNames: '', dateOfBirth: '', documentNumbers: '', phone: '', address: '', sex: '', ageYears: '', ageStatus: '', citizenship: '' },
    circumstances: { countryOfExploitation: '', exploitationForms: [], isUnaccompanied: 'unknown', source: 'case_management' },
    screening: { listId: '', observations: {} },
    consent: { decision: '', topicsExplained: [], language, interpreterUsed: false },
  };
}

/** A saved draft over today's empty form: missing parts (older drafts) get their defaults. */
export function mergeIntakeData(saved: Partial<TIntakeData> | null | undefined, language: string): TIntakeData {
  const empty = emptyIntake(language);
  if (!saved || typeof saved !== 'object') return empty;
  return {
    person: { ...empty.person, ...saved.person },
    circumstances: { ...empty.circumstances, ...saved.circumstances },
    screening: { ...empty.screening, ...saved.screening },
    consent: { ...empty.consent, ...saved.consent },
    ...(saved.submission ? { submission: saved.submission } : {}),
  };
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Parses the age field; null when empty or not a whole number of years. */
export function parseAge(value: string): number | null {
  if (!/^\d{1,3}$/.test(value.trim())) return null;
  const age = Number(value.trim());
  return age <= 130 ? age : null;
}

/**
 * Whether the person will be treated as a child, as far as the form can tell, using the same
 * rule as the server (core `childStatus`, presumption of childhood when the age is uncertain).
 * Only a hint for the form: the organisation's jurisdiction may differ from the default, so the
 * server's `isChild` on the created case decides what happens next.
 */
export function looksLikeChild(person: TIntakeData['person']): boolean {
  // An unanswered age status is sent as `claimed` (see toCreateCaseRequest).
  return childStatus(COE_PROFILE, { ageStatus: person.ageStatus || 'claimed', ageYears: parseAge(person.ageYears), ageAssessment: null }).isChild;
}

export function toCreateCaseRequest(data: TIntakeData): TCreateCaseRequest {
  const p = data.person;
  const identity: TIdentity = {};
  if (p.givenName.trim()) identity.givenName = p.givenName.trim();
  if (p.familyName.trim()) identity.familyName = p.familyName.trim();
  if (splitList(p.otherNames).length) identity.otherNames = splitList(p.otherNames);
  if (p.dateOfBirth) identity.dateOfBirth = p.dateOfBirth;
  if (splitList(p.documentNumbers).length) identity.documentNumbers = splitList(p.documentNumbers);
  if (p.phone.trim()) identity.phone = p.phone.trim();
  if (p.address.trim()) identity.address = p.address.trim();
  const c = data.circumstances;
  return {
    person: {
      identity,
      sex: p.sex || 'not_known',
      ageYears: parseAge(p.ageYears),
      ageStatus: p.ageStatus || 'claimed',
      citizenship: p.citizenship || null,
    },
    details: {
      countryOfExploitation: c.countryOfExploitation || null,
      exploitationForms: c.exploitationForms,
      isUnaccompanied: c.isUnaccompanied === 'unknown' ? null : c.isUnaccompanied === 'yes',
      source: c.source,
    },
  };
}

/** Every indicator of the list, each with its answer (unanswered ones explicitly `unknown`). */
export function toScreeningRequest(list: TScreeningList, observations: Record<string, TObservationStatus>): TScreeningRequest {
  return {
    listId: list.id,
    observations: list.indicators.map((indicator) => ({ indicatorId: indicator.id, status: observations[indicator.id] ?? 'unknown' })),
  };
}

export function toConsentRequest(consent: TIntakeData['consent']): TConsentRequest {
  return {
    decision: consent.decision === 'given' ? 'given' : 'declined',
    topicsExplained: consent.topicsExplained,
    language: consent.language.trim() || 'en',
    interpreterUsed: consent.interpreterUsed,
  };
}

/** The CTDC adult age band for an age in years, or `not_known`. */
export function ageBandFor(age: number | null): string {
  if (age === null || age < 18) return 'not_known';
  for (const band of ADULT_AGE_BANDS) {
    if (band.endsWith('+')) return band;
    const [from, to] = band.split('--').map(Number);
    if (from !== undefined && to !== undefined && age >= from && age <= to) return band;
  }
  return 'not_known';
}

/** Today's local date as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The anonymous notification prefilled from the intake's statistical answers only: no name,
 * date of birth, document, phone or address can reach it (the request type has no such field).
 */
export function anonymousNotificationFrom(data: TIntakeData, now: Date = new Date()): TAnonymousNotificationRequest {
  const c = data.circumstances;
  return {
    notifiedOn: todayLocal(now),
    sex: data.person.sex || 'not_known',
    ageBand: ageBandFor(parseAge(data.person.ageYears)),
    ageAtExploitation: 'not_known',
    nationality: data.person.citizenship || 'not_known',
    exploitationTypes: c.exploitationForms.length ? c.exploitationForms : ['not_known'],
    exploitationLocation: 'not_known',
    locationRegion: c.countryOfExploitation || 'not_known',
  };
}

/** A random UUID v4 for a new draft; works on plain-http deployments where randomUUID is absent. */
export function newDraftId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
