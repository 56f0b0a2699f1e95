/**
 * PERSISTED VALUES. Programmes and their results framework: one goal, outcomes under the goal,
 * outputs under outcomes, indicators on any of them. Pure checks, every problem reported with
 * its path before anything is stored.
 */
import type { TErrorIssue } from '../errors/app-error.ts';
import { isPeriodOfKind, type TPeriodKind } from './periods.ts';

export const PROGRAMME_KINDS = ['national_action_plan', 'project', 'nrm'] as const;
export type TProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const NODE_LEVELS = ['goal', 'outcome', 'output'] as const;
export type TNodeLevel = (typeof NODE_LEVELS)[number];

/** The level a node's parent must have; the goal has none. */
export const PARENT_LEVEL: Readonly<Record<TNodeLevel, TNodeLevel | null>> = { goal: null, outcome: 'goal', output: 'outcome' };

export interface TFrameworkNode {
  id: string;
  parentId: string | null;
  level: TNodeLevel;
  code: string;
}

/**
 * Problems of a framework as a whole: exactly one goal, each node under a parent of the level
 * above, codes unique within the programme. Never throws.
 */
export function frameworkIssues(nodes: readonly TFrameworkNode[], path = 'nodes'): TErrorIssue[] {
  const issues: TErrorIssue[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const goals = nodes.filter((n) => n.level === 'goal');
  if (goals.length !== 1) issues.push({ path, message: `a results framework has exactly one goal (found ${goals.length})` });
  const codes = new Set<string>();
  nodes.forEach((node, i) => {
    const expected = PARENT_LEVEL[node.level];
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (expected === null && node.parentId !== null) issues.push({ path: `${path}.${i}.parentId`, message: 'the goal has no parent' });
    if (expected !== null && parent?.level !== expected) issues.push({ path: `${path}.${i}.parentId`, message: `an ${node.level} sits under an ${expected}` });
    if (codes.has(node.code)) issues.push({ path: `${path}.${i}.code`, message: `code ${node.code} is used twice` });
    codes.add(node.code);
  });
  return issues;
}

/** Where a new node may go; the same rules as frameworkIssues for one addition. Never throws. */
export function newNodeIssues(existing: readonly TFrameworkNode[], node: Omit<TFrameworkNode, 'id'>, path = 'body'): TErrorIssue[] {
  return frameworkIssues([...existing, { ...node, id: '\u0000new' }], 'nodes')
    .filter((issue) => issue.path === 'nodes' ? false : issue.path.startsWith(`nodes.${existing.length}.`))
    .map((issue) => ({ ...issue, path: issue.path.replace(`nodes.${existing.length}`, path) }));
}

export interface TTarget {
  period: string;
  value: number;
}

/** Targets are set per reporting period of the indicator's frequency, once each. Never throws. */
export function targetIssues(frequency: TPeriodKind, targets: readonly TTarget[], path = 'targets'): TErrorIssue[] {
  const issues: TErrorIssue[] = [];
  const seen = new Set<string>();
  targets.forEach((target, i) => {
    if (!isPeriodOfKind(target.period, frequency)) issues.push({ path: `${path}.${i}.period`, message: `not a ${frequency} period` });
    if (seen.has(target.period)) issues.push({ path: `${path}.${i}.period`, message: 'one target per period' });
    if (!Number.isFinite(target.value)) issues.push({ path: `${path}.${i}.value`, message: 'not a number' });
    seen.add(target.period);
  });
  return issues;
}
