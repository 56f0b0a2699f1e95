import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NrmSettingsNavLink } from '../features/jurisdiction/nav-link.tsx';
import { InvestigationsNavLink } from '../features/justice/nav-link.tsx';
import { ReferralsNavLink, ServicesNavLink } from '../features/protection/nav-links.tsx';
import { NotificationsBell } from '../features/notifications/bell.tsx';
import { useActiveOrg } from '../features/session/active-org.tsx';
import { useLogout } from '../features/session/queries.ts';
import { StatisticsNavLink } from '../features/stats/nav-link.tsx';
import { ReleasesNavLink } from '../features/stats/releases-nav-link.tsx';
import { ProgrammesNavLink } from '../features/programmes/nav-link.tsx';
import { DuplicatesNavLink } from '../features/linkage/nav-link.tsx';
import { LinkageProjectsNavLink } from '../features/linkage-projects/nav-link.tsx';
import { TransfersNavLink } from '../features/transfers/nav-link.tsx';
import { Link } from '../router.tsx';
import { ErrorAlert } from './alert.tsx';
import { Button } from './button.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { OrgSwitcher } from './org-switcher.tsx';

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // Focus the landmark without putting "#main" into the URL the router reads.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}

function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="main" tabIndex={-1}>
      <div className="container">{children}</div>
    </main>
  );
}

/** Frame for signed-out pages (setup, login): app name and the language menu only. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="container app-header__bar">
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </p>
          <div className="app-header__controls">
            <LanguageMenu />
          </div>
        </div>
      </header>
      <Main>
        <div className="narrow">{children}</div>
      </Main>
    </>
  );
}

/** Frame for signed-in pages: header with organisation and language selects, navigation, logout. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, can } = useActiveOrg();
  const logout = useLogout();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="container app-header__bar">
          <p className="brand">
            <Link to="/" className="brand__name">
              {t('app.name')}
            </Link>
          </p>
          <div className="app-header__controls">
            <OrgSwitcher />
            <LanguageMenu />
            <NotificationsBell />
            <div className="app-header__user">
              <span className="app-header__name">{t('header.signedInAs', { name: session.user.displayName })}</span>
              <Button
                variant="secondary"
                busy={logout.isPending}
                busyLabel={t('nav.loggingOut')}
                onClick={() => logout.mutate()}
              >
                {t('nav.logout')}
              </Button>
            </div>
          </div>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul className="container app-nav__list">
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            {can('case.read') && (
              <li>
                <Link to="/cases">{t('nav.cases')}</Link>
              </li>
            )}
            {can('deadline.read') && (
              <li>
                <Link to="/deadlines">{t('nav.deadlines')}</Link>
              </li>
            )}
            {can('investigation.read') && (
              <li>
                <InvestigationsNavLink />
              </li>
            )}
            {can('service.read') && (
              <li>
                <ServicesNavLink />
              </li>
            )}
            {can('serviceReferral.manage') && (
              <li>
                <ReferralsNavLink />
              </li>
            )}
            {can('case.transfer') && (
              <li>
                <TransfersNavLink />
              </li>
            )}
            {can('stats.read') && (
              <li>
                <StatisticsNavLink />
              </li>
            )}
            {can('stats.read') && (
              <li>
                <ReleasesNavLink />
              </li>
            )}
            {can('programme.read') && (
              <li>
                <ProgrammesNavLink />
              </li>
            )}
            {(can('duplicate.review') || can('linkage.run')) && (
              <li>
                <DuplicatesNavLink />
              </li>
            )}
            {can('linkage.run') && (
              <li>
                <LinkageProjectsNavLink />
              </li>
            )}
            <li>
              <Link to="/members">{t('nav.members')}</Link>
            </li>
            {session.user.isPlatformAdmin && (
              <li>
                <Link to="/organisations">{t('nav.organisations')}</Link>
              </li>
            )}
            {(session.user.isPlatformAdmin || can('stats.read')) && (
              <li>
                <Link to="/settings/populations">{t('nav.populations')}</Link>
              </li>
            )}
            {can('audit.read') && (
              <li>
                <Link to="/audit">{t('nav.audit')}</Link>
              </li>
            )}
            {can('org.configure') && (
              <li>
                <NrmSettingsNavLink />
              </li>
            )}
            {can('org.configure') && (
              <li>
                <Link to="/settings/security">{t('nav.security')}</Link>
              </li>
            )}
            <li>
              <Link to="/account">{t('nav.account')}</Link>
            </li>
          </ul>
        </nav>
        {logout.error !== null && (
          <div className="container">
            <ErrorAlert error={logout.error} />
          </div>
        )}
      </header>
      <Main>{children}</Main>
    </>
  );
}
