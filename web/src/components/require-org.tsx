import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveOrg, type TActiveOrganisation } from '../features/session/active-org.tsx';
import { Page } from './page.tsx';

/** Renders an org-scoped page with the active organisation, or explains that there is none. */
export function RequireOrg({ children }: { children: (active: TActiveOrganisation) => ReactNode }) {
  const { t } = useTranslation();
  const { active } = useActiveOrg();
  if (!active) {
    return (
      <Page title={t('orgRequired.title')}>
        <p>{t('orgRequired.body')}</p>
      </Page>
    );
  }
  return <>{children(active)}</>;
}
