import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useProgrammesTranslation } from './i18n.ts';

function NavLinkText() {
  const { t } = useProgrammesTranslation();
  return <Link to="/programmes">{t('nav.programmes')}</Link>;
}

/** The "Programmes" link of the main navigation; its label loads with the `programmes` strings. */
export function ProgrammesNavLink() {
  return (
    <Suspense fallback={null}>
      <NavLinkText />
    </Suspense>
  );
}
