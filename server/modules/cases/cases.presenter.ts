import { computeRecoveryPeriod, deadlineStatus } from '../../../core/nrm/deadlines.ts';
import type { TJurisdictionProfile } from '../../../core/nrm/jurisdictions/index.ts';
import type { TCaseStatus } from '../../../core/nrm/case-status.ts';
import type { TScreeningResult } from '../../../core/screening/schemas.ts';
import type { TActor } from '../../context.ts';
import type { TCaseRow } from '../../db/schema/nrm.ts';
import type { TCaseBundle } from './cases.repo.ts';
import type { TCaseDetail, TCaseSummary, TProtection } from './cases.schemas.ts';
import { abilitiesFor, allowedActionsFor, unmetChildRequirements } from './case-rules.ts';
import type { TPersonIdentity } from './person-identity.ts';
import { displayNameOf } from './person-identity.ts';

type TDeadlineState = NonNullable<TCaseSummary['nextDeadline']>['state'];

/** Open deadlines are shown by time (due, due soon, breached); closed ones by their outcome. */
export function deadlineState(profile: Pick<TJurisdictionProfile, 'deadlines'>, deadline: { dueAt: Date; status: string }, now: Date): TDeadlineState {
  if (deadline.status === 'open') return deadlineStatus(deadline.dueAt.toISOString(), now.toISOString(), { dueSoonHours: profile.deadlines.dueSoonHours });
  return deadline.status as TDeadlineState;
}

export interface TCaseSecrets {
  /** Null when the viewer may not see identity. */
  identity: TPersonIdentity | null;
  reasonsByDecision: Map<string, string[]>;
}

export function presentCaseSummary(
  row: Pick<TCaseRow, 'id' | 'reference' | 'status' | 'isChild' | 'updatedAt' | 'transferredToOrgId' | 'transferredFromOrgId'>,
  person: { sex: string; ageYears: number | null; citizenship: string | null },
  displayName: string | null,
  nextDeadline: TCaseSummary['nextDeadline'],
): TCaseSummary {
  return {
    id: row.id, reference: row.reference, status: row.status as TCaseStatus, isChild: row.isChild, displayName,
    sex: person.sex as TCaseSummary['sex'], ageYears: person.ageYears, citizenship: person.citizenship, nextDeadline, updatedAt: row.updatedAt.toISOString(),
    transfer: row.transferredToOrgId ? 'out' : row.transferredFromOrgId ? 'in' : null,
  };
}

export function presentCaseDetail(bundle: TCaseBundle, secrets: TCaseSecrets, viewer: TActor, profile: TJurisdictionProfile, now: Date): TCaseDetail {
  const { caseRow: row, person } = bundle;
  const deadlines = bundle.deadlines.map((d) => ({ id: d.id, kind: d.kind, dueAt: d.dueAt.toISOString(), state: deadlineState(profile, d, now) }));
  // The next deadline is the earliest one still open (a breached one is open work too until decided).
  const next = bundle.deadlines.find((d) => d.status === 'open' || (d.status === 'breached' && d.kind === 'rg_decision' && row.status === 'referred'));
  const ageAssessment = row.ageAssessment as TCaseDetail['childProtection']['ageAssessment'];
  return {
    ...presentCaseSummary(row, person, secrets.identity ? displayNameOf(secrets.identity) : null,
      next ? { kind: next.kind, dueAt: next.dueAt.toISOString(), state: deadlineState(profile, next, now) } : null),
    version: row.version,
    childBasis: row.childBasis,
    person: {
      id: person.id, identity: secrets.identity, sex: person.sex as TCaseDetail['person']['sex'], ageYears: person.ageYears,
      ageStatus: person.ageStatus as TCaseDetail['person']['ageStatus'], citizenship: person.citizenship,
    },
    details: {
      countryOfExploitation: row.countryOfExploitation, exploitationForms: row.exploitationForms, isUnaccompanied: row.isUnaccompanied,
      source: row.source as TCaseDetail['details']['source'], yearOfRegistration: row.yearOfRegistration,
    },
    consent: (row.consent as TCaseDetail['consent']) ?? null,
    screenings: bundle.screenings.map((s) => ({ id: s.id, listId: s.listId, outcome: s.outcome, result: s.result as TScreeningResult, recordedAt: s.recordedAt.toISOString(), recordedBy: s.recordedBy })),
    decisions: bundle.decisions.map((d) => ({
      id: d.id, kind: d.kind as 'RG' | 'CG', outcome: d.outcome as 'positive' | 'negative', reasons: secrets.reasonsByDecision.get(d.id) ?? [],
      evidenceStandard: d.evidenceStandard, decidedAt: d.decidedAt.toISOString(), decidedBy: d.decidedBy, isReconsideration: d.isReconsideration,
    })),
    deadlines,
    recoveryPeriod: row.rgPositiveAt ? (() => {
      const period = computeRecoveryPeriod(profile, row.rgPositiveAt.toISOString());
      return { startsAt: row.rgPositiveAt.toISOString(), earliestCgAt: period.earliestCgAt };
    })() : null,
    childProtection: {
      lead: row.childProtectionLeadId ? { userId: row.childProtectionLeadId, displayName: bundle.leadDisplayName ?? '' } : null,
      guardian: (row.guardian as TCaseDetail['childProtection']['guardian']) ?? null,
      ageAssessment: ageAssessment ?? null,
      bestInterestsDetermination: (row.bestInterestsDetermination as TCaseDetail['childProtection']['bestInterestsDetermination']) ?? null,
      unmet: unmetChildRequirements(row),
    },
    protection: row.protection as TProtection,
    jurisdictionProfile: { id: row.jurisdictionProfileId, version: row.jurisdictionProfileVersion },
    closureReason: row.closureReason,
    linkedInvestigationCount: bundle.linkedInvestigationCount,
    allowedActions: allowedActionsFor(viewer, row.orgId, row.status as TCaseStatus),
    abilities: abilitiesFor(viewer, row.orgId),
    createdAt: row.createdAt.toISOString(),
  };
}
