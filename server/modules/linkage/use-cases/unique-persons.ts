/**
 * How many different people the organisation's register holds, once confirmed duplicates
 * (pairs decided as a match, and merges) are counted once. Counts leave the server only through
 * small-cell suppression (core/disclosure): an analyst sees "fewer than 11", never a small number.
 */
import { countUniquePersons, publishUniquePersons, type TPublishedUniquePersons } from '../../../../core/linkage/index.ts';
import type { TCtx } from '../../../context.ts';
import { authorizeInOrganisation } from '../../../authz/org-access.ts';
import { involvesMergedPerson } from '../linkage.repo.ts';

export async function countOrganisationUniquePersons(ctx: TCtx, orgId: string): Promise<TPublishedUniquePersons> {
  await authorizeInOrganisation(ctx.db, ctx.actor, orgId, 'stats.read');
  const persons = await ctx.db.selectFrom('persons').select('id').where('orgId', '=', orgId).execute();
  const merges = await ctx.db.selectFrom('personMerges').select(['survivingPersonId', 'mergedPersonId']).where('orgId', '=', orgId).where('status', '=', 'merged').execute();
  const matches = await ctx.db.selectFrom('duplicateCandidates').select(['firstPersonId', 'secondPersonId']).where('orgId', '=', orgId).where('status', '=', 'match')
    .where((eb) => eb.not(involvesMergedPerson)).execute();
  // union–find over person ids: a merge or a confirmed match joins two records of one person
  const parent = new Map(persons.map((p) => [p.id, p.id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const [a, b] of [...merges.map((m) => [m.survivingPersonId, m.mergedPersonId]), ...matches.map((m) => [m.firstPersonId, m.secondPersonId])] as [string, string][]) {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const counts = countUniquePersons(persons.map((p) => ({ party: orgId, clusterId: find(p.id) })));
  const published = publishUniquePersons(counts);
  await ctx.audit.record('uniquePersons.counted', { orgId, subjectType: 'organisation', subjectId: orgId, metadata: { scope: 'organisation', suppressedCells: published.suppressedCells } });
  return published;
}
