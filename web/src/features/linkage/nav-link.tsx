import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useLinkageTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useLinkageTranslation();
  return <Link to="/duplicates">{t('nav.duplicates')}</Link>;
}

/** The "Duplicates" link of the main navigation; its label waits for the `linkage` strings on its own. */
export function DuplicatesNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
