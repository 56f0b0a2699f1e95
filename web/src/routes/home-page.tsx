import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.tsx';
import { Page, Section } from '../components/page.tsx';
import { useActiveOrg } from '../features/session/active-org.tsx';

/** Greeting, the active organisation and every membership with the user's role in it. */
export function HomePage() {
  const { t } = useTranslation();
  const { session, active, setActiveOrgId } = useActiveOrg();
  return (
    <Page title={t('home.greeting', { name: session.user.displayName })} documentTitle={t('home.title')}>
      <p className="lead">
        {active ? t('home.activeOrganisation', { name: active.organisation.name }) : t('home.noActiveOrganisation')}
        {session.user.isPlatformAdmin && <> {t('home.platformAdmin')}</>}
      </p>
      {session.memberships.length > 0 && (
        <Section id="home-organisations" title={t('home.yourOrganisations')}>
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('home.organisation')}</th>
                  <th scope="col">{t('home.kind')}</th>
                  <th scope="col">{t('home.role')}</th>
                  <th scope="col">{t('home.status')}</th>
                </tr>
              </thead>
              <tbody>
                {session.memberships.map((m) => {
                  const isActive = m.organisation.id === active?.organisation.id;
                  return (
                    <tr key={m.organisation.id} className={isActive ? 'row--active' : undefined}>
                      <th scope="row">{m.organisation.name}</th>
                      <td data-label={t('home.kind')}>{t(`organisationKinds.${m.organisation.kind}`)}</td>
                      <td data-label={t('home.role')}>{t(`roles.${m.role}`)}</td>
                      <td data-label={t('home.status')}>
                        {isActive ? (
                          <span className="badge">{t('home.active')}</span>
                        ) : (
                          <Button variant="link" onClick={() => setActiveOrgId(m.organisation.id)}>
                            {t('home.switchTo', { name: m.organisation.name })}
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
      )}
    </Page>
  );
}
