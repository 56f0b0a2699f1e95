/**
 * PERSISTED SHAPE: a profile's `id` and `version` are stored with every decision and deadline so
 * that an old case can be re-timed under the rules that applied to it. Publish changes as a new
 * version; never edit a published profile in place.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../organisations/kinds.ts';
import { ZEvidenceTag } from '../../screening/evidence.ts';
import { ZIsoWeekday, ZPlainDate } from '../calendar.ts';
import { ZTimeZone } from '../time-zone.ts';

/** Evidence standards a competent authority decides against. */
export const EVIDENCE_STANDARDS = [
  /** "Reasonable grounds to believe the person is a victim" (CETS 197 art. 10; UK since 30 Jan 2023). */
  'reasonable_grounds_to_believe',
  /** "Suspect but cannot prove" / "may be a victim" (UK before 30 Jan 2023), for historical profiles. */
  'reasonable_grounds_to_suspect',
  /** "More likely than not" (UK conclusive grounds). */
  'balance_of_probabilities',
] as const;
export const ZEvidenceStandard = z.enum(EVIDENCE_STANDARDS);
export type TEvidenceStandard = z.infer<typeof ZEvidenceStandard>;

/** Where a profile value comes from and how well that is established (domain.md §0 tags). */
export const ZProvenance = z.strictObject({
  evidence: ZEvidenceTag,
  source: z.string().min(1),
  note: z.string().min(1).optional(),
});
export type TProvenance = z.infer<typeof ZProvenance>;

export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);

export const ZHoliday = z.strictObject({ date: ZPlainDate, name: z.string().min(1) });

export const ZJurisdictionProfile = z
  .strictObject({
    // Bounded: both are the table's primary key, and an index entry has a size limit.
    id: z.string().max(64).regex(/^[a-z][a-z0-9_-]*$/),
    version: z.string().max(32).regex(/^\d+\.\d+\.\d+$/),
    name: z.string().min(1),
    /** The first day these rules apply to (e.g. a change in the law). */
    validFrom: ZPlainDate,
    validTo: ZPlainDate.nullable(),
    /** IANA zone in which days are counted and deadlines fall. */
    timeZone: ZTimeZone,
    /** Under this age a person is a child (Palermo 3(d): 18). */
    ageOfMajority: z.int().min(1).max(30),
    reasonableGrounds: z.strictObject({
      standard: ZEvidenceStandard,
      /** The wording decision makers must apply, shown on the decision form. */
      standardText: z.string().min(1),
      /** Target for an RG decision after referral; null when the jurisdiction sets none. */
      targetWorkingDays: z.int().min(1).nullable(),
      basis: ZProvenance,
    }),
    recoveryPeriod: z.strictObject({
      /** Minimum recovery and reflection period in calendar days from a positive RG decision. */
      minDays: z.int().min(0),
      basis: ZProvenance,
    }),
    conclusiveGrounds: z.strictObject({
      standard: ZEvidenceStandard,
      standardText: z.string().min(1),
      targetWorkingDays: z.int().min(1).nullable(),
      /** Whether a CG decision may be made before the minimum recovery period has ended. */
      mayPrecedeEndOfMinimumRecovery: z.boolean(),
      basis: ZProvenance,
      timingBasis: ZProvenance,
    }),
    calendar: z.strictObject({
      /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
      weekendDays: z.array(ZIsoWeekday).max(6),
      holidays: z.array(ZHoliday),
      basis: ZProvenance,
    }),
    referral: z.strictObject({
      /** Whether any organisation may refer, or only designated first responders. */
      whoMayRefer: z.enum(['any_organisation', 'designated_first_responders']),
      /** Kinds of organisation that may hold the first-responder role at all. */
      organisationKinds: z.array(ZOrganisationKind).min(1),
      /** Named first responders, for display and seeding; lists change over time. */
      designatedFirstResponders: z.array(z.strictObject({ name: z.string().min(1), kind: ZOrganisationKind })),
      adultConsentRequired: z.boolean(),
      /** An adult who declines is counted through an anonymous notification (UK: Duty to Notify). */
      anonymousNotificationWhenAdultDeclines: z.boolean(),
      basis: ZProvenance,
    }),
    deadlines: z.strictObject({
      /** How long before a deadline it is shown as "due soon". */
      dueSoonHours: z.int().min(1),
    }),
  })
  .superRefine((profile, ctx) => {
    if (new Set(profile.calendar.weekendDays).size !== profile.calendar.weekendDays.length) {
      ctx.addIssue({ code: 'custom', message: 'weekend days repeat', path: ['calendar', 'weekendDays'] });
    }
    const dates = profile.calendar.holidays.map((h) => h.date);
    if (new Set(dates).size !== dates.length) {
      ctx.addIssue({ code: 'custom', message: 'a holiday date repeats', path: ['calendar', 'holidays'] });
    }
    if (profile.validTo !== null && profile.validTo < profile.validFrom) {
      ctx.addIssue({ code: 'custom', message: 'validTo is before validFrom', path: ['validTo'] });
    }
  });
export type TJurisdictionProfile = z.infer<typeof ZJurisdictionProfile>;
