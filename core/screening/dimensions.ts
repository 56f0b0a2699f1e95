import { z } from 'zod';
import { ZLabels, type TLabels } from './labels.ts';

/**
 * The six dimensions of the ILO/EC 2009 operational indicators. Codes are ours (domain.md a.2);
 * the order is the order of the published lists and is used wherever results are listed.
 */
export const DIMENSIONS = ['DR', 'CR', 'RV', 'EX', 'CD', 'VD'] as const;
export const ZDimension = z.enum(DIMENSIONS);
export type TDimension = z.infer<typeof ZDimension>;

/** Indicator weights decided by the Delphi panel. */
export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export const ZStrength = z.enum(STRENGTHS);
export type TStrength = z.infer<typeof ZStrength>;

/** Recruitment-phase dimensions happen before the destination-phase ones. */
export const DIMENSION_PHASE = {
  DR: 'recruitment',
  CR: 'recruitment',
  RV: 'recruitment',
  EX: 'destination',
  CD: 'destination',
  VD: 'destination',
} as const satisfies Record<TDimension, 'recruitment' | 'destination'>;

/**
 * Dimension names. English as in the ILO brochure; French, Spanish and Arabic are our own
 * translations (not the ILO's official language editions) and may be corrected as data.
 */
export const DIMENSION_LABELS = {
  DR: {
    en: 'Deceptive recruitment',
    fr: 'Recrutement trompeur',
    es: 'Reclutamiento engañoso',
    ar: 'التجنيد بالخداع',
  },
  CR: {
    en: 'Coercive recruitment',
    fr: 'Recrutement coercitif',
    es: 'Reclutamiento coercitivo',
    ar: 'التجنيد بالإكراه',
  },
  RV: {
    en: 'Recruitment by abuse of vulnerability',
    fr: 'Recrutement par abus de vulnérabilité',
    es: 'Reclutamiento mediante abuso de una situación de vulnerabilidad',
    ar: 'التجنيد باستغلال حالة الضعف',
  },
  EX: {
    en: 'Exploitative conditions of work',
    fr: "Conditions de travail relevant de l'exploitation",
    es: 'Condiciones de trabajo de explotación',
    ar: 'ظروف عمل استغلالية',
  },
  CD: {
    en: 'Coercion at destination',
    fr: 'Coercition à destination',
    es: 'Coacción en el lugar de destino',
    ar: 'الإكراه في مكان الوجهة',
  },
  VD: {
    en: 'Abuse of vulnerability at destination',
    fr: 'Abus de vulnérabilité à destination',
    es: 'Abuso de una situación de vulnerabilidad en el lugar de destino',
    ar: 'استغلال حالة الضعف في مكان الوجهة',
  },
} as const satisfies Record<TDimension, TLabels>;

export const ZDimensionLabels = z.record(ZDimension, ZLabels);
