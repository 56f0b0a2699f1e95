import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../core/nrm/case-status.ts';
import { ErrorAlert } from '../components/alert.tsx';
import { CheckboxField } from '../components/choice-field.tsx';
import { countryName } from '../components/country.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { ChildBadge, DeadlineText, StatusBadge } from '../features/cases/case-badges.tsx';
import { useCases, type TCaseFilters } from '../features/cases/queries.ts';
import { useDeleteDraft, useReferralDrafts } from '../features/intake/queries.ts';
import { Button } from '../components/button.tsx';
import { NOT_DISPLAYED } from '../i18n/index.ts';
import type { TActiveOrganisation } from '../features/session/active-org.tsx';
import { INTAKE_STEPS, mergeIntakeData } from '../features/intake/intake-data.ts';
import { Link } from '../router.tsx';

/** Name search starts at this many characters (the server's minimum). */
const MIN_QUERY = 2;

export function CasesPage() {
  return <RequireOrg>{(active) => <Cases key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The organisation's cases with filters, the way to start a referral, and the user's saved drafts. */
function Cases({ active }: { active: TActiveOrganisation }) {
  const { t, i18n } = useTranslation();
  const orgId = active.organisation.id;
  const canCreate = active.permissions.includes('case.create');
  const [status, setStatus] = useState<TCaseFilters['status']>('');
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim().length >= MIN_QUERY ? search.trim() : '', 300);
  const cases = useCases(orgId, { status, overdue, q });

  if (!active.permissions.includes('case.read')) {
    return (
      <Page title={t('cases.title')}>
        <p>{t('cases.notAllowed')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('cases.title')} intro={t('cases.intro', { organisation: active.organisation.name })}>
      {canCreate && (
        <p>
          <Link to="/cases/new" className="button button--primary">
            {t('cases.newReferral')}
          </Link>
        </p>
      )}
      {canCreate && <SavedDrafts orgId={orgId} />}
      <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="cases-status"
          label={t('cases.status')}
          placeholder={t('cases.anyStatus')}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value as TCaseFilters['status'])}
        />
        <TextField id="cases-search" label={t('cases.search')} hint={t('cases.searchHint', { min: MIN_QUERY })} type="search" autoComplete="off" value={search} onChange={(e) => setSearch(e.target.value)} />
        <CheckboxField id="cases-overdue" label={t('cases.overdueOnly')} checked={overdue} onChange={setOverdue} />
      </form>
      <ErrorAlert error={cases.error} />
      {cases.isPending && <p className="muted">{t('app.loading')}</p>}
      {cases.data &&
        (cases.data.length === 0 ? (
          <p role="status">{t('cases.empty')}</p>
        ) : (
          <div className="table-wrap" aria-busy={cases.isFetching || undefined}>
            <table className="table table--stack">
              <caption className="sr-only">{t('cases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.reference')}</th>
                  <th scope="col">{t('cases.person')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.nextDeadline')}</th>
                  <th scope="col">{t('cases.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/cases/${c.id}`}>
                        <bdi>{c.reference}</bdi>
                      </Link>
                    </th>
                    <td data-label={t('cases.person')}>
                      {c.displayName ? <bdi>{c.displayName}</bdi> : <span className="muted">{t(c.transfer === 'out' ? 'cases.transferredAway' : 'cases.identityHidden')}</span>}
                      <span className="cell__sub">
                        {[t(`sexes.${c.sex}`), c.ageYears !== null ? t('cases.age', { age: c.ageYears }) : null, c.citizenship ? countryName(c.citizenship, i18n.language) : null]
                          .filter(Boolean)
                          .join(' · ')}{' '}
                        {c.isChild && <ChildBadge />}
                      </span>
                    </td>
                    <td data-label={t('cases.status')}>
                      <StatusBadge status={c.status} />
                    </td>
                    <td data-label={t('cases.nextDeadline')}>{c.nextDeadline ? <DeadlineText {...c.nextDeadline} /> : <span className="muted">{t('cases.noDeadline')}</span>}</td>
                    <td className="cell--nowrap" data-label={t('cases.updated')}>
                      {formatDateTime(c.updatedAt, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Page>
  );
}

/** "Continue a saved referral": the user's own unfinished intakes. */
function SavedDrafts({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const drafts = useReferralDrafts(orgId);
  if (drafts.error) return <ErrorAlert error={drafts.error} />;
  if (!drafts.data || drafts.data.length === 0) return null;
  return (
    <Section id="cases-drafts" title={t('cases.drafts')}>
      <ul className="plain-list">
        {drafts.data.map((draft) => {
          const data = mergeIntakeData(draft.data, i18n.language);
          const name = [data.person.givenName, data.person.familyName].filter((part) => part.trim()).join(' ');
          const step = INTAKE_STEPS[draft.step] ?? 'person';
          return (
            <li key={draft.id}>
              <Link to={`/cases/new?draft=${encodeURIComponent(draft.id)}`}>{name ? t('cases.continueNamed', { name }) : t('cases.continueUnnamed')}</Link>{' '}
              <span className="muted">{t('cases.draftSaved', { time: formatDateTime(draft.updatedAt, i18n.language), step: t(`intake.steps.${step}`) })}</span>{' '}
              <DiscardDraft orgId={orgId} draftId={draft.id} name={name} />
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** Deletes a saved draft after a confirmation (it holds identity: nothing is kept once discarded). */
function DiscardDraft({ orgId, draftId, name }: { orgId: string; draftId: string; name: string }) {
  const { t } = useTranslation();
  const discard = useDeleteDraft(orgId);
  const [confirming, setConfirming] = useState(false);
  const label = name ? t('cases.discardNamed', { name, ...NOT_DISPLAYED }) : t('cases.discard');
  if (!confirming) {
    return (
      <Button variant="link" aria-label={label} onClick={() => setConfirming(true)}>
        {t('cases.discard')}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span className="confirm__text">{t('cases.discardQuestion')}</span>{' '}
      <Button variant="danger" autoFocus busy={discard.isPending} onClick={() => discard.mutate(draftId)}>
        {t('cases.discardConfirm')}
      </Button>{' '}
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        {t('casePage.cancel')}
      </Button>
      <ErrorAlert error={discard.error} />
    </span>
  );
}

/** The value once it has stopped changing for `ms` (typing in the search box sends one request). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
