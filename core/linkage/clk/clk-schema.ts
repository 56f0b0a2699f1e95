/**
 * ⚠ Persisted shape: the schema travels inside every encodings file, and two parties can only
 * compare encodings made with the same schema and secret. Change it only with a new version.
 *
 * A CLK (cryptographic long-term key, Schnell 2011) is one Bloom filter per record into which
 * every identifying feature hashes its tokens. Each feature has a bit budget (clkhash's
 * `bitsPerFeature`): the budget is split over the feature's tokens, so a long name does not drown
 * a date, and the budgets are how field weights are expressed.
 */
import { z } from 'zod';

export const CLK_FEATURE_NAMES = ['names', 'name_keys', 'date_of_birth', 'sex', 'citizenship', 'document_number', 'phone'] as const;
export type TClkFeatureName = (typeof CLK_FEATURE_NAMES)[number];

export const ZClkSchema = z.object({
  version: z.literal(1),
  /** Filter length before hardening: a power of two (1024 by default). */
  filterBits: z.number().int().refine((n) => n >= 64 && (n & (n - 1)) === 0, 'a power of two ≥ 64'),
  features: z.array(z.object({ name: z.enum(CLK_FEATURE_NAMES), bits: z.number().int().min(1).max(4096) })).min(1),
  hardening: z.object({
    /**
     * `birth_year` mixes the year of birth into every token's hash (salting, Chen et al. 2022):
     * records with different years can no longer share bits, which defeats cross-record pattern
     * mining but loses pairs whose year was mistyped.
     */
    salt: z.enum(['none', 'birth_year']),
    /**
     * Appends the complement and permutes with a keyed permutation (Schnell/Franke), so every
     * encoding has the same popcount (half its length) and popcounts leak nothing. Doubles length.
     */
    balance: z.boolean(),
  }),
  /** Blocking signature set (keyed P-Sig-style signatures). */
  blocking: z.literal('psig-v1'),
});
export type TClkSchema = z.infer<typeof ZClkSchema>;

/**
 * Default schema: 1024 bits, about 940 token positions so that ~60 % of bits are set (clkhash's
 * research note: accuracy is best near half density). The phonetic keys let names written in
 * different scripts or transliterations still share bits. The date of birth carries almost as
 * much as the names: a Dice coefficient cannot weigh disagreement the way Fellegi–Sunter does, so
 * namesakes born on different days must differ in enough bits to fall below the threshold
 * (measured with the plain Dice ≥ 0.8 classifier on the synthetic 50 % overlap set: names 300/dob
 * 160 gave precision 0.77 at recall 0.983; names 240/dob 300 gives 0.93 at 0.980, at the cost of
 * 0.7 points of FEBRL4-like recall; the default classifier then adds per-kind agreements).
 */
export const DEFAULT_CLK_SCHEMA: TClkSchema = {
  version: 1,
  filterBits: 1024,
  features: [
    { name: 'names', bits: 240 },
    { name: 'name_keys', bits: 120 },
    { name: 'date_of_birth', bits: 300 },
    { name: 'sex', bits: 20 },
    { name: 'citizenship', bits: 40 },
    { name: 'document_number', bits: 120 },
    { name: 'phone', bits: 100 },
  ],
  hardening: { salt: 'none', balance: false },
  blocking: 'psig-v1',
};

/** Bits per encoding as stored (doubled by balancing). */
export function encodedBits(schema: TClkSchema): number {
  return schema.hardening.balance ? schema.filterBits * 2 : schema.filterBits;
}
