import type { TDb, TTx } from '../db/database.ts';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.ts';

export interface TChainVerification {
  chainKey: string;
  ok: boolean;
  /** Rows read. */
  checked: number;
  /** Sequence number of the first row whose hash or link does not match, if any. */
  firstBrokenSeq: number | null;
  firstBrokenId: string | null;
  reason: 'HASH_MISMATCH' | 'LINK_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH' | null;
}

const PAGE_SIZE = 2000;

/**
 * Recomputes every hash of one chain in sequence order and reports the first broken link.
 * Reads in pages so a long chain never sits in memory at once.
 */
export async function verifyAuditChain(db: TDb | TTx, chainKey: string): Promise<TChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (seq: number, id: string | null, reason: NonNullable<TChainVerification['reason']>): TChainVerification => ({
    chainKey, ok: false, checked, firstBrokenSeq: seq, firstBrokenId: id, reason,
  });
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('chainKey', '=', chainKey)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    for (const row of rows) {
      checked += 1;
      if (row.seq !== expectedSeq) return broken(expectedSeq, null, 'SEQUENCE_GAP');
      if (row.prevHash !== expectedPrev) return broken(row.seq, row.id, 'LINK_MISMATCH');
      const recomputed = hashAuditRow({
        chainKey: row.chainKey, seq: row.seq, prevHash: row.prevHash, id: row.id, orgId: row.orgId,
        action: row.action, actorType: row.actorType, actorId: row.actorId, actorLabel: row.actorLabel,
        subjectType: row.subjectType, subjectId: row.subjectId, caseId: row.caseId,
        changes: row.changes, metadata: row.metadata, ip: row.ip, userAgent: row.userAgent,
        requestId: row.requestId, createdAt: row.createdAt,
      });
      if (recomputed !== row.hash) return broken(row.seq, row.id, 'HASH_MISMATCH');
      expectedPrev = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < PAGE_SIZE) break;
  }
  // A deleted tail would leave a valid-looking shorter chain: the head remembers the true end.
  const head = await db.selectFrom('auditChainHeads').select(['lastSeq', 'lastHash']).where('chainKey', '=', chainKey).executeTakeFirst();
  if (head && (head.lastSeq !== expectedSeq - 1 || head.lastHash !== expectedPrev)) {
    return broken(expectedSeq, null, 'HEAD_MISMATCH');
  }
  return { chainKey, ok: true, checked, firstBrokenSeq: null, firstBrokenId: null, reason: null };
}

/** Every chain key in the database (organisations and the system chain). */
export async function listAuditChains(db: TDb | TTx): Promise<string[]> {
  const rows = await db.selectFrom('auditChainHeads').select('chainKey').orderBy('chainKey').execute();
  return rows.map((row) => row.chainKey);
}
