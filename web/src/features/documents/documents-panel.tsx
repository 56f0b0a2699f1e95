import { Suspense } from 'react';
import { useProtectionTranslation } from '../protection/i18n.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { useCaseDocuments } from './queries.ts';

/**
 * Documents attached to a case: the list (case.read), upload for person.write, download for
 * person.readIdentity (each download, and each list that shows names, is audited by the server).
 */
export function CaseDocumentsPanel({ orgId, caseId }: { orgId: string; caseId: string }) {
  return (
    <Suspense fallback={null}>
      <CaseDocuments orgId={orgId} caseId={caseId} />
    </Suspense>
  );
}

function CaseDocuments({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const { can } = useActiveOrg();
  const documents = useCaseDocuments(orgId, caseId);
  return (
    <DocumentsSection
      orgId={orgId} caseId={caseId} holder="case" documents={documents.data} loadError={documents.error}
      canAttach={can('person.write')} canDownload={can('person.readIdentity')}
      text={{ title: t('documents.title'), none: t('documents.none'), file: t('documents.file') }}
      layout={{ element: 'section', headingId: 'case-documents' }}
    />
  );
}
