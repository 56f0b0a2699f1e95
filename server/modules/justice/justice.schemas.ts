import { z } from 'zod';
import { EXPLOITATION_TYPES } from '../../../core/nrm/anonymous-notification.ts';
import { ZPlainDate } from '../../../core/nrm/calendar.ts';
import { ZExpectedVersion, ZUuid } from '../../http/common-schemas.ts';
import { ZPersonIdentity } from '../cases/person-identity.ts';

const ZCountry = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');
const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217, e.g. EUR');
const ZDate = ZPlainDate;
/** Amounts are stored as numeric(14, 2): twelve digits before the decimal point. */
const ZAmount = z.number().nonnegative().max(999_999_999_999.99).multipleOf(0.01);

export const INVESTIGATION_STATUSES = ['open', 'closed_charged', 'closed_no_further_action', 'suspended'] as const;
export const SPECIAL_TECHNIQUES = ['financial_investigation', 'digital_evidence', 'undercover', 'controlled_delivery'] as const;
export const SUSPECT_ROLES = ['recruiter', 'transporter', 'exploiter', 'financier', 'other'] as const;
export const OFFENCE_CATEGORIES = ['trafficking', 'lesser_related', 'other'] as const;
export const COURT_OUTCOMES = ['convicted', 'acquitted', 'dismissed', 'withdrawn', 'pending'] as const;

export const ZInvestigationParams = z.object({ orgId: ZUuid, investigationId: ZUuid }).strict();
export const ZSuspectParams = z.object({ orgId: ZUuid, suspectId: ZUuid }).strict();
export const ZChargeParams = z.object({ orgId: ZUuid, chargeId: ZUuid }).strict();
export const ZOperationParams = z.object({ orgId: ZUuid, operationId: ZUuid }).strict();

export const ZCreateOperation = z.strictObject({ codeName: z.string().trim().min(1).max(100), countries: z.array(ZCountry).max(50), openedOn: ZDate });
export const ZShareOperation = z.strictObject({ organisationId: ZUuid });
export const ZCreateInvestigation = z.strictObject({
  operationId: ZUuid.nullable(),
  agency: z.string().trim().min(1).max(200),
  openedOn: ZDate,
  exploitationForms: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length),
  techniques: z.array(z.enum(SPECIAL_TECHNIQUES)).max(SPECIAL_TECHNIQUES.length),
  countriesInvolved: z.array(ZCountry).max(50),
  jointInvestigationTeam: z.boolean(),
});
export const ZInvestigationStatus = z.strictObject({ status: z.enum(INVESTIGATION_STATUSES), closedOn: ZDate.nullable(), expectedVersion: ZExpectedVersion });
export const ZCooperationRequest = z.strictObject({
  kind: z.enum(['mutual_legal_assistance', 'extradition', 'joint_investigation_team']), country: ZCountry, sentOn: ZDate,
  status: z.enum(['pending', 'granted', 'refused', 'withdrawn']), respondedOn: ZDate.nullable(),
});
export const ZAddSuspect = z.strictObject({
  identity: ZPersonIdentity, role: z.enum(SUSPECT_ROLES), sex: z.enum(['female', 'male', 'other', 'not_known']),
  ageBand: z.string().regex(/^(\d{1,2}--\d{1,2}|\d{1,2}\+)$/).nullable(), citizenship: ZCountry.nullable(), identifiedOn: ZDate,
});
export const ZCharge = z.strictObject({ offenceCategory: z.enum(OFFENCE_CATEGORIES), offenceCode: z.string().trim().min(1).max(50), chargedOn: ZDate });
export const ZProsecution = z.strictObject({ court: z.string().trim().min(1).max(200), startedOn: ZDate });
export const ZCourtDecision = z.strictObject({ outcome: z.enum(COURT_OUTCOMES), isAppeal: z.boolean(), decidedOn: ZDate });
export const ZSentence = z.strictObject({
  custodialMonths: z.int().min(0).max(12 * 100).nullable(), isSuspended: z.boolean(), fineAmount: ZAmount.nullable(), fineCurrency: ZCurrency.nullable(),
  otherMeasure: z.string().trim().max(500).nullable(), sentencedOn: ZDate,
}).refine((s) => (s.fineAmount === null) === (s.fineCurrency === null), { message: 'a fine needs both amount and currency', path: ['fineCurrency'] });
export const ZConfiscation = z.strictObject({ suspectId: ZUuid.nullable(), kind: z.enum(['freeze', 'confiscation']), amount: ZAmount, currency: ZCurrency, orderedOn: ZDate });
export const ZCompensationOrder = z.strictObject({ victimLinkId: ZUuid.nullable(), amount: ZAmount, currency: ZCurrency, orderedOn: ZDate });
export const ZVictimLink = z.strictObject({
  caseOrgId: ZUuid, caseId: ZUuid, role: z.enum(['victim', 'witness', 'victim_witness']),
  supportContact: z.string().trim().min(1).max(300), participation: z.enum(['none', 'statement', 'testified']),
});
export const ZFunnelQuery = z.strictObject({
  mode: z.enum(['cohort', 'period']).default('cohort'),
  groupBy: z.enum(['none', 'exploitationForm', 'sex']).default('none'),
});

export const ZInvestigationSummary = z.object({
  id: z.string(), reference: z.string(), agency: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), status: z.enum(INVESTIGATION_STATUSES),
  operationId: z.string().nullable(), exploitationForms: z.array(z.string()), isShared: z.boolean(), ownerOrgId: z.string(), version: z.number().int(),
});
export const ZInvestigationDetail = ZInvestigationSummary.extend({
  techniques: z.array(z.string()), countriesInvolved: z.array(z.string()), jointInvestigationTeam: z.boolean(),
  cooperationRequests: z.array(z.object({ id: z.string(), kind: z.string(), country: z.string(), sentOn: z.string(), status: z.string(), respondedOn: z.string().nullable() })),
  suspects: z.array(z.object({
    id: z.string(), displayName: z.string().nullable(), role: z.string(), sex: z.string(), ageBand: z.string().nullable(), citizenship: z.string().nullable(), identifiedOn: z.string(),
    charges: z.array(z.object({ id: z.string(), offenceCategory: z.string(), offenceCode: z.string(), chargedOn: z.string(), decisions: z.array(z.object({ id: z.string(), outcome: z.string(), isAppeal: z.boolean(), decidedOn: z.string() })) })),
    prosecutions: z.array(z.object({ id: z.string(), court: z.string(), startedOn: z.string() })),
    sentences: z.array(z.object({ id: z.string(), custodialMonths: z.number().nullable(), isSuspended: z.boolean(), fineAmount: z.string().nullable(), fineCurrency: z.string().nullable(), otherMeasure: z.string().nullable(), sentencedOn: z.string() })),
    compensationOrders: z.array(z.object({ id: z.string(), victimLinkId: z.string().nullable(), amount: z.string(), currency: z.string(), orderedOn: z.string() })),
  })),
  confiscations: z.array(z.object({ id: z.string(), kind: z.string(), amount: z.string(), currency: z.string(), orderedOn: z.string() })),
  victimLinks: z.array(z.object({ id: z.string(), role: z.string(), supportContact: z.string(), participation: z.string(), nonPunishmentFlag: z.boolean().nullable() })),
  abilities: z.record(z.string(), z.boolean()),
});
export type TInvestigationDetail = z.infer<typeof ZInvestigationDetail>;
