import { createHash } from 'node:crypto';

/**
 * The hash of one audit row covers every stored field and the previous row's hash, so editing,
 * deleting or reordering any row breaks the chain from that row on.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface THashedAuditFields {
  chainKey: string;
  seq: number;
  prevHash: string;
  id: string;
  orgId: string | null;
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  changes: unknown;
  metadata: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: Date;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

export function hashAuditRow(fields: THashedAuditFields): string {
  const material = canonicalJson({ ...fields, createdAt: fields.createdAt.toISOString() });
  return createHash('sha256').update(material).digest('hex');
}
