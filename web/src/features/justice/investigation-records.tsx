import { countryName, useCountryOptions } from '../../components/country.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { ActionForm } from './action-form.tsx';
import { formatDay, formatMoney, todayIso } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { useJusticeOptions } from './options.ts';
import { useInvestigationCommand } from './queries.ts';
import type { TJusticeStatus } from './status.ts';
import { ToggleForm } from './toggle-form.tsx';
import type { TConfiscationKind, TCooperationKind, TCooperationStatus, TInvestigationDetail, TParticipation, TVictimRole } from './types.ts';
import { useJusticeValidators } from './validate.ts';

type TPanelProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
};

type TFormProps = TPanelProps & { onDone: (status: TJusticeStatus) => void; onCancel: () => void };

/** Mutual legal assistance, extradition and joint-investigation-team requests, with their answers. */
export function CooperationPanel({ orgId, investigation }: TPanelProps) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const requests = investigation.cooperationRequests;
  return (
    <>
      {requests.length === 0 ? (
        <p>{t('cooperation.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t('cooperation.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cooperation.kind')}</th>
                <th scope="col">{t('cooperation.country')}</th>
                <th scope="col">{t('cooperation.sentOn')}</th>
                <th scope="col">{t('cooperation.status')}</th>
                <th scope="col">{t('cooperation.respondedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{t(`cooperationKinds.${r.kind}`)}</th>
                  <td data-label={t('cooperation.country')}>{countryName(r.country, lang)}</td>
                  <td className="cell--nowrap" data-label={t('cooperation.sentOn')}>
                    {formatDay(r.sentOn, lang)}
                  </td>
                  <td data-label={t('cooperation.status')}>{t(`cooperationStatuses.${r.status}`)}</td>
                  <td className="cell--nowrap" data-label={t('cooperation.respondedOn')}>
                    {r.respondedOn ? formatDay(r.respondedOn, lang) : <span className="muted">{t('common.none')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {investigation.abilities['investigation.manage'] && (
        <div className="justice-actions">
          <ToggleForm label={t('cooperation.add')}>
            {({ done, cancel }) => <CooperationForm orgId={orgId} investigation={investigation} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </>
  );
}

type TCooperationField = 'kind' | 'country' | 'sentOn' | 'status' | 'respondedOn';

function CooperationForm({ orgId, investigation, onDone, onCancel }: TFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const countries = useCountryOptions();
  const add = useInvestigationCommand(orgId, investigation.id, { kind: 'investigation', id: investigation.id, action: 'cooperation-requests' });
  const form = useForm<TCooperationField>({
    initial: { kind: '', country: '', sentOn: todayIso(), status: 'pending', respondedOn: '' },
    issuePaths: { kind: 'kind', country: 'country', sentOn: 'sentOn', status: 'status', respondedOn: 'respondedOn' },
  });
  const { values, bind } = form;
  const answered = values.status !== 'pending';

  function handleSubmit() {
    add.reset();
    const ok = form.check({
      kind: validate.required(values.kind),
      country: validate.required(values.country),
      sentOn: validate.day(values.sentOn),
      respondedOn: answered ? validate.optionalDay(values.respondedOn) : undefined,
    });
    if (!ok) return;
    const kind = values.kind as TCooperationKind;
    add.mutate(
      { kind, country: values.country, sentOn: values.sentOn, status: values.status as TCooperationStatus, respondedOn: answered && values.respondedOn ? values.respondedOn : null },
      { onSuccess: () => onDone((tr) => tr('cooperation.added', { kind: tr(`cooperationKinds.${kind}`) })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('cooperation.add')} mutation={add} submitLabel={t('cooperation.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <SelectField id="cooperation-kind" label={t('cooperation.kind')} placeholder={t('common.choose')} options={choices.cooperationKinds} {...bind('kind')} />
      <SelectField id="cooperation-country" label={t('cooperation.country')} placeholder={t('common.choose')} options={countries} {...bind('country')} />
      <TextField id="cooperation-sent-on" label={t('cooperation.sentOn')} type="date" className="input--short" {...bind('sentOn')} />
      <SelectField id="cooperation-status" label={t('cooperation.status')} options={choices.cooperationStatuses} {...bind('status')} />
      {answered && <TextField id="cooperation-responded-on" label={t('cooperation.respondedOn')} type="date" className="input--short" {...bind('respondedOn')} />}
    </ActionForm>
  );
}

/** Asset freezes and confiscation orders, with amounts. */
export function ConfiscationsPanel({ orgId, investigation }: TPanelProps) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const items = investigation.confiscations;
  return (
    <>
      {items.length === 0 ? (
        <p>{t('confiscations.empty')}</p>
      ) : (
        <ul className="plain-list justice-list">
          {items.map((c) => (
            <li key={c.id}>
              {t('confiscations.item', { kind: t(`confiscationKinds.${c.kind}`), amount: formatMoney(c.amount, c.currency, lang), date: formatDay(c.orderedOn, lang) })}
            </li>
          ))}
        </ul>
      )}
      {investigation.abilities['prosecution.manage'] && (
        <div className="justice-actions">
          <ToggleForm label={t('confiscations.add')}>
            {({ done, cancel }) => <ConfiscationForm orgId={orgId} investigation={investigation} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </>
  );
}

type TConfiscationField = 'suspectId' | 'kind' | 'amount' | 'currency' | 'orderedOn';

function ConfiscationForm({ orgId, investigation, onDone, onCancel }: TFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const record = useInvestigationCommand(orgId, investigation.id, { kind: 'investigation', id: investigation.id, action: 'confiscations' });
  const form = useForm<TConfiscationField>({
    initial: { suspectId: '', kind: '', amount: '', currency: 'EUR', orderedOn: todayIso() },
    issuePaths: { suspectId: 'suspectId', kind: 'kind', amount: 'amount', currency: 'currency', orderedOn: 'orderedOn' },
  });
  const { values, bind } = form;

  function handleSubmit() {
    record.reset();
    const ok = form.check({
      kind: validate.required(values.kind),
      amount: validate.amount(values.amount),
      currency: validate.currency(values.currency.toUpperCase()),
      orderedOn: validate.day(values.orderedOn),
    });
    if (!ok) return;
    const kind = values.kind as TConfiscationKind;
    record.mutate(
      { suspectId: values.suspectId || null, kind, amount: Number(values.amount), currency: values.currency.trim().toUpperCase(), orderedOn: values.orderedOn },
      { onSuccess: () => onDone((tr) => tr('confiscations.added', { kind: tr(`confiscationKinds.${kind}`) })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('confiscations.add')} mutation={record} submitLabel={t('confiscations.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <SelectField id="confiscation-kind" label={t('confiscations.kind')} placeholder={t('common.choose')} options={choices.confiscationKinds} {...bind('kind')} />
      <SelectField
        id="confiscation-suspect"
        label={
          <>
            {t('confiscations.suspect')} <span className="field__optional">{t('common.optional')}</span>
          </>
        }
        placeholder={t('confiscations.noSuspect')}
        options={investigation.suspects.map((s, index) => ({ value: s.id, label: s.displayName ?? t('suspects.numbered', { number: index + 1 }) }))}
        {...bind('suspectId')}
      />
      <div className="justice-money">
        <TextField id="confiscation-amount" label={t('common.amount')} inputMode="decimal" className="input--short" dir="ltr" {...bind('amount')} />
        <TextField id="confiscation-currency" label={t('common.currency')} hint={t('common.currencyHint')} className="input--short" dir="ltr" autoCapitalize="characters" maxLength={3} {...bind('currency')} />
      </div>
      <TextField id="confiscation-ordered-on" label={t('confiscations.orderedOn')} type="date" className="input--short" {...bind('orderedOn')} />
    </ActionForm>
  );
}

/**
 * Victims' NRM cases linked to the investigation, on a need-to-know basis: a role, whom to contact
 * (the support worker) and whether the person took part, never the case file. Participation is
 * information only: assistance never depends on it. Those who decide on charges see the
 * non-punishment flag from the victim's case.
 */
export function VictimsPanel({ orgId, investigation }: TPanelProps) {
  const { t } = useJusticeTranslation();
  const { session } = useActiveOrg();
  const links = investigation.victimLinks;
  const showNonPunishment = investigation.abilities['prosecution.manage'];
  // Linking needs to see the victim's case (case.read where it is held); others are not offered a form the server would refuse.
  const caseOrganisations = session.memberships.filter((m) => m.permissions.includes('case.read')).map((m) => m.organisation);
  return (
    <>
      <p className="justice-note">{t('victims.participationNote')}</p>
      {links.length === 0 ? (
        <p>{t('victims.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="sr-only">{t('victims.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('victims.victim')}</th>
                <th scope="col">{t('victims.role')}</th>
                <th scope="col">{t('victims.supportContact')}</th>
                <th scope="col">{t('victims.participation')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link, index) => (
                <tr key={link.id}>
                  <th scope="row">
                    {t('victims.numbered', { number: index + 1 })}
                    {showNonPunishment && link.nonPunishmentFlag === true && (
                      <span className="cell__sub">
                        <span className="tag tag--progress">{t('victims.nonPunishment')}</span>
                      </span>
                    )}
                  </th>
                  <td data-label={t('victims.role')}>{t(`victimRoles.${link.role}`)}</td>
                  <td data-label={t('victims.supportContact')}>
                    <bdi>{link.supportContact}</bdi>
                  </td>
                  <td data-label={t('victims.participation')}>{t(`participation.${link.participation}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {investigation.abilities['investigation.manage'] && caseOrganisations.length > 0 && (
        <div className="justice-actions">
          <ToggleForm label={t('victims.link')}>
            {({ done, cancel }) => <LinkVictimForm orgId={orgId} investigation={investigation} caseOrganisations={caseOrganisations} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </>
  );
}

type TVictimField = 'caseOrgId' | 'caseId' | 'role' | 'supportContact' | 'participation';

function LinkVictimForm({ orgId, investigation, caseOrganisations, onDone, onCancel }: TFormProps & { caseOrganisations: { id: string; name: string }[] }) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const link = useInvestigationCommand(orgId, investigation.id, { kind: 'investigation', id: investigation.id, action: 'victim-links' });
  const form = useForm<TVictimField>({
    initial: { caseOrgId: caseOrganisations.some((o) => o.id === orgId) ? orgId : '', caseId: '', role: '', supportContact: '', participation: 'none' },
    issuePaths: { caseOrgId: 'caseOrgId', caseId: 'caseId', role: 'role', supportContact: 'supportContact', participation: 'participation' },
  });
  const { values, bind } = form;

  function handleSubmit() {
    link.reset();
    const ok = form.check({
      caseOrgId: validate.required(values.caseOrgId),
      caseId: validate.required(values.caseId),
      role: validate.required(values.role),
      supportContact: validate.required(values.supportContact),
    });
    if (!ok) return;
    link.mutate(
      {
        caseOrgId: values.caseOrgId,
        caseId: values.caseId.trim(),
        role: values.role as TVictimRole,
        supportContact: values.supportContact.trim(),
        participation: values.participation as TParticipation,
      },
      { onSuccess: () => onDone((tr) => tr('victims.linked')), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('victims.link')} mutation={link} submitLabel={t('victims.linkSubmit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <p className="form__intro">{t('victims.linkIntro')}</p>
      <SelectField id="victim-case-org" label={t('victims.caseOrganisation')} placeholder={t('common.choose')} options={caseOrganisations.map((o) => ({ value: o.id, label: o.name }))} {...bind('caseOrgId')} />
      <TextField id="victim-case-id" label={t('victims.caseId')} hint={t('victims.caseIdHint')} autoComplete="off" spellCheck={false} dir="ltr" {...bind('caseId')} />
      <SelectField id="victim-role" label={t('victims.role')} placeholder={t('common.choose')} options={choices.victimRoles} {...bind('role')} />
      <TextField id="victim-support-contact" label={t('victims.supportContact')} hint={t('victims.supportContactHint')} autoComplete="off" {...bind('supportContact')} />
      <SelectField id="victim-participation" label={t('victims.participation')} hint={t('victims.participationNote')} options={choices.participation} {...bind('participation')} />
    </ActionForm>
  );
}
