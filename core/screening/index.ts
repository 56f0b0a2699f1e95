export * from './dimensions.ts';
export * from './evidence.ts';
export * from './labels.ts';
export * from './indicators/index.ts';
export * from './outcomes.ts';
export * from './rules.ts';
export * from './schemas.ts';
export { evaluateScreening, type TEvaluateOptions } from './evaluate.ts';
