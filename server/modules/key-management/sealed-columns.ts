import type { TDatabaseSchema } from '../../db/schema/index.ts';
import { identityContext, nameIndexOf, type TPersonIdentity } from '../cases/person-identity.ts';
import { reasonsContext, reconsiderationReasonsContext } from '../cases/use-cases/load-case.ts';
import { draftContext } from '../referral-drafts/referral-drafts.routes.ts';
import { contentContext as planContentContext } from '../plans/plans.service.ts';
import { contentContext as documentContentContext, nameContext as documentNameContext } from '../documents/documents.routes.ts';
import { confidentialLocationContext } from '../services/confidential-location.ts';
import { referralNoteContext, sharedFieldsContext } from '../service-referrals/shared-fields.ts';
import { noteContext as transferNoteContext } from '../case-transfers/transfer-repo.ts';
import { evidenceContentContext, evidenceNameContext } from '../programmes/use-cases/indicators.ts';
import { justificationContext } from '../emergency-access/emergency-access.service.ts';

/**
 * Every column sealed under an organisation's data key, with what re-encrypting it needs: whose
 * key (the row's organisation, or the receiver's for copies shared with another organisation), the
 * key-version column, the primary key, and each ciphertext's associated data. A sealed column
 * missing here would stay under the old key after a rotation: `sealed-columns.test.ts` compares
 * this list with every `*_ciphertext` column in the schema.
 */
type TRow = Record<string, unknown>;
export interface TSealedColumn {
  column: string;
  kind: 'json' | 'bytes';
  context(row: TRow): string;
}
export interface TSealedColumnSet {
  name: string;
  table: keyof TDatabaseSchema;
  /** The column holding the organisation whose key sealed the ciphertexts. */
  keyOrgColumn: string;
  versionColumn: string;
  primaryKey: string[];
  /** Other columns the contexts need. */
  extraColumns?: string[];
  columns: TSealedColumn[];
  /** Columns derived from the plaintext under the key (blind indexes), recomputed with the new key. */
  derive?(plaintexts: Record<string, unknown>, indexKey: Buffer): Record<string, unknown>;
}

const s = (value: unknown) => String(value);
const identity = (table: 'persons' | 'suspects'): TSealedColumnSet => ({
  name: `${table}.identity`, table, keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'],
  columns: [{ column: 'identityCiphertext', kind: 'json', context: (row) => identityContext(s(row.orgId), s(row.id)) }],
  derive: (plain, indexKey) => ({ nameIndex: nameIndexOf(indexKey, plain.identityCiphertext as TPersonIdentity) }),
});

export const SEALED_COLUMN_SETS: TSealedColumnSet[] = [
  identity('persons'),
  identity('suspects'),
  { name: 'decisions.reasons', table: 'decisions', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'], columns: [{ column: 'reasonsCiphertext', kind: 'json', context: (row) => reasonsContext(s(row.orgId), s(row.id)) }] },
  { name: 'reconsiderationRequests.reasons', table: 'reconsiderationRequests', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'], columns: [{ column: 'reasonsCiphertext', kind: 'json', context: (row) => reconsiderationReasonsContext(s(row.orgId), s(row.id)) }] },
  { name: 'referralDrafts.data', table: 'referralDrafts', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'], columns: [{ column: 'dataCiphertext', kind: 'json', context: (row) => draftContext(s(row.orgId), s(row.id)) }] },
  { name: 'planVersions.content', table: 'planVersions', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['planId', 'version'], columns: [{ column: 'contentCiphertext', kind: 'json', context: (row) => planContentContext(s(row.orgId), s(row.planId), Number(row.version)) }] },
  {
    name: 'documents.file', table: 'documents', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'],
    columns: [
      { column: 'fileNameCiphertext', kind: 'json', context: (row) => documentNameContext(s(row.orgId), s(row.id)) },
      { column: 'contentCiphertext', kind: 'bytes', context: (row) => documentContentContext(s(row.orgId), s(row.id)) },
    ],
  },
  { name: 'directoryLocations.confidential', table: 'directoryLocations', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'], columns: [{ column: 'confidentialCiphertext', kind: 'json', context: (row) => confidentialLocationContext(s(row.orgId), s(row.id)) }] },
  { name: 'serviceReferrals.overrideJustification', table: 'serviceReferrals', keyOrgColumn: 'orgId', versionColumn: 'overrideKeyVersion', primaryKey: ['id'], columns: [{ column: 'overrideJustificationCiphertext', kind: 'json', context: (row) => referralNoteContext(s(row.orgId), s(row.id), 'override-justification') }] },
  { name: 'serviceReferrals.responseNote', table: 'serviceReferrals', keyOrgColumn: 'orgId', versionColumn: 'responseNoteKeyVersion', primaryKey: ['id'], columns: [{ column: 'responseNoteCiphertext', kind: 'json', context: (row) => referralNoteContext(s(row.orgId), s(row.id), 'decline-note') }] },
  { name: 'serviceReferrals.shared', table: 'serviceReferrals', keyOrgColumn: 'receivingOrgId', versionColumn: 'sharedKeyVersion', primaryKey: ['id'], columns: [{ column: 'sharedCiphertext', kind: 'json', context: (row) => sharedFieldsContext(s(row.receivingOrgId), s(row.id)) }] },
  {
    name: 'indicatorEvidence.file', table: 'indicatorEvidence', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'],
    columns: [
      { column: 'fileNameCiphertext', kind: 'json', context: (row) => evidenceNameContext(s(row.orgId), s(row.id)) },
      { column: 'contentCiphertext', kind: 'bytes', context: (row) => evidenceContentContext(s(row.orgId), s(row.id)) },
    ],
  },
  { name: 'emergencyAccessGrants.justification', table: 'emergencyAccessGrants', keyOrgColumn: 'orgId', versionColumn: 'keyVersion', primaryKey: ['id'], columns: [{ column: 'justificationCiphertext', kind: 'json', context: (row) => justificationContext(s(row.orgId), s(row.id)) }] },
  { name: 'caseTransfers.note', table: 'caseTransfers', keyOrgColumn: 'receivingOrgId', versionColumn: 'noteKeyVersion', primaryKey: ['id'], columns: [{ column: 'noteCiphertext', kind: 'json', context: (row) => transferNoteContext(s(row.receivingOrgId), s(row.id)) }] },
];
