import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Page } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { AuditEventsTable } from '../features/audit/audit-events-table.tsx';
import { AuditFilters } from '../features/audit/audit-filters.tsx';
import { NO_AUDIT_FILTERS, useAuditEvents, type TAuditFilters } from '../features/audit/queries.ts';
import { VerifyChain } from '../features/audit/verify-chain.tsx';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';

export function AuditPage() {
  return <RequireOrg>{(active) => <Audit key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The audit log of the active organisation (the access log), filtered and paged, and the on-demand chain verification. */
function Audit({ active }: { active: TActiveOrganisation }) {
  const { t } = useTranslation();
  const { id: orgId, name: orgName } = active.organisation;
  if (!active.permissions.includes('audit.read')) {
    return (
      <Page title={t('audit.title')}>
        <p>{t('audit.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('audit.title')} intro={t('audit.intro', { organisation: orgName })}>
      {active.permissions.includes('audit.verify') && <VerifyChain orgId={orgId} />}
      <AuditEvents orgId={orgId} />
    </Page>
  );
}

function AuditEvents({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TAuditFilters>(NO_AUDIT_FILTERS);
  // The cursors of the pages before this one: "Newer" pops, "Older" pushes the page's nextBeforeSeq.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const beforeSeq = cursors.at(-1) ?? null;
  const page = useAuditEvents(orgId, filters, beforeSeq);

  function applyFilters(next: TAuditFilters) {
    setFilters(next);
    setCursors([null]);
  }

  const isFiltered = Object.values(filters).some(Boolean);
  return (
    <>
      <AuditFilters orgId={orgId} applied={filters} onApply={applyFilters} />
      <ErrorAlert error={page.error} />
      {page.isPending && <p className="muted">{t('app.loading')}</p>}
      {page.data && (page.data.events.length === 0 ? (
        <p>{isFiltered ? t('audit.filters.noMatch') : t('audit.empty')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('audit.pageRange', { newest: page.data.events[0]!.seq, oldest: page.data.events.at(-1)!.seq })}
          </p>
          <AuditEventsTable events={page.data.events} busy={page.isFetching} />
        </>
      ))}
      <nav className="form__actions" aria-label={t('audit.paging')}>
        <Button variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('audit.newer')}
        </Button>
        <Button variant="secondary" disabled={!page.data?.nextBeforeSeq || page.isPlaceholderData} onClick={() => setCursors((c) => [...c, page.data!.nextBeforeSeq])}>
          {t('audit.older')}
        </Button>
      </nav>
    </>
  );
}
