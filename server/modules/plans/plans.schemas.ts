import { z } from 'zod';
import { ZPlainDate } from '../../../core/nrm/calendar.ts';
import { GOAL_OWNER_KINDS, GOAL_STATUSES, NEED_LEVELS, PLAN_APPROVAL_STATUSES, planIssues, ZGoalDomain } from '../../../core/protection/plan.ts';
import { ZUuid } from '../../http/common-schemas.ts';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const unique = <T>(values: T[]) => new Set(values).size === values.length;

export const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
export const ZVersionParams = z.object({ orgId: ZUuid, caseId: ZUuid, version: z.coerce.number().int().min(1).max(100_000) }).strict();

export const ZGoal = z.strictObject({
  /** Kept across versions so a goal's history can be followed; assigned when absent. */
  id: ZUuid.optional(),
  domain: ZGoalDomain,
  /** What the survivor wants, in their own words. */
  survivorWords: ZText(2000),
  description: ZText(2000).nullable().default(null),
  owner: z.strictObject({ kind: z.enum(GOAL_OWNER_KINDS), userId: ZUuid.nullable().default(null) }),
  reviewOn: ZPlainDate,
  status: z.enum(GOAL_STATUSES),
});

export const ZPlanContent = z.strictObject({
  /** The domains the survivor chose to work on; every goal sits in one of them. */
  chosenDomains: z.array(ZGoalDomain).min(1).max(9).refine(unique, 'Domains repeat'),
  needsAssessment: z.strictObject({
    assessedOn: ZPlainDate,
    needs: z.array(z.strictObject({ domain: ZGoalDomain, level: z.enum(NEED_LEVELS), note: ZText(2000).nullable().default(null) })).max(9),
    summary: ZText(4000).nullable().default(null),
  }),
  goals: z.array(ZGoal).max(50),
  changeNote: ZText(500).nullable().default(null),
});
export type TPlanContent = z.infer<typeof ZPlanContent>;

export const ZSavePlan = z.strictObject({
  ...ZPlanContent.shape,
  /** The latest version the author started from; 0 for a case without a plan. */
  expectedVersion: z.int().min(0),
}).superRefine((plan, context) => {
  for (const issue of planIssues(plan)) context.addIssue({ code: 'custom', path: issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: issue.message });
});

export const ZReviewPlan = z.strictObject({ decision: z.enum(['approved', 'returned']) });
export const ZPlanSettings = z.strictObject({ requiresApproval: z.boolean() });

const ZUserRef = z.object({ userId: z.string(), displayName: z.string() }).nullable();
export const ZPlanVersionView = z.object({
  version: z.number().int(),
  approvalStatus: z.enum(PLAN_APPROVAL_STATUSES),
  isInForce: z.boolean(),
  chosenDomains: z.array(z.string()),
  needsAssessment: z.object({ assessedOn: z.string(), needs: z.array(z.object({ domain: z.string(), level: z.string(), note: z.string().nullable() })), summary: z.string().nullable() }),
  goals: z.array(z.object({
    id: z.string(), domain: z.string(), survivorWords: z.string(), description: z.string().nullable(),
    /** displayName: the named member's name, for showing; not part of what is saved. */
    owner: z.object({ kind: z.string(), userId: z.string().nullable(), displayName: z.string().nullable() }), reviewOn: z.string(), status: z.string(),
  })),
  changeNote: z.string().nullable(),
  createdBy: ZUserRef,
  createdAt: z.string(),
  reviewedBy: ZUserRef,
  reviewedAt: z.string().nullable(),
});
export type TPlanVersionView = z.infer<typeof ZPlanVersionView>;

export const ZPlanView = z.object({
  id: z.string(),
  caseId: z.string(),
  latestVersion: z.number().int(),
  /** The newest version in force (approved, or saved where no approval is needed). */
  inForceVersion: z.number().int().nullable(),
  current: ZPlanVersionView,
  abilities: z.record(z.string(), z.boolean()),
});
export const ZGoalOwnerCandidates = z.object({ owners: z.array(z.object({ userId: z.string(), displayName: z.string() })) });
export const ZPlanResponse = z.object({ plan: ZPlanView.nullable(), requiresApproval: z.boolean() });
