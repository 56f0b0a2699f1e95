export * from './labels.ts';
export * from './labour-type.ts';
export * from './dimensions.ts';
export * from './metrics.ts';
export * from './query.ts';
