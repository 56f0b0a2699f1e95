export * from './vocabulary.ts';
export * from './record.ts';
export * from './countries.ts';
export * from './csv-reader.ts';
export * from './csv-writer.ts';
export {
  bindCtdcHeader,
  CTDC_TERMS_OF_USE_HEADER,
  deriveSummary,
  SYNTHETIC_2024_COLUMNS,
  WIDE_COLUMNS,
  type TCtdcColumn,
  type TCtdcHeaderBinding,
} from './layouts.ts';
export * from './parse.ts';
export * from './export.ts';
export * from './derived.ts';
