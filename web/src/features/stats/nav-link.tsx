import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useStatsTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useStatsTranslation();
  return <Link to="/statistics">{t('nav.statistics')}</Link>;
}

/**
 * The "Statistics" link of the main navigation. Its label is in the `stats` namespace, fetched
 * when the link first shows (only for people with `stats.read`), so it waits for those strings
 * on its own instead of holding up the whole header.
 */
export function StatisticsNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
