/**
 * PERSISTED SHAPE. The anonymous notification for an adult who declines referral (UK: Duty to
 * Notify, MSA s.52, formerly form MS1). It exists so the person is counted without being
 * identified: the schema is strict, holds only coarse statistical categories, and has no free
 * text anywhere (free text is where names and phone numbers leak in). Do not add a field that
 * identifies, or could single out, a person.
 */
import { z } from 'zod';
import { ZPlainDate } from './calendar.ts';
import { ZOrganisationKind } from './jurisdictions/schema.ts';

/** CTDC `ageBroad` bands from 18 up (domain.md b.3); the notification concerns adults. */
export const ADULT_AGE_BANDS = ['18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;

/** Forms of exploitation as reported in UK NRM statistics, plus the EU 2024 additions. */
export const EXPLOITATION_TYPES = [
  'labour',
  'sexual',
  'criminal',
  'domestic_servitude',
  'organ_removal',
  'forced_marriage',
  'other',
  'not_known',
] as const;

export const ZAnonymousNotification = z
  .strictObject({
    jurisdictionProfileId: z.string().min(1),
    /** A date, not a timestamp: the time of day adds identifiability and no statistical value. */
    notifiedOn: ZPlainDate,
    sex: z.enum(['female', 'male', 'other', 'not_known']),
    ageBand: z.enum([...ADULT_AGE_BANDS, 'not_known']),
    ageAtExploitation: z.enum(['adult', 'child', 'not_known']),
    /** ISO 3166-1 alpha-2. */
    nationality: z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('not_known')]),
    exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).min(1).max(EXPLOITATION_TYPES.length),
    exploitationLocation: z.enum(['in_country', 'overseas', 'both', 'not_known']),
    /** ISO 3166-2 subdivision (e.g. `GB-ENG`) or a country code; never a street or town. */
    locationRegion: z.union([z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/), z.literal('not_known')]),
    referringOrgKind: ZOrganisationKind,
  })
  .refine((n) => new Set(n.exploitationTypes).size === n.exploitationTypes.length, {
    message: 'an exploitation type repeats',
    path: ['exploitationTypes'],
  });
export type TAnonymousNotification = z.infer<typeof ZAnonymousNotification>;
