/**
 * PERSISTED SHAPES: list ids, indicator ids and versions are stored with every screening so that
 * an old result can be reproduced. Change a list by publishing a new `version`, never in place.
 */
import { z } from 'zod';
import { DIMENSIONS, ZDimension, ZStrength } from '../dimensions.ts';
import { ZEvidenceTag } from '../evidence.ts';
import { ZLabels } from '../labels.ts';

/** AL adults-labour, AS adults-sexual, CL children-labour, CS children-sexual (domain.md a.5). */
export const INDICATOR_LIST_IDS = ['AL', 'AS', 'CL', 'CS'] as const;
export const ZIndicatorListId = z.enum(INDICATOR_LIST_IDS);
export type TIndicatorListId = z.infer<typeof ZIndicatorListId>;

export const ZAgeGroup = z.enum(['adult', 'child']);
export type TAgeGroup = z.infer<typeof ZAgeGroup>;

export const ZExploitationForm = z.enum(['labour', 'sexual']);
export type TExploitationForm = z.infer<typeof ZExploitationForm>;

const DIMENSION_PATTERN = DIMENSIONS.join('|');
export const INDICATOR_CODE_PATTERN = new RegExp(`^(${DIMENSION_PATTERN})\\d{2}$`);
export const INDICATOR_ID_PATTERN = new RegExp(
  `^(${INDICATOR_LIST_IDS.join('|')})-(${DIMENSION_PATTERN})\\d{2}$`,
);

/** A globally unique indicator id: `<list>-<code>`, e.g. `AL-CD01`. */
export const ZIndicatorId = z.string().regex(INDICATOR_ID_PATTERN, 'expected an id such as AL-CD01');

export const ZIndicator = z
  .strictObject({
    id: ZIndicatorId,
    /** The concept code shared by the same indicator across lists, e.g. `CD01`. */
    code: z.string().regex(INDICATOR_CODE_PATTERN),
    dimension: ZDimension,
    strength: ZStrength,
    labels: ZLabels,
    /** How well this indicator's weight in this list is sourced. */
    evidence: ZEvidenceTag,
    /** Set when sources disagree on the weight; the evaluator reports whether it matters. */
    alternativeStrength: ZStrength.optional(),
    note: z.string().min(1).optional(),
  })
  .refine((i) => i.id.endsWith(`-${i.code}`), { message: 'id must end with the code', path: ['id'] })
  .refine((i) => i.code.startsWith(i.dimension), {
    message: 'code must start with its dimension',
    path: ['code'],
  });
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorList = z
  .strictObject({
    id: ZIndicatorListId,
    ageGroup: ZAgeGroup,
    form: ZExploitationForm,
    title: z.string().min(1),
    /** The publication the list reproduces. */
    source: z.string().min(1),
    /** The edition of that publication. */
    sourceVersion: z.string().min(1),
    /** Our data version; bump on any change to an indicator, weight or label. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** The weakest evidence among the list's weights, for a banner in the UI. */
    evidence: ZEvidenceTag,
    /** True while weights are placeholders that must be loaded from the primary PDF. */
    isProvisional: z.boolean(),
    /** Who translated the non-English labels. */
    translationSource: z.string().min(1),
    notes: z.array(z.string().min(1)),
    indicators: z.array(ZIndicator).min(1),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.indicators.forEach((indicator, index) => {
      if (!indicator.id.startsWith(`${list.id}-`)) {
        ctx.addIssue({ code: 'custom', message: 'id must start with the list id', path: ['indicators', index, 'id'] });
      }
      if (seen.has(indicator.id)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate indicator id', path: ['indicators', index, 'id'] });
      }
      seen.add(indicator.id);
    });
  });
export type TIndicatorList = z.infer<typeof ZIndicatorList>;
