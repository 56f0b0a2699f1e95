import type { TFoundationTables } from './foundation.ts';
import type { TNrmTables } from './nrm.ts';
import type { TEvidenceTables } from './evidence.ts';
import type { TJusticeTables } from './justice.ts';
import type { TProtectionTables } from './protection.ts';
import type { TDocumentTables } from './documents.ts';

/**
 * Kysely's view of every table, one file per area so modules can add tables side by side.
 * Keep each file in step with `migrations/`.
 */
export interface TDatabaseSchema extends TFoundationTables, TNrmTables, TEvidenceTables, TJusticeTables, TProtectionTables, TDocumentTables {}
