import { useTranslation } from 'react-i18next';
import { useActiveOrg } from '../features/session/active-org.tsx';

/**
 * The "Organisation" select: which organisation org-scoped pages work in. Platform
 * administrators also get the organisations they manage without being members.
 */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const { session, active, otherOrganisations, setActiveOrgId } = useActiveOrg();
  const none = session.memberships.length === 0 && otherOrganisations.length === 0;
  return (
    <div className="field">
      <label className="field__label" htmlFor="org-switcher">
        {t('header.organisation')}
      </label>
      <select
        id="org-switcher"
        className="select select--compact"
        value={active?.organisation.id ?? ''}
        disabled={none}
        onChange={(event) => setActiveOrgId(event.target.value)}
      >
        {none && <option value="">{t('header.noOrganisation')}</option>}
        {session.memberships.map((m) => (
          <option key={m.organisation.id} value={m.organisation.id}>
            {m.organisation.name}
          </option>
        ))}
        {otherOrganisations.length > 0 && (
          <optgroup label={t('header.otherOrganisations')}>
            {otherOrganisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
