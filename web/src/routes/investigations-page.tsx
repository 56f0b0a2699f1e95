import { useState } from 'react';
import { ErrorAlert } from '../components/alert.tsx';
import { SelectField } from '../components/field.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { InvestigationStatusBadge, SharedBadge } from '../features/justice/badges.tsx';
import { formatDay } from '../features/justice/format.ts';
import { useJusticeTranslation } from '../features/justice/i18n.ts';
import { OpenInvestigationForm } from '../features/justice/open-investigation-form.tsx';
import { OperationsPanel } from '../features/justice/operations-panel.tsx';
import { useJusticeOptions } from '../features/justice/options.ts';
import { useInvestigations } from '../features/justice/queries.ts';
import { setJusticeFlash } from '../features/justice/status.ts';
import type { TInvestigationStatus } from '../features/justice/types.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import '../features/justice/justice.css';
import { Link, navigate } from '../router.tsx';

/** `/investigations`: the list, in the active organisation. */
export function InvestigationsPage() {
  return <RequireOrg>{(active) => <Investigations key={active.organisation.id} active={active} />}</RequireOrg>;
}

/**
 * The organisation's investigations (and those shared with it), filtered by status; the way to
 * open a new one and the operations they belong to, for those who manage investigations.
 */
function Investigations({ active }: { active: TActiveOrganisation }) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const orgId = active.organisation.id;
  const canRead = active.permissions.includes('investigation.read');
  const canManage = active.permissions.includes('investigation.manage');
  const choices = useJusticeOptions();
  const [status, setStatus] = useState<TInvestigationStatus | ''>('');
  const investigations = useInvestigations(orgId);

  if (!canRead) {
    return (
      <Page title={t('list.title')}>
        <p>{t('list.notAllowed')}</p>
      </Page>
    );
  }

  const shown = (investigations.data ?? []).filter((inv) => !status || inv.status === status);

  return (
    <Page title={t('list.title')} intro={t('list.intro', { organisation: active.organisation.name })}>
      <p className="justice-links">
        {canManage && (
          <Link to="/investigations/new" className="button button--primary">
            {t('list.open')}
          </Link>
        )}
        <Link to="/justice/funnel" className="button button--secondary">
          {t('list.funnel')}
        </Link>
      </p>
      <form className="filters" role="search" aria-label={t('list.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="investigations-status"
          label={t('list.status')}
          placeholder={t('list.anyStatus')}
          options={choices.statuses}
          value={status}
          onChange={(event) => setStatus(event.target.value as TInvestigationStatus | '')}
        />
      </form>
      <ErrorAlert error={investigations.error} />
      {investigations.isPending && <p className="muted">{t('common.loading')}</p>}
      {investigations.data &&
        (shown.length === 0 ? (
          <p role="status">{investigations.data.length === 0 ? t('list.empty') : t('list.noneWithStatus')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption className="sr-only">{t('list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.reference')}</th>
                  <th scope="col">{t('investigation.agency')}</th>
                  <th scope="col">{t('investigation.exploitationForms')}</th>
                  <th scope="col">{t('investigation.openedOn')}</th>
                  <th scope="col">{t('list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((inv) => (
                  <tr key={inv.id}>
                    <th scope="row">
                      <Link to={`/investigations/${inv.id}`}>
                        <bdi>{inv.reference}</bdi>
                      </Link>
                      {inv.isShared && (
                        <span className="cell__sub">
                          <SharedBadge />
                        </span>
                      )}
                    </th>
                    <td data-label={t('investigation.agency')}>
                      <bdi>{inv.agency}</bdi>
                    </td>
                    <td data-label={t('investigation.exploitationForms')}>
                      {inv.exploitationForms.length ? inv.exploitationForms.map((f) => t(`exploitationForms.${f}`)).join(', ') : <span className="muted">{t('common.none')}</span>}
                    </td>
                    <td className="cell--nowrap" data-label={t('investigation.openedOn')}>
                      {formatDay(inv.openedOn, lang)}
                    </td>
                    <td data-label={t('list.status')}>
                      <InvestigationStatusBadge status={inv.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <Section id="operations" title={t('operations.title')}>
        <p className="muted">{t('operations.intro')}</p>
        <OperationsPanel orgId={orgId} canManage={canManage} />
      </Section>
    </Page>
  );
}

/** `/investigations/new`: the form that opens an investigation. */
export function NewInvestigationPage() {
  return <RequireOrg>{(active) => <NewInvestigation key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** Opens an investigation, then shows it. */
function NewInvestigation({ active }: { active: TActiveOrganisation }) {
  const { t } = useJusticeTranslation();
  const orgId = active.organisation.id;
  if (!active.permissions.includes('investigation.manage')) {
    return (
      <Page title={t('newInvestigation.title')}>
        <p>{t('newInvestigation.notAllowed')}</p>
        <p>
          <Link to="/investigations">{t('investigation.all')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('newInvestigation.title')} intro={t('newInvestigation.intro')}>
      <p>
        <Link to="/investigations">{t('investigation.all')}</Link>
      </p>
      <OpenInvestigationForm
        orgId={orgId}
        onOpened={(investigation) => {
          const path = `/investigations/${investigation.id}`;
          setJusticeFlash(path, (tr) => tr('newInvestigation.opened', { reference: investigation.reference }));
          navigate(path);
        }}
      />
    </Page>
  );
}
