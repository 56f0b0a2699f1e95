import type { TCaseStatus } from '../../core/nrm/case-status.ts';
import type { TTestApp } from './test-app.ts';
import { createCase } from '../../server/modules/cases/use-cases/create-case.ts';
import { recordConsent, referCase } from '../../server/modules/cases/use-cases/refer-case.ts';
import { recordDecision } from '../../server/modules/cases/use-cases/decide-case.ts';
import { getCaseRow } from '../../server/modules/cases/cases.repo.ts';
import { adultCaseBody, FULL_CONSENT } from './case-fixtures.ts';
import type { TCreateCaseRequest } from '../../server/modules/cases/cases.schemas.ts';

/**
 * An adult case brought to a workflow state through the real use cases (not by writing the
 * status column), so fixtures obey the same rules as the API.
 */
export async function caseInState(t: TTestApp, orgId: string, state: 'draft' | 'consented' | 'referred' | 'rg_negative' | 'rg_positive'): Promise<{ caseId: string; version: number; status: TCaseStatus }> {
  return t.asSystem(async (ctx) => {
    const caseId = await createCase(ctx, orgId, adultCaseBody({ givenName: 'Fixture', familyName: 'Person' }) as TCreateCaseRequest);
    const version = async () => (await getCaseRow(ctx.db, orgId, caseId)).version;
    if (state !== 'draft') await recordConsent(ctx, orgId, caseId, FULL_CONSENT as never);
    if (state === 'referred' || state === 'rg_negative' || state === 'rg_positive') await referCase(ctx, orgId, caseId, await version());
    if (state === 'rg_negative' || state === 'rg_positive') {
      await recordDecision(ctx, orgId, caseId, { kind: 'RG', outcome: state === 'rg_positive' ? 'positive' : 'negative', reasons: ['fixture'], authority: 'competent_authority', expectedVersion: await version() });
    }
    const row = await getCaseRow(ctx.db, orgId, caseId);
    return { caseId, version: row.version, status: row.status as TCaseStatus };
  });
}
