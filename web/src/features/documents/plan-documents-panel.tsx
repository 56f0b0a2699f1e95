import { hashKey, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { protectionKeys } from '../protection/queries.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { documentKeys, usePlanDocuments } from './queries.ts';

/**
 * Documents attached to a case's recovery plan (tenancy agreement, enrolment letter, medical
 * appointment): whoever reads the plan lists and downloads them (case.read), whoever may change
 * it attaches them (the server says so in `canAttach`: plan.manage, a saved plan, an open case).
 * They travel with the plan when the case is transferred. Meant to sit inside the plan block.
 */
export function PlanDocumentsPanel({ orgId, caseId }: { orgId: string; caseId: string }) {
  return (
    <Suspense fallback={null}>
      <PlanDocuments orgId={orgId} caseId={caseId} />
    </Suspense>
  );
}

function PlanDocuments({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useTranslation();
  const { can } = useActiveOrg();
  const list = usePlanDocuments(orgId, caseId);
  useRefetchOncePlanSaved(orgId, caseId, list.data ? list.data.planId !== null : undefined);
  const note = list.data && <p className={list.data.planId === null ? undefined : 'muted'}>{t(list.data.planId === null ? 'planDocuments.noPlan' : 'planDocuments.travels')}</p>;
  return (
    <DocumentsSection
      orgId={orgId} caseId={caseId} holder="plan" documents={list.data?.documents} loadError={list.error}
      canAttach={list.data?.canAttach ?? false} canDownload={can('case.read')}
      text={{ title: t('planDocuments.title'), none: t('planDocuments.none'), file: t('planDocuments.file') }}
      layout={{ element: 'subsection', headingId: `plan-documents-${caseId}` }}
      note={note}
    />
  );
}

/**
 * While the case has no plan there is nothing to attach to. The plan block saves the first
 * version into its own query (protection queries: ['protection', orgId, 'plan', caseId]); when that
 * query holds a plan, the document list is fetched again so the upload field appears at once.
 */
function useRefetchOncePlanSaved(orgId: string, caseId: string, hasPlan: boolean | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (hasPlan !== false) return undefined;
    const planHash = hashKey([...protectionKeys.all(orgId), 'plan', caseId]);
    return queryClient.getQueryCache().subscribe((event) => {
      const data = event.query.state.data as { plan?: unknown } | undefined;
      if (event.type === 'updated' && event.query.queryHash === planHash && data?.plan) void queryClient.invalidateQueries({ queryKey: documentKeys.of(orgId, caseId, 'plan') });
    });
  }, [queryClient, orgId, caseId, hasPlan]);
}
