import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/page.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { PopulationImportForm } from './population-import-form.tsx';
import { PopulationDenominatorsTable, PopulationImportsTable } from './population-tables.tsx';

/**
 * `/settings/populations`: the population denominators behind rates per 100,000 (SDG 16.2.2).
 * They are deployment-wide public statistics, so only platform administrators import them;
 * anyone who reads statistics in an organisation sees what is stored and where it came from.
 */
export function PopulationsPage() {
  const { t } = useTranslation();
  const { session, can } = useActiveOrg();
  const isPlatformAdmin = session.user.isPlatformAdmin;
  if (!isPlatformAdmin && !can('stats.read')) {
    return (
      <Page title={t('populations.page.title')}>
        <p>{t('populations.page.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('populations.page.title')} intro={t('populations.page.intro')}>
      {isPlatformAdmin && (
        <Section id="population-import" title={t('populations.import.title')}>
          <PopulationImportForm />
        </Section>
      )}
      <Section id="population-stored" title={t('populations.table.title')}>
        <PopulationDenominatorsTable />
      </Section>
      <Section id="population-runs" title={t('populations.runs.title')}>
        <PopulationImportsTable />
      </Section>
    </Page>
  );
}
