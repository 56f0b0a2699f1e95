import { listAuditChains, verifyAuditChain } from '../../server/audit/verify-chain.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const AUDIT_VERIFY_HELP = `palermo audit verify

Recomputes every audit hash chain (one per organisation, plus the platform chain) and reports
the first broken link of each. Exits 1 when any chain is broken. Needs the embedded data folder
free; with a running server, use the Audit log page or GET /api/organisations/{id}/audit-verification.`;

export async function runAuditVerify(io: TCliIo): Promise<number> {
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const organisations = await opened.database.db.selectFrom('organisations').select(['id', 'name']).execute();
    const names = new Map(organisations.map((row) => [row.id, row.name]));
    let broken = 0;
    for (const chainKey of await listAuditChains(opened.database.db)) {
      const result = await verifyAuditChain(opened.database.db, chainKey);
      const label = names.has(chainKey) ? `${names.get(chainKey)} (${chainKey})` : chainKey;
      if (result.ok) io.out(`ok      ${label}: ${result.checked} events`);
      else {
        broken += 1;
        io.out(`BROKEN  ${label}: first broken link at seq ${result.firstBrokenSeq}${result.firstBrokenId ? ` (event ${result.firstBrokenId})` : ''}: ${result.reason}`);
      }
    }
    io.out(broken === 0 ? 'All audit chains verified.' : `${broken} audit chain(s) broken.`);
    return broken === 0 ? 0 : 1;
  } finally {
    await opened.database.close();
  }
}
