import { useState } from 'react';
import { CheckboxField } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useProtectionTranslation } from './i18n.ts';
import { today, useLabels } from './labels.ts';
import { DELIVERY_UNITS, SERVICE_KINDS } from './types.ts';

type TDeliveryFormProps = {
  idPrefix: string;
  defaultKind?: string;
  error: unknown;
  busy: boolean;
  onSubmit: (body: { serviceKind: string; deliveredOn: string; quantity: number; unit: string; language: string; interpreterUsed: boolean }, done: () => void, fail: (error: unknown) => void) => void;
};

/** What was provided, when, how much and in which language (no free text: it feeds statistics). */
export function DeliveryForm({ idPrefix, defaultKind = 'shelter', error, busy, onSubmit }: TDeliveryFormProps) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const { required } = useValidators();
  const [interpreter, setInterpreter] = useState(false);
  const form = useForm({
    initial: { serviceKind: defaultKind, deliveredOn: today(), quantity: '1', unit: 'session', language: '' },
    issuePaths: { serviceKind: 'serviceKind', deliveredOn: 'deliveredOn', quantity: 'quantity', unit: 'unit', language: 'language' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('deliveries.add')} error={error} busy={busy} submitLabel={t('deliveries.add')} busyLabel={t('common.saving')}
      onSubmit={() => {
        const quantity = Number(v.quantity.replace(',', '.'));
        const errors = {
          deliveredOn: required(v.deliveredOn),
          quantity: Number.isFinite(quantity) && quantity > 0 ? undefined : t('deliveries.quantityInvalid'),
          language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language.trim()) ? undefined : t('forms.languageCode'),
        };
        if (!form.check(errors)) return;
        onSubmit(
          { serviceKind: v.serviceKind, deliveredOn: v.deliveredOn, quantity, unit: v.unit, language: v.language.trim(), interpreterUsed: interpreter },
          () => { form.reset(); setInterpreter(false); },
          form.showServerErrors,
        );
      }}>
      <SelectField id={`${idPrefix}-kind`} label={t('deliveries.what')} options={SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} {...form.bind('serviceKind')} />
      <TextField id={`${idPrefix}-on`} type="date" label={t('deliveries.when')} {...form.bind('deliveredOn')} />
      <div className="protection-row">
        <TextField id={`${idPrefix}-quantity`} label={t('deliveries.quantity')} inputMode="decimal" {...form.bind('quantity')} />
        <SelectField id={`${idPrefix}-unit`} label={t('deliveries.unit')} options={DELIVERY_UNITS.map((u) => ({ value: u, label: labels.unit(u) }))} {...form.bind('unit')} />
      </div>
      <TextField id={`${idPrefix}-language`} label={t('deliveries.language')} hint={t('forms.languageCodeHint')} {...form.bind('language')} />
      <CheckboxField id={`${idPrefix}-interpreter`} label={t('deliveries.interpreter')} checked={interpreter} onChange={setInterpreter} />
    </FormShell>
  );
}

export function DeliveryTable({ deliveries }: { deliveries: { id: string; serviceKind: string; deliveredOn: string; quantity: number; unit: string; language: string; interpreterUsed: boolean; organisation: { name: string }; deliveredBy: { displayName: string } | null }[] }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  if (deliveries.length === 0) return <p>{t('deliveries.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="sr-only">{t('deliveries.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deliveries.what')}</th>
            <th scope="col">{t('deliveries.when')}</th>
            <th scope="col">{t('deliveries.quantity')}</th>
            <th scope="col">{t('deliveries.language')}</th>
            <th scope="col">{t('deliveries.by')}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td data-label={t('deliveries.what')}>{labels.kind(d.serviceKind)}</td>
              <td data-label={t('deliveries.when')}><bdi>{d.deliveredOn}</bdi></td>
              <td data-label={t('deliveries.quantity')}>{d.quantity} {labels.unit(d.unit)}</td>
              <td data-label={t('deliveries.language')}>{d.language}{d.interpreterUsed ? ` (${t('deliveries.interpreterShort')})` : ''}</td>
              <td data-label={t('deliveries.by')}><bdi>{d.organisation.name}</bdi>{d.deliveredBy ? <> — <bdi>{d.deliveredBy.displayName}</bdi></> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
