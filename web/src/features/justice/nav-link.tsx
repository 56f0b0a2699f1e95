import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useJusticeTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useJusticeTranslation();
  return <Link to="/investigations">{t('nav.investigations')}</Link>;
}

/**
 * The "Investigations" link of the main navigation. Its label is in the `justice` namespace,
 * fetched when the link first shows (only for people with `investigation.read`), so it waits for
 * those strings on its own instead of holding up the whole header.
 */
export function InvestigationsNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
