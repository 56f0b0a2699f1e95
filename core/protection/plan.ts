/**
 * PERSISTED VALUES. The recovery and social-inclusion plan: a needs assessment and goals in the
 * domains the survivor chooses, each with the survivor's own words, an owner, a review date and
 * a status. Every save is a new version; where the organisation requires it, a version takes
 * effect only once someone other than its author approves it.
 *
 * Assistance is unconditional (CETS 197 art. 12(6)): nothing in a plan can be made to depend
 * on cooperation with the authorities, so no domain, field or rule refers to it.
 */
import { z } from 'zod';
import { AppError, type TErrorIssue } from '../errors/app-error.ts';

export const GOAL_DOMAINS = ['safety', 'health', 'housing', 'legal_status', 'education', 'employment', 'income', 'family', 'justice_compensation'] as const;
export const ZGoalDomain = z.enum(GOAL_DOMAINS);
export type TGoalDomain = z.infer<typeof ZGoalDomain>;

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'paused', 'discontinued'] as const;
export const NEED_LEVELS = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export const GOAL_OWNER_KINDS = ['survivor', 'case_worker', 'service_provider', 'shared'] as const;

/** `not_required` when the organisation does not ask for approval; otherwise pending → approved | returned. */
export const PLAN_APPROVAL_STATUSES = ['not_required', 'pending', 'approved', 'returned'] as const;
export type TPlanApprovalStatus = (typeof PLAN_APPROVAL_STATUSES)[number];

/** Whether a version with this approval status is (or was) in force. Never throws. */
export function isInForce(status: TPlanApprovalStatus): boolean {
  switch (status) {
    case 'not_required':
    case 'approved':
      return true;
    case 'pending':
    case 'returned':
      return false;
  }
}

export interface TPlanShape {
  chosenDomains: readonly TGoalDomain[];
  needsAssessment: { needs: readonly { domain: TGoalDomain }[] };
  goals: readonly { id?: string | undefined; domain: TGoalDomain }[];
}

/**
 * Consistency problems of a plan, with paths relative to the plan: every goal sits in a domain the survivor
 * chose, no domain is assessed twice, no goal id repeats. Never throws.
 */
export function planIssues(plan: TPlanShape): TErrorIssue[] {
  const issues: TErrorIssue[] = [];
  plan.goals.forEach((goal, index) => {
    if (!plan.chosenDomains.includes(goal.domain)) issues.push({ path: `goals.${index}.domain`, message: `The survivor did not choose the domain ${goal.domain}` });
  });
  const assessed = new Set<string>();
  plan.needsAssessment.needs.forEach((need, index) => {
    if (assessed.has(need.domain)) issues.push({ path: `needsAssessment.needs.${index}.domain`, message: 'Each domain is assessed once' });
    assessed.add(need.domain);
  });
  const ids = new Set<string>();
  plan.goals.forEach((goal, index) => {
    if (goal.id && ids.has(goal.id)) issues.push({ path: `goals.${index}.id`, message: 'Goal ids must be unique' });
    if (goal.id) ids.add(goal.id);
  });
  return issues;
}

/**
 * Guards a review: only the latest version, only while pending, never by its author.
 * @throws AppError INVALID_TRANSITION (`PLAN_VERSION_SUPERSEDED`, `PLAN_VERSION_NOT_PENDING`),
 *   DOMAIN_RULE_VIOLATED (`SELF_APPROVAL`)
 */
export function assertReviewable(version: { version: number; approvalStatus: TPlanApprovalStatus; createdBy: string | null }, latestVersion: number, reviewerId: string | null): void {
  if (version.version !== latestVersion) throw new AppError('INVALID_TRANSITION', 'A newer version of the plan exists; review that one.', { reason: 'PLAN_VERSION_SUPERSEDED' });
  if (version.approvalStatus !== 'pending') throw new AppError('INVALID_TRANSITION', 'This version is not awaiting approval.', { reason: 'PLAN_VERSION_NOT_PENDING', from: version.approvalStatus });
  if (reviewerId !== null && version.createdBy === reviewerId) throw new AppError('DOMAIN_RULE_VIOLATED', 'A plan version is approved by someone other than its author.', { reason: 'SELF_APPROVAL' });
}
