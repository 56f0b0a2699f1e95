import { z } from 'zod';

/** Languages every indicator and dimension label must carry (Arabic is rendered right-to-left). */
export const LABEL_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type TLabelLanguage = (typeof LABEL_LANGUAGES)[number];

const ZLabel = z.string().trim().min(1).max(300);

/** A label in each required language; none may be empty. */
export const ZLabels = z.strictObject({ en: ZLabel, fr: ZLabel, es: ZLabel, ar: ZLabel });
export type TLabels = z.infer<typeof ZLabels>;
