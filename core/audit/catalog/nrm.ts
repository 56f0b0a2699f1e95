/**
 * ⚠ PERSISTED SHAPES: see core/audit/events.ts.
 * Audit events of identify, refer, decide.
 */
export const NRM_AUDIT_EVENTS = {} as const;
