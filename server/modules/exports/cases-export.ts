import { formatCsvRecord } from '../../../core/ctdc/csv-writer.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { createEncryptedZip } from '../../files/encrypted-zip.ts';
import { keepsAccessAfterTransfer } from '../case-transfers/transfer-access.ts';
import { openIdentity } from '../cases/person-identity.ts';
import type { EXPORT_PURPOSES } from '../../../core/audit/catalog/retention.ts';

const COLUMNS = [
  'reference', 'status', 'is_child', 'sex', 'age_years', 'citizenship', 'country_of_exploitation', 'exploitation_forms', 'referred_at', 'closed_at',
  'given_name', 'family_name', 'other_names', 'date_of_birth', 'document_numbers', 'phone', 'address',
] as const;

/** UTF-8 byte order mark: spreadsheet programs then read Arabic and Cyrillic names correctly. */
const BOM = '\uFEFF';

/**
 * The organisation's cases with identity, as a CSV inside an AES-256 ZIP. Cases of anonymised
 * persons export with empty identity; cases transferred away without kept access are left out.
 * Every cell passes the CSV-injection guard. The export is audited with its purpose and count.
 * @throws FORBIDDEN (export.identifying)
 */
export async function exportCasesWithIdentity(ctx: TCtx, orgId: string, input: { password: string; purpose: (typeof EXPORT_PURPOSES)[number] }): Promise<{ zip: Uint8Array; count: number }> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'export.identifying');
  const rows = await ctx.db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.personId')
    .select(['cases.id', 'cases.reference', 'cases.status', 'cases.isChild', 'cases.countryOfExploitation', 'cases.exploitationForms', 'cases.referredAt', 'cases.closedAt', 'cases.transferredToOrgId',
      'persons.id as personId', 'persons.orgId as personOrgId', 'persons.identityCiphertext', 'persons.keyVersion', 'persons.sex', 'persons.ageYears', 'persons.citizenship'])
    .where('cases.orgId', '=', orgId).orderBy('cases.reference').execute();
  const lines = [formatCsvRecord(COLUMNS)];
  let count = 0;
  for (const row of rows) {
    if (!(await keepsAccessAfterTransfer(ctx.db, row))) continue;
    const identity = await openIdentity(ctx.keyring, ctx.db, { orgId: row.personOrgId, id: row.personId, identityCiphertext: row.identityCiphertext, keyVersion: row.keyVersion });
    lines.push(formatCsvRecord([
      row.reference, row.status, row.isChild ? 'yes' : 'no', row.sex, row.ageYears === null ? '' : String(row.ageYears), row.citizenship ?? '', row.countryOfExploitation ?? '',
      row.exploitationForms.join('|'), row.referredAt?.toISOString() ?? '', row.closedAt?.toISOString() ?? '',
      identity.givenName ?? '', identity.familyName ?? '', (identity.otherNames ?? []).join('|'), identity.dateOfBirth ?? '', (identity.documentNumbers ?? []).join('|'), identity.phone ?? '', identity.address ?? '',
    ]));
    count += 1;
  }
  const zip = await createEncryptedZip([{ name: 'cases.csv', content: BOM + lines.join('\r\n') + '\r\n' }], input.password);
  await ctx.audit.record('cases.exported', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { count, purpose: input.purpose, withIdentity: true } });
  return { zip, count };
}
