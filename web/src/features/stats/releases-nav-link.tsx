import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useStatsTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useStatsTranslation();
  return <Link to="/statistics/releases">{t('nav.releases')}</Link>;
}

/** The "Releases" link of the main navigation (label from the lazily loaded `stats` strings). */
export function ReleasesNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
