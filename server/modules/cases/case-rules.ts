import type { TPermission } from '../../../core/authz/permissions.ts';
import { availableCaseActions, type TCaseAction, type TCaseStatus } from '../../../core/nrm/case-status.ts';
import { childCaseRequirements, childClosureRequirements, childReturnRequirements, type TChildCaseFacts } from '../../../core/nrm/child-pathway.ts';
import type { TActor } from '../../context.ts';
import { can } from '../../authz/policy.ts';
import type { TCaseRow } from '../../db/schema/nrm.ts';

/** Which permission each workflow action needs; the UI gets only the actions the actor may take. */
export const ACTION_PERMISSION: Record<TCaseAction, TPermission> = {
  submit_referral: 'case.refer',
  record_rg_positive: 'decision.record',
  record_rg_negative: 'decision.record',
  request_rg_reconsideration: 'decision.record',
  record_cg_positive: 'decision.record',
  record_cg_negative: 'decision.record',
  request_cg_reconsideration: 'decision.record',
  withdraw: 'case.refer',
  close: 'case.close',
};

export const CASE_ABILITIES: TPermission[] = ['case.refer', 'decision.record', 'case.close', 'child.manage', 'screening.record', 'person.readIdentity'];

export function allowedActionsFor(actor: TActor, orgId: string, status: TCaseStatus): TCaseAction[] {
  return availableCaseActions(status).filter((action) => can(actor, orgId, ACTION_PERMISSION[action]));
}

export function abilitiesFor(actor: TActor, orgId: string): Record<string, boolean> {
  return Object.fromEntries(CASE_ABILITIES.map((permission) => [permission, can(actor, orgId, permission)]));
}

/** The child-pathway facts of a case row, in the shape the core guards take. */
export function childFactsOf(row: TCaseRow): TChildCaseFacts {
  const guardian = row.guardian as TChildCaseFacts['guardian'];
  const bid = row.bestInterestsDetermination as TChildCaseFacts['bestInterestsDetermination'];
  return {
    isChild: row.isChild,
    isUnaccompanied: row.isUnaccompanied,
    childProtectionLead: row.childProtectionLeadId && row.childProtectionLeadAssignedAt
      ? { userId: row.childProtectionLeadId, assignedAt: row.childProtectionLeadAssignedAt.toISOString() }
      : null,
    guardian: guardian ?? null,
    bestInterestsDetermination: bid ?? null,
  };
}

export function unmetChildRequirements(row: TCaseRow) {
  const facts = childFactsOf(row);
  return { case: childCaseRequirements(facts), closure: childClosureRequirements(facts), return: childReturnRequirements(facts) };
}
