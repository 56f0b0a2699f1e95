export * from './population-vocabulary.ts';
export * from './population-csv.ts';
export * from './population-consistency.ts';
