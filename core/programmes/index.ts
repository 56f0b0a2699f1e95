export * from './periods.ts';
export * from './status.ts';
export * from './framework.ts';
export * from './indicators.ts';
export * from './nrm-template.ts';
export * from './ratio.ts';
export * from './disclosure.ts';
