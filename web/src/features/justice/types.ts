/**
 * Shapes of the criminal-justice API (operations, investigations, the people and steps in them,
 * the attrition funnel) as the web app reads them. The server's zod schemas in
 * `server/modules/justice/justice.schemas.ts` are the source; keep these lists in step with them.
 * What a user may do always comes from the investigation's `abilities`.
 */

export const INVESTIGATION_STATUSES = ['open', 'closed_charged', 'closed_no_further_action', 'suspended'] as const;
export const EXPLOITATION_FORMS = ['labour', 'sexual', 'criminal', 'domestic_servitude', 'organ_removal', 'forced_marriage', 'other', 'not_known'] as const;
export const SPECIAL_TECHNIQUES = ['financial_investigation', 'digital_evidence', 'undercover', 'controlled_delivery'] as const;
export const SUSPECT_ROLES = ['recruiter', 'transporter', 'exploiter', 'financier', 'other'] as const;
export const SEXES = ['female', 'male', 'other', 'not_known'] as const;
export const OFFENCE_CATEGORIES = ['trafficking', 'lesser_related', 'other'] as const;
export const COURT_OUTCOMES = ['convicted', 'acquitted', 'dismissed', 'withdrawn', 'pending'] as const;
export const COOPERATION_KINDS = ['mutual_legal_assistance', 'extradition', 'joint_investigation_team'] as const;
export const COOPERATION_STATUSES = ['pending', 'granted', 'refused', 'withdrawn'] as const;
export const CONFISCATION_KINDS = ['freeze', 'confiscation'] as const;
export const VICTIM_ROLES = ['victim', 'witness', 'victim_witness'] as const;
export const PARTICIPATION = ['none', 'statement', 'testified'] as const;
export const FUNNEL_MODES = ['cohort', 'period'] as const;
export const FUNNEL_GROUPS = ['none', 'exploitationForm', 'sex'] as const;

export type TInvestigationStatus = (typeof INVESTIGATION_STATUSES)[number];
export type TExploitationForm = (typeof EXPLOITATION_FORMS)[number];
export type TSpecialTechnique = (typeof SPECIAL_TECHNIQUES)[number];
export type TSuspectRole = (typeof SUSPECT_ROLES)[number];
export type TSex = (typeof SEXES)[number];
export type TOffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
export type TCourtOutcome = (typeof COURT_OUTCOMES)[number];
export type TCooperationKind = (typeof COOPERATION_KINDS)[number];
export type TCooperationStatus = (typeof COOPERATION_STATUSES)[number];
export type TConfiscationKind = (typeof CONFISCATION_KINDS)[number];
export type TVictimRole = (typeof VICTIM_ROLES)[number];
export type TParticipation = (typeof PARTICIPATION)[number];
export type TFunnelMode = (typeof FUNNEL_MODES)[number];
export type TFunnelGroup = (typeof FUNNEL_GROUPS)[number];

export interface TOperation {
  id: string;
  codeName: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** YYYY-MM-DD */
  openedOn: string;
  /** How many investigations, suspects and (distinct) linked victims concern this operation. */
  investigations: number;
  suspects: number;
  victims: number;
}

export interface TInvestigationSummary {
  id: string;
  reference: string;
  agency: string;
  openedOn: string;
  closedOn: string | null;
  status: TInvestigationStatus;
  operationId: string | null;
  exploitationForms: TExploitationForm[];
  /** True when another organisation owns it and shared its operation with the viewer's. */
  isShared: boolean;
  ownerOrgId: string;
  /** Optimistic-concurrency version, sent back with a status change. */
  version: number;
}

export interface TCourtDecision {
  id: string;
  outcome: TCourtOutcome;
  isAppeal: boolean;
  decidedOn: string;
}

export interface TCharge {
  id: string;
  offenceCategory: TOffenceCategory;
  offenceCode: string;
  chargedOn: string;
  /** Oldest first; the latest one is the charge's outcome (an appeal overrides the first instance). */
  decisions: TCourtDecision[];
}

export interface TSentence {
  id: string;
  custodialMonths: number | null;
  isSuspended: boolean;
  /** Decimal as a string (exact money), with its currency. */
  fineAmount: string | null;
  fineCurrency: string | null;
  otherMeasure: string | null;
  sentencedOn: string;
}

export interface TSuspect {
  id: string;
  /** Decrypted name, only for those who manage the investigation or the prosecution; null otherwise. */
  displayName: string | null;
  role: TSuspectRole;
  sex: TSex;
  /** e.g. `30--38` or `60+`; null when not known. */
  ageBand: string | null;
  citizenship: string | null;
  identifiedOn: string;
  charges: TCharge[];
  prosecutions: { id: string; court: string; startedOn: string }[];
  sentences: TSentence[];
  /** Orders to compensate victims; amounts are exact decimals as strings. */
  compensationOrders: { id: string; victimLinkId: string | null; amount: string; currency: string; orderedOn: string }[];
}

export interface TCooperationRequest {
  id: string;
  kind: TCooperationKind;
  country: string;
  sentOn: string;
  status: TCooperationStatus;
  respondedOn: string | null;
}

export interface TConfiscation {
  id: string;
  kind: TConfiscationKind;
  amount: string;
  currency: string;
  orderedOn: string;
}

export interface TVictimLink {
  id: string;
  role: TVictimRole;
  supportContact: string;
  /** Recorded for the prosecution only: assistance never depends on it. */
  participation: TParticipation;
  /** From the victim's NRM case: offences linked to the exploitation (non-punishment principle); null when not assessed. */
  nonPunishmentFlag: boolean | null;
}

export type TInvestigationAbility = 'investigation.manage' | 'prosecution.manage';

export interface TInvestigationDetail extends TInvestigationSummary {
  techniques: TSpecialTechnique[];
  countriesInvolved: string[];
  jointInvestigationTeam: boolean;
  cooperationRequests: TCooperationRequest[];
  suspects: TSuspect[];
  confiscations: TConfiscation[];
  victimLinks: TVictimLink[];
  abilities: Record<TInvestigationAbility, boolean>;
}

export interface TCreateInvestigationRequest {
  operationId: string | null;
  agency: string;
  openedOn: string;
  exploitationForms: TExploitationForm[];
  techniques: TSpecialTechnique[];
  countriesInvolved: string[];
  jointInvestigationTeam: boolean;
}

export interface TFunnelRow {
  year: number;
  /** The exploitation form or sex for grouped funnels; null when not grouped. */
  group: string | null;
  suspects: number;
  charged: number;
  prosecuted: number;
  convictedTrafficking: number;
  /** Convicted of another offence and not of trafficking (attrition "out of trafficking", not acquittal). */
  convictedOtherOnly: number;
  custodial: number;
}

export interface TFunnel {
  mode: TFunnelMode;
  groupBy: TFunnelGroup;
  rows: TFunnelRow[];
  medianDays: {
    identifiedToCharge: number | null;
    chargeToProsecution: number | null;
    prosecutionToConviction: number | null;
    convictionToCustody: number | null;
  };
}

/** The funnel's stages in order; each is a count of persons. */
export const FUNNEL_STAGES = ['suspects', 'charged', 'prosecuted', 'convictedTrafficking', 'convictedOtherOnly', 'custodial'] as const;
export type TFunnelStage = (typeof FUNNEL_STAGES)[number];
