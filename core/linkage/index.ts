/**
 * Public API of the record-linkage core (see README.md): clear-text de-duplication and linkage
 * with a Fellegi–Sunter model, CLK encodings and privacy-preserving linkage with a WebAssembly
 * Dice kernel on worker threads, and the synthetic evaluation data.
 */
export * from './random.ts';
export * from './radix-sort.ts';
export * from './clusters.ts';
export * from './text/normalise.ts';
export * from './text/transliterate.ts';
export * from './text/phonetic.ts';
export * from './compare/string-similarity.ts';
export * from './compare/dates.ts';
export * from './synthetic/name-pools.ts';
export * from './synthetic/people.ts';
export * from './synthetic/corrupt.ts';
export * from './synthetic/datasets.ts';
export * from './fellegi-sunter/prepare-records.ts';
export * from './fellegi-sunter/person-comparisons.ts';
export * from './fellegi-sunter/blocking.ts';
export * from './fellegi-sunter/model.ts';
export * from './fellegi-sunter/estimate.ts';
export * from './fellegi-sunter/dedupe.ts';
export * from './fellegi-sunter/duplicate-check.ts';
export * from './fellegi-sunter/review-candidates.ts';
export * from './unique-persons.ts';
export * from './clk/clk-schema.ts';
export * from './clk/encode.ts';
export * from './clk/encodings.ts';
export * from './clk/link-encodings.ts';
export * from './dice/dice-kernel.ts';
export { createDicePool, defaultThreadCount, type TDicePool, type TCountTask, type TMatchLayout, type TThreadOutput } from './workers/dice-pool.ts';
