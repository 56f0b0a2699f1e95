import { useState } from 'react';
import { CheckboxField, RadioGroup } from '../../components/choice-field.tsx';
import { useCountryOptions } from '../../components/country.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { ActionForm } from './action-form.tsx';
import { todayIso } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { useJusticeOptions } from './options.ts';
import { useInvestigationCommand } from './queries.ts';
import type { TJusticeStatus } from './status.ts';
import type { TCharge, TCourtOutcome, TInvestigationDetail, TOffenceCategory, TSex, TSuspect, TSuspectRole } from './types.ts';
import { useJusticeValidators } from './validate.ts';

/**
 * The forms that record a suspect and the steps of their prosecution: charge, prosecution, court
 * decision (appeals included), sentence and compensation order. Each one answers with the whole
 * investigation file, which replaces the page's copy.
 */

type TStepFormProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
  /** Called with the confirmation after the request succeeded. */
  onDone: (status: TJusticeStatus) => void;
  /** Closes the form without saving. */
  onCancel: () => void;
};

type TSuspectFormProps = TStepFormProps & {
  /** The suspect the record or form is about. */
  suspect: TSuspect;
  /** How the suspect is named on the page ("Ivan Petrov", or "Suspect 2" when names are hidden). */
  suspectLabel: string;
};

/** An optional label: the text plus "(optional)". */
function Optional({ text }: { text: string }) {
  const { t } = useJusticeTranslation();
  return (
    <>
      {text} <span className="field__optional">{t('common.optional')}</span>
    </>
  );
}

type TSuspectField = 'givenName' | 'familyName' | 'dateOfBirth' | 'documentNumber' | 'role' | 'sex' | 'ageBand' | 'citizenship' | 'identifiedOn';
const SUSPECT_PATHS = {
  'identity.givenName': 'givenName',
  'identity.familyName': 'familyName',
  'identity.dateOfBirth': 'dateOfBirth',
  'identity.documentNumbers': 'documentNumber',
  'identity.documentNumbers.0': 'documentNumber',
  role: 'role',
  sex: 'sex',
  ageBand: 'ageBand',
  citizenship: 'citizenship',
  identifiedOn: 'identifiedOn',
} as const satisfies Record<string, TSuspectField>;

/** Adds a suspect. The identity is encrypted by the server and never shown to service providers. */
export function AddSuspectForm({ orgId, investigation, onDone, onCancel }: TStepFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const countries = useCountryOptions();
  const add = useInvestigationCommand(orgId, investigation.id, { kind: 'investigation', id: investigation.id, action: 'suspects' });
  const form = useForm<TSuspectField>({
    initial: { givenName: '', familyName: '', dateOfBirth: '', documentNumber: '', role: '', sex: 'not_known', ageBand: '', citizenship: '', identifiedOn: todayIso() },
    issuePaths: SUSPECT_PATHS,
  });
  const { values, bind } = form;

  function handleSubmit() {
    add.reset();
    const ok = form.check({
      role: validate.required(values.role),
      sex: validate.required(values.sex),
      dateOfBirth: validate.optionalDay(values.dateOfBirth),
      identifiedOn: validate.day(values.identifiedOn),
    });
    if (!ok) return;
    const identity = {
      ...(values.givenName.trim() ? { givenName: values.givenName.trim() } : {}),
      ...(values.familyName.trim() ? { familyName: values.familyName.trim() } : {}),
      ...(values.dateOfBirth ? { dateOfBirth: values.dateOfBirth } : {}),
      ...(values.documentNumber.trim() ? { documentNumbers: [values.documentNumber.trim()] } : {}),
    };
    const name = [identity.givenName, identity.familyName].filter(Boolean).join(' ');
    add.mutate(
      {
        identity,
        role: values.role as TSuspectRole,
        sex: values.sex as TSex,
        ageBand: values.ageBand || null,
        citizenship: values.citizenship || null,
        identifiedOn: values.identifiedOn,
      },
      { onSuccess: () => onDone((tr) => (name ? tr('suspects.added', { name }) : tr('suspects.addedUnnamed'))), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('suspects.add')} mutation={add} submitLabel={t('suspects.addSubmit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <p className="form__intro">{t('suspects.identityNote')}</p>
      <TextField id="suspect-given-name" label={<Optional text={t('suspects.givenName')} />} autoComplete="off" {...bind('givenName')} />
      <TextField id="suspect-family-name" label={<Optional text={t('suspects.familyName')} />} autoComplete="off" {...bind('familyName')} />
      <TextField id="suspect-date-of-birth" label={<Optional text={t('suspects.dateOfBirth')} />} type="date" className="input--short" {...bind('dateOfBirth')} />
      <TextField id="suspect-document" label={<Optional text={t('suspects.documentNumber')} />} autoComplete="off" spellCheck={false} dir="ltr" {...bind('documentNumber')} />
      <SelectField id="suspect-role" label={t('suspects.role')} placeholder={t('common.choose')} options={choices.suspectRoles} {...bind('role')} />
      <RadioGroup id="suspect-sex" legend={t('suspects.sex')} layout="inline" options={choices.sexes} value={values.sex} error={form.errors.sex} onChange={(v) => form.setValue('sex', v)} />
      <SelectField id="suspect-age-band" label={t('suspects.ageBand')} placeholder={t('common.notKnown')} options={choices.ageBands} dir="ltr" {...bind('ageBand')} />
      <SelectField id="suspect-citizenship" label={t('suspects.citizenship')} placeholder={t('common.notKnown')} options={countries} {...bind('citizenship')} />
      <TextField id="suspect-identified-on" label={t('suspects.identifiedOn')} hint={t('suspects.identifiedOnHint')} type="date" className="input--short" {...bind('identifiedOn')} />
    </ActionForm>
  );
}

type TChargeField = 'offenceCategory' | 'offenceCode' | 'chargedOn';

/** Charges a suspect. The category keeps "convicted of a lesser offence" apart from acquittal in the funnel. */
export function ChargeForm({ orgId, investigation, suspect, suspectLabel, onDone, onCancel }: TSuspectFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const file = useInvestigationCommand(orgId, investigation.id, { kind: 'suspect', id: suspect.id, action: 'charges' });
  const form = useForm<TChargeField>({
    initial: { offenceCategory: '', offenceCode: '', chargedOn: todayIso() },
    issuePaths: { offenceCategory: 'offenceCategory', offenceCode: 'offenceCode', chargedOn: 'chargedOn' },
  });
  const { values, bind } = form;
  const id = `charge-${suspect.id}`;

  function handleSubmit() {
    file.reset();
    if (!form.check({ offenceCategory: validate.required(values.offenceCategory), offenceCode: validate.required(values.offenceCode), chargedOn: validate.day(values.chargedOn) })) return;
    file.mutate(
      { offenceCategory: values.offenceCategory as TOffenceCategory, offenceCode: values.offenceCode.trim(), chargedOn: values.chargedOn },
      { onSuccess: () => onDone((tr) => tr('charges.added', { name: suspectLabel })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('charges.addFor', { name: suspectLabel })} mutation={file} submitLabel={t('charges.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <RadioGroup
        id={`${id}-category`}
        legend={t('charges.category')}
        options={choices.offenceCategories}
        value={values.offenceCategory}
        error={form.errors.offenceCategory}
        onChange={(v) => form.setValue('offenceCategory', v)}
      />
      <TextField id={`${id}-code`} label={t('charges.offenceCode')} hint={t('charges.offenceCodeHint')} autoComplete="off" dir="auto" {...bind('offenceCode')} />
      <TextField id={`${id}-on`} label={t('charges.chargedOn')} type="date" className="input--short" {...bind('chargedOn')} />
    </ActionForm>
  );
}

type TProsecutionField = 'court' | 'startedOn';

/** Starts a prosecution of a suspect before a court. */
export function ProsecutionForm({ orgId, investigation, suspect, suspectLabel, onDone, onCancel }: TSuspectFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const start = useInvestigationCommand(orgId, investigation.id, { kind: 'suspect', id: suspect.id, action: 'prosecutions' });
  const form = useForm<TProsecutionField>({ initial: { court: '', startedOn: todayIso() }, issuePaths: { court: 'court', startedOn: 'startedOn' } });
  const { values, bind } = form;
  const id = `prosecution-${suspect.id}`;

  function handleSubmit() {
    start.reset();
    if (!form.check({ court: validate.required(values.court), startedOn: validate.day(values.startedOn) })) return;
    start.mutate(
      { court: values.court.trim(), startedOn: values.startedOn },
      { onSuccess: () => onDone((tr) => tr('prosecutions.added', { name: suspectLabel })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('prosecutions.addFor', { name: suspectLabel })} mutation={start} submitLabel={t('prosecutions.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <TextField id={`${id}-court`} label={t('prosecutions.court')} autoComplete="off" {...bind('court')} />
      <TextField id={`${id}-on`} label={t('prosecutions.startedOn')} type="date" className="input--short" {...bind('startedOn')} />
    </ActionForm>
  );
}

type TDecisionField = 'outcome' | 'decidedOn';

/** Records a court decision on one charge; an appeal's decision becomes the charge's outcome. */
export function DecisionForm({ orgId, investigation, charge, chargeLabel, onDone, onCancel }: TStepFormProps & { charge: TCharge; chargeLabel: string }) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const record = useInvestigationCommand(orgId, investigation.id, { kind: 'charge', id: charge.id, action: 'decisions' });
  const form = useForm<TDecisionField>({ initial: { outcome: '', decidedOn: todayIso() }, issuePaths: { outcome: 'outcome', decidedOn: 'decidedOn' } });
  // A decision after an earlier one is most often the appeal.
  const [isAppeal, setIsAppeal] = useState(charge.decisions.some((d) => d.outcome !== 'pending'));
  const { values, bind } = form;
  const id = `decision-${charge.id}`;

  function handleSubmit() {
    record.reset();
    if (!form.check({ outcome: validate.required(values.outcome), decidedOn: validate.day(values.decidedOn) })) return;
    const outcome = values.outcome as TCourtOutcome;
    record.mutate(
      { outcome, isAppeal, decidedOn: values.decidedOn },
      { onSuccess: () => onDone((tr) => tr('decision.added', { charge: chargeLabel, outcome: tr(`courtOutcomes.${outcome}`) })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('decision.addFor', { charge: chargeLabel })} mutation={record} submitLabel={t('decision.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <SelectField id={`${id}-outcome`} label={t('decision.outcome')} placeholder={t('common.choose')} options={choices.courtOutcomes} {...bind('outcome')} />
      <CheckboxField id={`${id}-appeal`} label={t('decision.isAppeal')} hint={t('decision.isAppealHint')} checked={isAppeal} onChange={setIsAppeal} />
      <TextField id={`${id}-on`} label={t('decision.decidedOn')} type="date" className="input--short" {...bind('decidedOn')} />
    </ActionForm>
  );
}

type TSentenceField = 'custodialMonths' | 'fineAmount' | 'fineCurrency' | 'otherMeasure' | 'sentencedOn';

/** Records a sentence: custody (months, suspended or not), a fine, another measure, or several. */
export function SentenceForm({ orgId, investigation, suspect, suspectLabel, onDone, onCancel }: TSuspectFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const record = useInvestigationCommand(orgId, investigation.id, { kind: 'suspect', id: suspect.id, action: 'sentences' });
  const form = useForm<TSentenceField>({
    initial: { custodialMonths: '', fineAmount: '', fineCurrency: 'EUR', otherMeasure: '', sentencedOn: todayIso() },
    issuePaths: { custodialMonths: 'custodialMonths', fineAmount: 'fineAmount', fineCurrency: 'fineCurrency', otherMeasure: 'otherMeasure', sentencedOn: 'sentencedOn' },
  });
  const [isSuspended, setIsSuspended] = useState(false);
  const { values, bind } = form;
  const id = `sentence-${suspect.id}`;
  const hasFine = values.fineAmount.trim() !== '';

  function handleSubmit() {
    record.reset();
    const nothing = !values.custodialMonths.trim() && !hasFine && !values.otherMeasure.trim();
    const ok = form.check({
      custodialMonths: nothing ? t('sentences.nothing') : values.custodialMonths.trim() ? validate.months(values.custodialMonths) : undefined,
      fineAmount: hasFine ? validate.amount(values.fineAmount) : undefined,
      fineCurrency: hasFine ? validate.currency(values.fineCurrency.toUpperCase()) : undefined,
      sentencedOn: validate.day(values.sentencedOn),
    });
    if (!ok) return;
    record.mutate(
      {
        custodialMonths: values.custodialMonths.trim() ? Number(values.custodialMonths) : null,
        isSuspended,
        fineAmount: hasFine ? Number(values.fineAmount) : null,
        fineCurrency: hasFine ? values.fineCurrency.trim().toUpperCase() : null,
        otherMeasure: values.otherMeasure.trim() || null,
        sentencedOn: values.sentencedOn,
      },
      { onSuccess: () => onDone((tr) => tr('sentences.added', { name: suspectLabel })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('sentences.addFor', { name: suspectLabel })} mutation={record} submitLabel={t('sentences.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <p className="form__intro">{t('sentences.intro')}</p>
      <TextField id={`${id}-months`} label={<Optional text={t('sentences.custodialMonths')} />} inputMode="numeric" className="input--short" dir="ltr" {...bind('custodialMonths')} />
      <CheckboxField id={`${id}-suspended`} label={t('sentences.isSuspended')} checked={isSuspended} onChange={setIsSuspended} />
      <div className="justice-money">
        <TextField id={`${id}-fine`} label={<Optional text={t('sentences.fineAmount')} />} inputMode="decimal" className="input--short" dir="ltr" {...bind('fineAmount')} />
        <TextField id={`${id}-currency`} label={t('common.currency')} hint={t('common.currencyHint')} className="input--short" dir="ltr" autoCapitalize="characters" maxLength={3} {...bind('fineCurrency')} />
      </div>
      <TextField id={`${id}-other`} label={<Optional text={t('sentences.otherMeasure')} />} autoComplete="off" {...bind('otherMeasure')} />
      <TextField id={`${id}-on`} label={t('sentences.sentencedOn')} type="date" className="input--short" {...bind('sentencedOn')} />
    </ActionForm>
  );
}

type TCompensationField = 'victimLinkId' | 'amount' | 'currency' | 'orderedOn';

/** Records a compensation order against a suspect, to a linked victim when the court named one. */
export function CompensationForm({ orgId, investigation, suspect, suspectLabel, onDone, onCancel }: TSuspectFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const record = useInvestigationCommand(orgId, investigation.id, { kind: 'suspect', id: suspect.id, action: 'compensation-orders' });
  const form = useForm<TCompensationField>({
    initial: { victimLinkId: '', amount: '', currency: 'EUR', orderedOn: todayIso() },
    issuePaths: { victimLinkId: 'victimLinkId', amount: 'amount', currency: 'currency', orderedOn: 'orderedOn' },
  });
  const { values, bind } = form;
  const id = `compensation-${suspect.id}`;

  function handleSubmit() {
    record.reset();
    if (!form.check({ amount: validate.amount(values.amount), currency: validate.currency(values.currency.toUpperCase()), orderedOn: validate.day(values.orderedOn) })) return;
    record.mutate(
      { victimLinkId: values.victimLinkId || null, amount: Number(values.amount), currency: values.currency.trim().toUpperCase(), orderedOn: values.orderedOn },
      { onSuccess: () => onDone((tr) => tr('compensation.added', { name: suspectLabel })), onError: form.showServerErrors },
    );
  }

  return (
    <ActionForm form={form} label={t('compensation.addFor', { name: suspectLabel })} mutation={record} submitLabel={t('compensation.submit')} onSubmit={handleSubmit} onCancel={onCancel}>
      <SelectField
        id={`${id}-victim`}
        label={<Optional text={t('compensation.victim')} />}
        placeholder={t('compensation.noVictim')}
        options={investigation.victimLinks.map((link, index) => ({
          value: link.id,
          label: t('compensation.victimOption', { number: index + 1, role: t(`victimRoles.${link.role}`) }),
        }))}
        {...bind('victimLinkId')}
      />
      <div className="justice-money">
        <TextField id={`${id}-amount`} label={t('common.amount')} inputMode="decimal" className="input--short" dir="ltr" {...bind('amount')} />
        <TextField id={`${id}-currency`} label={t('common.currency')} hint={t('common.currencyHint')} className="input--short" dir="ltr" autoCapitalize="characters" maxLength={3} {...bind('currency')} />
      </div>
      <TextField id={`${id}-on`} label={t('compensation.orderedOn')} type="date" className="input--short" {...bind('orderedOn')} />
    </ActionForm>
  );
}
