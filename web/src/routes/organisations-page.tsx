import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage, useStatus } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { formatDate } from '../components/format.ts';
import { Page, Section } from '../components/page.tsx';
import { CreateOrganisationForm } from '../features/organisations/create-organisation-form.tsx';
import { useOrganisations } from '../features/organisations/queries.ts';
import { useActiveOrg } from '../features/session/active-org.tsx';
import { navigate } from '../router.tsx';
import { NOT_DISPLAYED } from '../i18n/index.ts';

/** All organisations of the platform and a form to create one (platform administrators only). */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { session, setActiveOrgId } = useActiveOrg();
  const allowed = session.user.isPlatformAdmin;
  const organisations = useOrganisations(allowed);
  const [status, setStatus] = useStatus();

  if (!allowed) {
    return (
      <Page title={t('organisations.title')}>
        <p>{t('organisations.notAllowed')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('organisations.title')} intro={t('organisations.intro')}>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={organisations.error} />
      {organisations.isPending && <p className="muted">{t('app.loading')}</p>}
      {organisations.data &&
        (organisations.data.length === 0 ? (
          <p>{t('organisations.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('organisations.name')}</th>
                  <th scope="col">{t('organisations.kind')}</th>
                  <th scope="col">{t('organisations.created')}</th>
                  <th scope="col">{t('organisations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.data.map((org) => (
                  <tr key={org.id}>
                    <th scope="row">{org.name}</th>
                    <td data-label={t('organisations.kind')}>{t(`organisationKinds.${org.kind}`)}</td>
                    <td className="cell--nowrap" data-label={t('organisations.created')}>{formatDate(org.createdAt, i18n.language)}</td>
                    <td data-label={t('organisations.actions')}>
                      <Button
                        variant="link"
                        aria-label={t('organisations.manageMembersOf', { name: org.name, ...NOT_DISPLAYED })}
                        onClick={() => {
                          setActiveOrgId(org.id);
                          navigate('/members');
                        }}
                      >
                        {t('organisations.manageMembers')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <Section id="organisations-create" title={t('organisations.createTitle')}>
        <CreateOrganisationForm onCreated={(name) => setStatus((tr) => tr('organisations.createdStatus', { name }))} />
      </Section>
    </Page>
  );
}
