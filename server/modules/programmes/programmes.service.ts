/**
 * Programmes and their results framework: create (from scratch or from the NRM template), read,
 * add outcomes and outputs. Indicators, values and assessments live in use-cases/.
 */
import { AppError } from '../../../core/errors/app-error.ts';
import { frameworkIssues, newNodeIssues, NRM_TEMPLATE, type TFrameworkNode, type TIndicatorKind, type TNodeLevel, type TTemplateNode } from '../../../core/programmes/index.ts';
import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { openJson } from '../../crypto/field-encryption.ts';
import { findAssessmentRows, findEvidenceRows, findIndicatorRows, findNodeRows, findProgrammeRows, findTargetRows, findValueRows, getActiveProgrammeRow, getProgrammeRow, nextPosition } from './programmes.repo.ts';
import type { TCreateProgramme, TProgrammeDetail } from './programmes.schemas.ts';
import { evidenceNameContext, insertIndicator } from './use-cases/indicators.ts';

type TProgrammeRow = Awaited<ReturnType<typeof getProgrammeRow>>;

export function presentProgramme(row: TProgrammeRow): TProgrammeDetail['programme'] {
  return {
    id: row.id, kind: row.kind as TProgrammeDetail['programme']['kind'], name: row.name, description: row.description, startsOn: row.startsOn, endsOn: row.endsOn,
    template: row.template, createdAt: row.createdAt.toISOString(), version: row.version, archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

export function presentNode(n: Awaited<ReturnType<typeof findNodeRows>>[number]): TProgrammeDetail['nodes'][number] {
  return { id: n.id, parentId: n.parentId, level: n.level as TNodeLevel, code: n.code, title: n.title, description: n.description, version: n.version };
}

export function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new AppError('VALIDATION_FAILED', 'The programme ends before it starts.', { issues: [{ path: 'body.endsOn', message: 'before startsOn' }] });
}

async function insertNode(ctx: TCtx, orgId: string, programmeId: string, node: { parentId: string | null; level: TNodeLevel; code: string; title: string }, position: number): Promise<string> {
  const row = await ctx.db.insertInto('programmeNodes').values({ orgId, programmeId, ...node, position, createdAt: ctx.now() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function insertProgramme(ctx: TCtx, orgId: string, input: { kind: string; name: string; description: string | null; startsOn: string; endsOn: string; template: string | null }): Promise<string> {
  const now = ctx.now();
  const row = await ctx.db.insertInto('programmes').values({
    orgId, ...input, createdBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, createdAt: now, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A programme with its goal and any outcomes and outputs given.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (dates, repeated codes)
 */
export async function createProgramme(ctx: TCtx, orgId: string, input: TCreateProgramme): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  assertDates(input.startsOn, input.endsOn);
  const planned: TFrameworkNode[] = [{ id: 'goal', parentId: null, level: 'goal', code: input.goal.code }];
  input.outcomes.forEach((outcome, i) => {
    planned.push({ id: `o${i}`, parentId: 'goal', level: 'outcome', code: outcome.code });
    outcome.outputs.forEach((output, j) => planned.push({ id: `o${i}.${j}`, parentId: `o${i}`, level: 'output', code: output.code }));
  });
  const issues = frameworkIssues(planned, 'body.nodes');
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The results framework is inconsistent.', { reason: 'INVALID_FRAMEWORK', issues });

  const programmeId = await insertProgramme(ctx, orgId, { kind: input.kind, name: input.name, description: input.description, startsOn: input.startsOn, endsOn: input.endsOn, template: null });
  let position = 0;
  const goalId = await insertNode(ctx, orgId, programmeId, { parentId: null, level: 'goal', ...input.goal }, position++);
  for (const outcome of input.outcomes) {
    const outcomeId = await insertNode(ctx, orgId, programmeId, { parentId: goalId, level: 'outcome', code: outcome.code, title: outcome.title }, position++);
    for (const output of outcome.outputs) await insertNode(ctx, orgId, programmeId, { parentId: outcomeId, level: 'output', ...output }, position++);
  }
  await ctx.audit.record('programme.created', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, kind: input.kind, template: null, nodes: planned.length, indicators: 0 } });
  return programmeId;
}

/**
 * The built-in NRM effectiveness programme in one call: its framework and indicators (computed
 * from the NRM's data, plus the manual ones the data model cannot answer), titles in `language`.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (dates)
 */
export async function createNrmProgramme(ctx: TCtx, orgId: string, input: { name?: string | undefined; startsOn: string; endsOn: string; language: 'en' | 'fr' | 'es' | 'ar' }): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  assertDates(input.startsOn, input.endsOn);
  const template = NRM_TEMPLATE;
  const programmeId = await insertProgramme(ctx, orgId, { kind: 'nrm', name: input.name ?? template.names[input.language], description: null, startsOn: input.startsOn, endsOn: input.endsOn, template: template.id });
  let position = 0;
  let nodes = 0;
  let indicators = 0;
  const addWithIndicators = async (node: TTemplateNode, parentId: string | null, level: TNodeLevel): Promise<string> => {
    const nodeId = await insertNode(ctx, orgId, programmeId, { parentId, level, code: node.code, title: node.titles[input.language] }, position++);
    nodes++;
    for (const indicator of node.indicators) {
      await insertIndicator(ctx, orgId, programmeId, {
        nodeId, code: indicator.code, name: indicator.names[input.language], unit: indicator.unit, direction: indicator.direction, frequency: indicator.frequency,
        disaggregations: [...indicator.disaggregations] as never, baseline: null, baselinePeriod: null, definition: indicator.definition as never, definitionText: null, targets: [],
      }, { audit: false });
      indicators++;
    }
    return nodeId;
  };
  const goalId = await addWithIndicators(template.goal, null, 'goal');
  for (const outcome of template.outcomes) {
    const outcomeId = await addWithIndicators(outcome, goalId, 'outcome');
    for (const output of outcome.outputs ?? []) await addWithIndicators(output, outcomeId, 'output');
  }
  await ctx.audit.record('programme.created', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, kind: 'nrm', template: template.id, nodes, indicators } });
  return programmeId;
}

/** @throws NOT_FOUND, FORBIDDEN (programme.read) */
export async function findProgrammes(ctx: TCtx, orgId: string, status: 'active' | 'archived' | 'all' = 'active') {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.read');
  return (await findProgrammeRows(ctx.db, orgId, status)).map(presentProgramme);
}

/**
 * Adds an outcome under the goal or an output under an outcome.
 * @throws NOT_FOUND, FORBIDDEN (programme.manage), VALIDATION_FAILED (INVALID_FRAMEWORK), INVALID_TRANSITION (PROGRAMME_ARCHIVED)
 */
export async function addNode(ctx: TCtx, orgId: string, programmeId: string, input: { parentId: string; level: 'outcome' | 'output'; code: string; title: string }): Promise<string> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.manage');
  await getActiveProgrammeRow(ctx.db, orgId, programmeId);
  const existing = await findNodeRows(ctx.db, orgId, programmeId);
  const issues = newNodeIssues(existing.map((n) => ({ id: n.id, parentId: n.parentId, level: n.level as TNodeLevel, code: n.code })), { parentId: input.parentId, level: input.level, code: input.code });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The element does not fit the results framework.', { reason: 'INVALID_FRAMEWORK', issues });
  const nodeId = await insertNode(ctx, orgId, programmeId, input, await nextPosition(ctx.db, 'programmeNodes', programmeId));
  await ctx.audit.record('programme.nodeAdded', { orgId, subjectType: 'programme', subjectId: programmeId, metadata: { programmeId, nodeId, level: input.level } });
  return nodeId;
}

/**
 * The programme with its framework, indicators (targets, manual values with evidence names)
 * and needs assessments.
 * @throws NOT_FOUND, FORBIDDEN (programme.read)
 */
export async function getProgrammeDetail(ctx: TCtx, orgId: string, programmeId: string): Promise<TProgrammeDetail> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'programme.read');
  const programme = await getProgrammeRow(ctx.db, orgId, programmeId);
  const nodes = await findNodeRows(ctx.db, orgId, programmeId);
  const indicators = await findIndicatorRows(ctx.db, orgId, programmeId);
  const ids = indicators.map((i) => i.id);
  const targets = await findTargetRows(ctx.db, orgId, ids);
  const values = await findValueRows(ctx.db, orgId, ids);
  const evidence = await findEvidenceRows(ctx.db, orgId, values.map((v) => v.id));
  const evidenceNames = new Map<string, string>();
  for (const row of evidence) {
    const key = await ctx.keyring.keyVersion(ctx.db, orgId, row.keyVersion);
    evidenceNames.set(row.id, openJson<string>(key.dataKey, row.fileNameCiphertext, evidenceNameContext(orgId, row.id)));
  }
  const assessments = await findAssessmentRows(ctx.db, orgId, programmeId);
  return {
    programme: presentProgramme(programme),
    nodes: nodes.map(presentNode),
    indicators: indicators.map((i) => ({
      id: i.id, nodeId: i.nodeId, code: i.code, name: i.name, kind: i.kind as TIndicatorKind, definition: i.definition as TProgrammeDetail['indicators'][number]['definition'],
      definitionText: i.definitionText, version: i.version,
      unit: i.unit as TProgrammeDetail['indicators'][number]['unit'], direction: i.direction as 'increase' | 'decrease', frequency: i.frequency as 'year' | 'quarter' | 'month',
      disaggregations: i.disaggregations, baseline: i.baseline === null ? null : Number(i.baseline), baselinePeriod: i.baselinePeriod, dataSource: i.dataSource,
      targets: targets.filter((t) => t.indicatorId === i.id).map((t) => ({ period: t.period, value: Number(t.value) })),
      values: values.filter((v) => v.indicatorId === i.id).map((v) => ({
        id: v.id, period: v.period, value: Number(v.value), status: v.status as 'pending' | 'approved' | 'rejected', enteredBy: v.enteredBy, enteredAt: v.enteredAt.toISOString(),
        reviewedBy: v.reviewedBy, reviewedAt: v.reviewedAt?.toISOString() ?? null, basis: v.basis,
        evidence: evidence.filter((e) => e.valueId === v.id).map((e) => ({ id: e.id, fileName: evidenceNames.get(e.id)!, contentType: e.contentType, sizeBytes: e.sizeBytes })),
      })),
    })),
    assessments: assessments.map((a) => ({
      id: a.id, scope: a.scope as 'region' | 'sector', area: a.area, assessedOn: a.assessedOn, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt?.toISOString() ?? null, version: a.version,
      findings: a.findings as TProgrammeDetail['assessments'][number]['findings'],
    })),
  };
}
