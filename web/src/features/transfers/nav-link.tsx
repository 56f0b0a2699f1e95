import { Suspense } from 'react';
import { Link } from '../../router.tsx';
import { useProtectionTranslation } from '../protection/i18n.ts';

function TransfersText() {
  const { t } = useProtectionTranslation();
  return <Link to="/case-transfers">{t('nav.transfers')}</Link>;
}

/** "Transfers" in the main navigation (label in the `protection` namespace, loaded on its own). */
export function TransfersNavLink() {
  return <Suspense fallback={null}><TransfersText /></Suspense>;
}
