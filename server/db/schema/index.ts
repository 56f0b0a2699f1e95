import type { TFoundationTables } from './foundation.ts';
import type { TNrmTables } from './nrm.ts';
import type { TEvidenceTables } from './evidence.ts';
import type { TJusticeTables } from './justice.ts';
import type { TProtectionTables } from './protection.ts';
import type { TDocumentTables } from './documents.ts';
import type { TCooperationTables } from './cooperation.ts';
import type { TSecurityTables } from './security.ts';
import type { TProgrammesTables } from './programmes.ts';
import type { TReleasesTables } from './releases.ts';
import type { TLinkageTables } from './linkage.ts';
import type { TKeyManagementTables, TRetentionTables } from './retention.ts';
import type { TPopulationsTables } from './populations.ts';
import type { TLinkageProjectsTables } from './linkage-projects.ts';

/**
 * Kysely's view of every table, one file per area so modules can add tables side by side.
 * Keep each file in step with `migrations/`.
 */
export interface TDatabaseSchema extends TFoundationTables, TNrmTables, TEvidenceTables, TJusticeTables, TProtectionTables, TDocumentTables,
    TCooperationTables, TSecurityTables, TProgrammesTables, TReleasesTables, TLinkageTables, TRetentionTables, TKeyManagementTables,
    TPopulationsTables, TLinkageProjectsTables {}
