import type { TCtx } from '../../context.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { can } from '../../authz/policy.ts';
import { displayNameOf, openIdentity } from '../cases/person-identity.ts';
import type { TProtection } from '../cases/cases.schemas.ts';
import type { TInvestigationDetail } from './justice.schemas.ts';
import { requireVisibleInvestigation } from './investigation-access.ts';

type TInvestigationRow = Awaited<ReturnType<typeof requireVisibleInvestigation>>['row'];

function presentSummary(row: TInvestigationRow, isShared: boolean) {
  return {
    id: row.id, reference: row.reference, agency: row.agency, openedOn: row.openedOn, closedOn: row.closedOn, status: row.status as TInvestigationDetail['status'],
    operationId: row.operationId, exploitationForms: row.exploitationForms, isShared, ownerOrgId: row.orgId, version: row.version,
  };
}

/** Investigations of the organisation and those shared with it through their operation. */
export async function findInvestigations(ctx: TCtx, orgId: string) {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'investigation.read');
  const rows = await ctx.db.selectFrom('investigations').selectAll()
    .where((eb) => eb.or([
      eb('orgId', '=', orgId),
      eb('operationId', 'in', eb.selectFrom('operationShares').select('operationId').where('sharedWithOrgId', '=', orgId)),
    ]))
    .orderBy('openedOn', 'desc').limit(500).execute();
  return rows.map((row) => presentSummary(row, row.orgId !== orgId));
}

/**
 * The investigation file. Suspects' names are decrypted only for those who manage the case
 * (investigators, prosecutors) and each read is audited. Linked victims appear as a role, a
 * support contact and the non-punishment flag, never as the NRM case file.
 */
export async function loadInvestigation(ctx: TCtx, orgId: string, investigationId: string): Promise<TInvestigationDetail> {
  const { row, isShared } = await requireVisibleInvestigation(ctx, orgId, investigationId, 'investigation.read');
  const owner = row.orgId;
  const mayReadSuspects = can(ctx.actor, orgId, 'investigation.manage') || can(ctx.actor, orgId, 'prosecution.manage');
  const suspects = await ctx.db.selectFrom('suspects').selectAll().where('investigationId', '=', investigationId).orderBy('createdAt').orderBy('id').execute();
  const suspectIds = suspects.map((s) => s.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const charges = await ctx.db.selectFrom('charges').selectAll().where('suspectId', 'in', suspectIds.length ? suspectIds : none).orderBy('chargedOn').execute();
  const chargeIds = charges.map((c) => c.id);
  const decisions = await ctx.db.selectFrom('courtDecisions').selectAll().where('chargeId', 'in', chargeIds.length ? chargeIds : none).orderBy('decidedOn').execute();
  const prosecutions = await ctx.db.selectFrom('prosecutions').selectAll().where('suspectId', 'in', suspectIds.length ? suspectIds : none).execute();
  const sentences = await ctx.db.selectFrom('sentences').selectAll().where('suspectId', 'in', suspectIds.length ? suspectIds : none).execute();
  const compensation = await ctx.db.selectFrom('compensationOrders').selectAll().where('suspectId', 'in', suspectIds.length ? suspectIds : none).orderBy('orderedOn').execute();
  const cooperation = await ctx.db.selectFrom('cooperationRequests').selectAll().where('investigationId', '=', investigationId).orderBy('sentOn').execute();
  const confiscations = await ctx.db.selectFrom('confiscations').selectAll().where('investigationId', '=', investigationId).orderBy('orderedOn').execute();
  const links = await ctx.db.selectFrom('victimLinks').innerJoin('cases', 'cases.id', 'victimLinks.caseId')
    .select(['victimLinks.id', 'victimLinks.role', 'victimLinks.supportContact', 'victimLinks.participation', 'cases.protection'])
    .where('victimLinks.investigationId', '=', investigationId).execute();
  const presentedSuspects = [];
  for (const suspect of suspects) {
    let displayName: string | null = null;
    if (mayReadSuspects) {
      displayName = displayNameOf(await openIdentity(ctx.keyring, ctx.db, { orgId: owner, id: suspect.id, identityCiphertext: suspect.identityCiphertext, keyVersion: suspect.keyVersion }));
      await ctx.audit.record('suspect.identityViewed', { orgId, subjectType: 'suspect', subjectId: suspect.id, metadata: { suspectId: suspect.id } });
    }
    presentedSuspects.push({
      id: suspect.id, displayName, role: suspect.role, sex: suspect.sex, ageBand: suspect.ageBand, citizenship: suspect.citizenship, identifiedOn: suspect.identifiedOn,
      charges: charges.filter((c) => c.suspectId === suspect.id).map((c) => ({
        id: c.id, offenceCategory: c.offenceCategory, offenceCode: c.offenceCode, chargedOn: c.chargedOn,
        decisions: decisions.filter((d) => d.chargeId === c.id).map((d) => ({ id: d.id, outcome: d.outcome, isAppeal: d.isAppeal, decidedOn: d.decidedOn })),
      })),
      prosecutions: prosecutions.filter((p) => p.suspectId === suspect.id).map((p) => ({ id: p.id, court: p.court, startedOn: p.startedOn })),
      sentences: sentences.filter((s) => s.suspectId === suspect.id).map((s) => ({
        id: s.id, custodialMonths: s.custodialMonths, isSuspended: s.isSuspended, fineAmount: s.fineAmount, fineCurrency: s.fineCurrency, otherMeasure: s.otherMeasure, sentencedOn: s.sentencedOn,
      })),
      compensationOrders: compensation.filter((o) => o.suspectId === suspect.id).map((o) => ({ id: o.id, victimLinkId: o.victimLinkId, amount: o.amount, currency: o.currency, orderedOn: o.orderedOn })),
    });
  }
  return {
    ...presentSummary(row, isShared),
    techniques: row.techniques, countriesInvolved: row.countriesInvolved, jointInvestigationTeam: row.jointInvestigationTeam,
    cooperationRequests: cooperation.map((c) => ({ id: c.id, kind: c.kind, country: c.country, sentOn: c.sentOn, status: c.status, respondedOn: c.respondedOn })),
    suspects: presentedSuspects,
    confiscations: confiscations.map((c) => ({ id: c.id, kind: c.kind, amount: c.amount, currency: c.currency, orderedOn: c.orderedOn })),
    victimLinks: links.map((link) => ({
      id: link.id, role: link.role, supportContact: link.supportContact, participation: link.participation,
      nonPunishmentFlag: (link.protection as TProtection).nonPunishment?.offencesLinkedToExploitation ?? null,
    })),
    abilities: {
      'investigation.manage': can(ctx.actor, orgId, 'investigation.manage') && !isShared,
      'prosecution.manage': can(ctx.actor, orgId, 'prosecution.manage') || can(ctx.actor, orgId, 'investigation.manage'),
    },
  };
}
