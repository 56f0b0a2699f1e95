import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useSettingsTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useSettingsTranslation();
  return <Link to="/settings/nrm">{t('nav.nrmSettings')}</Link>;
}

/**
 * The "NRM settings" link of the main navigation, for people who configure the organisation.
 * Its label is in the `settings` namespace, loaded on its own so the header does not wait.
 */
export function NrmSettingsNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
