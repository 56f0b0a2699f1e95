import { ErrorAlert } from '../components/alert.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { useSettingsTranslation } from '../features/jurisdiction/i18n.ts';
import { ProfileSelectForm } from '../features/jurisdiction/profile-select-form.tsx';
import { ProfileSummary } from '../features/jurisdiction/profile-summary.tsx';
import { ProfileVersionEditor } from '../features/jurisdiction/profile-version-editor.tsx';
import { useJurisdictionProfiles, useNrmSettings } from '../features/jurisdiction/queries.ts';
import { formatDay } from '../features/jurisdiction/format.ts';
import { useActiveOrg, type TActiveOrganisation } from '../features/session/active-org.tsx';
import { TransferPolicySection } from '../features/transfers/transfer-policy.tsx';
import '../features/jurisdiction/jurisdiction.css';

/** `/settings/nrm`: the jurisdiction profile of the active organisation (and, for platform administrators, new profile versions). */
export function NrmSettingsPage() {
  return <RequireOrg>{(active) => <NrmSettings key={active.organisation.id} active={active} />}</RequireOrg>;
}

/**
 * The rules the organisation's new NRM cases follow (decision targets, recovery period, working
 * days), the choice of profile for organisation administrators, and the version editor for
 * platform administrators. Existing cases always keep the profile version they were opened under.
 */
function NrmSettings({ active }: { active: TActiveOrganisation }) {
  const { t, i18n } = useSettingsTranslation();
  const { session } = useActiveOrg();
  const orgId = active.organisation.id;
  const canConfigure = active.permissions.includes('org.configure');
  const isPlatformAdmin = session.user.isPlatformAdmin;
  const settings = useNrmSettings(orgId);
  const profiles = useJurisdictionProfiles();

  if (!canConfigure && !isPlatformAdmin) {
    return (
      <Page title={t('page.title')}>
        <p>{t('page.notAllowed')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('page.title')} intro={t('page.intro', { organisation: active.organisation.name })}>
      <ErrorAlert error={settings.error ?? profiles.error} />
      {(settings.isPending || profiles.isPending) && <p className="muted">{t('common.loading')}</p>}
      {settings.data && (
        <Section id="nrm-current" title={t('page.current')}>
          <ProfileSummary profile={settings.data} />
        </Section>
      )}
      {canConfigure && settings.data && profiles.data && (
        <Section id="nrm-choose" title={t('select.title')}>
          <ProfileSelectForm orgId={orgId} profiles={profiles.data} current={settings.data} />
        </Section>
      )}
      {canConfigure && <TransferPolicySection orgId={orgId} />}
      {profiles.data && (
        <Section id="nrm-profiles" title={t('list.title')}>
          <div className="table-wrap">
            <table className="table table--compact table--stack nrm-profiles">
              <caption className="sr-only">{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.name')}</th>
                  <th scope="col">{t('list.version')}</th>
                  <th scope="col">{t('list.validFrom')}</th>
                  <th scope="col">{t('list.rgTarget')}</th>
                  <th scope="col">{t('list.recoveryDays')}</th>
                  <th scope="col">{t('list.holidays')}</th>
                </tr>
              </thead>
              <tbody>
                {profiles.data.map((p) => (
                  <tr key={p.id} data-profile-id={p.id} data-profile-version={p.version}>
                    <th scope="row">
                      <bdi>{p.name}</bdi>
                      <span className="cell__sub">
                        <code>{p.id}</code>
                        {settings.data?.id === p.id && ` · ${t('list.inUse')}`}
                      </span>
                    </th>
                    <td data-label={t('list.version')}>
                      <bdi dir="ltr">{p.version}</bdi>
                    </td>
                    <td data-label={t('list.validFrom')}>{formatDay(p.validFrom, i18n.language)}</td>
                    <td data-label={t('list.rgTarget')}>{p.reasonableGrounds.targetWorkingDays === null ? t('summary.noTarget') : t('summary.workingDays', { count: p.reasonableGrounds.targetWorkingDays })}</td>
                    <td data-label={t('list.recoveryDays')}>{t('summary.days', { count: p.recoveryPeriod.minDays })}</td>
                    <td data-label={t('list.holidays')}>{p.calendar.holidays.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {isPlatformAdmin && profiles.data && (
        <Section id="nrm-editor" title={t('editor.title')}>
          <ProfileVersionEditor profiles={profiles.data} initialProfileId={settings.data?.id ?? profiles.data[0]?.id ?? ''} />
        </Section>
      )}
    </Page>
  );
}
