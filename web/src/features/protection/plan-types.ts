/** The recovery plan as the web reads and writes it (mirrors server/modules/plans/plans.schemas.ts). */
export { GOAL_DOMAINS, GOAL_OWNER_KINDS, GOAL_STATUSES, NEED_LEVELS, type TGoalDomain } from '../../../../core/protection/plan.ts';

export type TGoalOwner = { kind: string; userId: string | null; displayName?: string | null };
export type TGoal = { id: string; domain: string; survivorWords: string; description: string | null; owner: TGoalOwner; reviewOn: string; status: string };
export type TNeed = { domain: string; level: string; note: string | null };
export type TNeedsAssessment = { assessedOn: string; needs: TNeed[]; summary: string | null };
export type TPlanVersion = {
  version: number; approvalStatus: string; isInForce: boolean; chosenDomains: string[]; needsAssessment: TNeedsAssessment;
  goals: TGoal[]; changeNote: string | null; createdBy: { displayName: string } | null; createdAt: string; reviewedBy: { displayName: string } | null;
};
export type TPlanResponse = {
  plan: { latestVersion: number; inForceVersion: number | null; current: TPlanVersion; abilities: Record<string, boolean> } | null;
  requiresApproval: boolean;
};

/** A goal as saved: new goals have no id yet; the owner's display name is not part of what is saved. */
export type TGoalInput = Omit<TGoal, 'id' | 'owner'> & { id?: string; owner: { kind: string; userId: string | null } };

/** What a save changes; everything else is carried over from the latest version. */
export type TPlanChange = { chosenDomains?: string[]; needsAssessment?: TNeedsAssessment; goals?: TGoalInput[]; changeNote: string | null };

export function goalInput(goal: TGoal): TGoalInput {
  return { id: goal.id, domain: goal.domain, survivorWords: goal.survivorWords, description: goal.description, owner: { kind: goal.owner.kind, userId: goal.owner.userId }, reviewOn: goal.reviewOn, status: goal.status };
}

/**
 * The body of `PUT …/plan`: every save is a whole new version. A plan started from a goal alone
 * gets an empty needs assessment dated today (shown as "not assessed yet").
 */
export function planBody(current: TPlanVersion | null, latestVersion: number, change: TPlanChange, today: string) {
  return {
    chosenDomains: change.chosenDomains ?? current?.chosenDomains ?? [],
    needsAssessment: change.needsAssessment ?? current?.needsAssessment ?? { assessedOn: today, needs: [], summary: null },
    goals: change.goals ?? (current?.goals ?? []).map(goalInput),
    changeNote: change.changeNote,
    expectedVersion: latestVersion,
  };
}
