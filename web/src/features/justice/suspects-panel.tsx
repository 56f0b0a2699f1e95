import { countryName } from '../../components/country.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { OutcomeTag } from './badges.tsx';
import { formatCount, formatDay, formatMoney } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { ageBandLabel } from './options.ts';
import { AddSuspectForm, ChargeForm, CompensationForm, DecisionForm, ProsecutionForm, SentenceForm } from './suspect-forms.tsx';
import { ToggleForm } from './toggle-form.tsx';
import type { TCharge, TInvestigationDetail, TSentence, TSuspect } from './types.ts';

type TSuspectsPanelProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
};

/**
 * The suspects of the investigation, each with their charges (and the court's decisions on each),
 * prosecutions and sentences. Recording buttons appear only where the server's `abilities` allow:
 * suspects for those who manage the investigation, prosecution steps for those who manage the prosecution.
 */
export function SuspectsPanel({ orgId, investigation }: TSuspectsPanelProps) {
  const { t } = useJusticeTranslation();
  return (
    <>
      {investigation.suspects.length === 0 ? (
        <p>{t('suspects.empty')}</p>
      ) : (
        investigation.suspects.map((suspect, index) => (
          <SuspectRecord key={suspect.id} orgId={orgId} investigation={investigation} suspect={suspect} label={suspect.displayName ?? t('suspects.numbered', { number: index + 1 })} />
        ))
      )}
      {investigation.abilities['investigation.manage'] && (
        <div className="justice-actions">
          <ToggleForm label={t('suspects.add')}>
            {({ done, cancel }) => <AddSuspectForm orgId={orgId} investigation={investigation} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </>
  );
}

type TSuspectRecordProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
  /** The suspect the record or form is about. */
  suspect: TSuspect;
  /** The suspect's name, or "Suspect 2" for viewers who may not read names. */
  label: string;
};

function SuspectRecord({ orgId, investigation, suspect, label }: TSuspectRecordProps) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const canProsecute = investigation.abilities['prosecution.manage'];
  const headingId = `suspect-${suspect.id}`;
  const facts = [
    t(`suspectRoles.${suspect.role}`),
    t(`sexes.${suspect.sex}`),
    suspect.ageBand ? t('suspects.aged', { band: ageBandLabel(suspect.ageBand) }) : null,
    suspect.citizenship ? countryName(suspect.citizenship, lang) : null,
    t('suspects.identifiedOnDate', { date: formatDay(suspect.identifiedOn, lang) }),
  ].filter(Boolean);
  const common = { orgId, investigation, suspect, suspectLabel: label };

  return (
    <article className="justice-suspect" aria-labelledby={headingId}>
      <h3 className="justice-suspect__name" id={headingId}>
        {suspect.displayName ? <bdi>{suspect.displayName}</bdi> : label}
      </h3>
      <p className="muted">{facts.join(' · ')}</p>

      <h4 className="justice-suspect__part">{t('charges.title')}</h4>
      {suspect.charges.length === 0 ? (
        <p className="muted">{t('charges.empty')}</p>
      ) : (
        <ul className="plain-list justice-list">
          {suspect.charges.map((charge) => (
            <ChargeItem key={charge.id} orgId={orgId} investigation={investigation} charge={charge} suspectLabel={label} canRecord={canProsecute} />
          ))}
        </ul>
      )}

      <h4 className="justice-suspect__part">{t('prosecutions.title')}</h4>
      {suspect.prosecutions.length === 0 ? (
        <p className="muted">{t('prosecutions.empty')}</p>
      ) : (
        <ul className="plain-list justice-list">
          {suspect.prosecutions.map((p) => (
            <li key={p.id}>{t('prosecutions.item', { court: p.court, date: formatDay(p.startedOn, lang) })}</li>
          ))}
        </ul>
      )}

      <h4 className="justice-suspect__part">{t('sentences.title')}</h4>
      {suspect.sentences.length === 0 ? (
        <p className="muted">{t('sentences.empty')}</p>
      ) : (
        <ul className="plain-list justice-list">
          {suspect.sentences.map((s) => (
            <li key={s.id}>
              <SentenceText sentence={s} />
            </li>
          ))}
        </ul>
      )}

      {suspect.compensationOrders.length > 0 && (
        <>
          <h4 className="justice-suspect__part">{t('compensation.title')}</h4>
          <ul className="plain-list justice-list">
            {suspect.compensationOrders.map((order) => (
              <li key={order.id}>{`${formatMoney(order.amount, order.currency, i18n.language)} · ${formatDay(order.orderedOn, i18n.language)}`}</li>
            ))}
          </ul>
        </>
      )}

      {canProsecute && (
        <div className="justice-actions" role="group" aria-label={t('suspects.actionsFor', { name: label, ...NOT_DISPLAYED })}>
          <ToggleForm label={t('charges.add')} ariaLabel={t('charges.addFor', { name: label, ...NOT_DISPLAYED })}>
            {({ done, cancel }) => <ChargeForm {...common} onDone={done} onCancel={cancel} />}
          </ToggleForm>
          <ToggleForm label={t('prosecutions.add')} ariaLabel={t('prosecutions.addFor', { name: label, ...NOT_DISPLAYED })}>
            {({ done, cancel }) => <ProsecutionForm {...common} onDone={done} onCancel={cancel} />}
          </ToggleForm>
          <ToggleForm label={t('sentences.add')} ariaLabel={t('sentences.addFor', { name: label, ...NOT_DISPLAYED })}>
            {({ done, cancel }) => <SentenceForm {...common} onDone={done} onCancel={cancel} />}
          </ToggleForm>
          <ToggleForm label={t('compensation.add')} ariaLabel={t('compensation.addFor', { name: label, ...NOT_DISPLAYED })}>
            {({ done, cancel }) => <CompensationForm {...common} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </article>
  );
}

type TChargeItemProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
  /** The charge whose decisions are listed. */
  charge: TCharge;
  /** How the suspect is named on the page (for labels and confirmations). */
  suspectLabel: string;
  /** From `abilities['prosecution.manage']`: shows the court-decision form. */
  canRecord: boolean;
};

/** One charge: its category and offence, then the court's decisions in order (the last one stands). */
function ChargeItem({ orgId, investigation, charge, suspectLabel, canRecord }: TChargeItemProps) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const chargeLabel = t('charges.label', { offence: charge.offenceCode, name: suspectLabel, ...NOT_DISPLAYED });
  return (
    <li className="justice-charge">
      <p className="justice-charge__head">
        <span className={charge.offenceCategory === 'trafficking' ? 'tag tag--negative' : 'tag tag--neutral'}>{t(`offenceCategories.${charge.offenceCategory}`)}</span>{' '}
        <bdi className="justice-charge__code">{charge.offenceCode}</bdi>{' '}
        <span className="muted">{t('charges.chargedOnDate', { date: formatDay(charge.chargedOn, lang) })}</span>
      </p>
      {charge.decisions.length === 0 ? (
        <p className="muted">{t('decision.none')}</p>
      ) : (
        <ol className="justice-decisions" aria-label={t('decision.listFor', { charge: chargeLabel, ...NOT_DISPLAYED })}>
          {charge.decisions.map((d) => (
            <li key={d.id}>
              <OutcomeTag outcome={d.outcome} isAppeal={d.isAppeal} /> <span className="muted">{formatDay(d.decidedOn, lang)}</span>
            </li>
          ))}
        </ol>
      )}
      {canRecord && (
        <ToggleForm label={t('decision.add')} ariaLabel={t('decision.addFor', { charge: chargeLabel, ...NOT_DISPLAYED })}>
          {({ done, cancel }) => <DecisionForm orgId={orgId} investigation={investigation} charge={charge} chargeLabel={chargeLabel} onDone={done} onCancel={cancel} />}
        </ToggleForm>
      )}
    </li>
  );
}

/** "24 months in custody (suspended) · fine €1,500.00 · community service · 3 May 2026". */
function SentenceText({ sentence: s }: { sentence: TSentence }) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  const parts: string[] = [];
  if (s.custodialMonths !== null) {
    const months = formatCount(s.custodialMonths, lang);
    parts.push(s.isSuspended ? t('sentences.custodySuspended', { count: s.custodialMonths, months }) : t('sentences.custody', { count: s.custodialMonths, months }));
  }
  if (s.fineAmount !== null && s.fineCurrency) parts.push(t('sentences.fine', { amount: formatMoney(s.fineAmount, s.fineCurrency, lang) }));
  if (s.otherMeasure) parts.push(s.otherMeasure);
  parts.push(formatDay(s.sentencedOn, lang));
  return <>{parts.join(' · ')}</>;
}
