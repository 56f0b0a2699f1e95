/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of the evidence base: imports, statistics, releases.
 */
export const EVIDENCE_AUDIT_EVENTS = {} as const;
