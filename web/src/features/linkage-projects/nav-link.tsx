import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useLinkageProjectsTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useLinkageProjectsTranslation();
  return <Link to="/linkage-projects">{t('nav.projects')}</Link>;
}

/** The "Linkage projects" link of the main navigation; its label waits for its own strings. */
export function LinkageProjectsNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
