import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useProtectionTranslation } from './i18n.ts';

function ServicesText() {
  const { t } = useProtectionTranslation();
  return <Link to="/services">{t('nav.services')}</Link>;
}
function ReferralsText() {
  const { t } = useProtectionTranslation();
  return <Link to="/service-referrals">{t('nav.referrals')}</Link>;
}

/** "Services" in the main navigation (label in the `protection` namespace, loaded on its own). */
export function ServicesNavLink() {
  return <Suspense fallback={null}><ServicesText /></Suspense>;
}

/** "Referrals" (the inboxes) in the main navigation. */
export function ReferralsNavLink() {
  return <Suspense fallback={null}><ReferralsText /></Suspense>;
}
