import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TObservationStatus } from '../../../../core/screening/schemas.ts';
import type { TScreeningRecord } from '../../api/case-types.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { toScreeningRequest } from '../intake/intake-data.ts';
import { useScreeningLists } from '../screening/queries.ts';
import { ScreeningIndicators } from '../screening/screening-indicators.tsx';
import { ScreeningPreview } from '../screening/screening-preview.tsx';
import { ScreeningResult } from '../screening/screening-result.tsx';
import { useRecordScreening } from './queries.ts';

/** Records a further screening on an existing case; the server's result is shown once recorded. */
export function RecordScreeningForm({ orgId, caseId, isChild }: { orgId: string; caseId: string; isChild: boolean }) {
  const { t } = useTranslation();
  const lists = useScreeningLists();
  const record = useRecordScreening(orgId, caseId);
  const form = useForm<'listId'>({ initial: { listId: '' }, issuePaths: { listId: 'listId' } });
  const [observations, setObservations] = useState<Record<string, TObservationStatus>>({});
  const [recorded, setRecorded] = useState<TScreeningRecord | null>(null);
  const list = lists.data?.find((l) => l.id === form.values.listId);

  if (lists.error) return <ErrorAlert error={lists.error} />;

  function handleSubmit() {
    record.reset();
    if (!form.check({ listId: list ? undefined : t('form.chooseOne') }) || !list) return;
    record.mutate(toScreeningRequest(list, observations), {
      onSuccess: (data) => {
        setRecorded(data.screening);
        setObservations({});
        form.reset();
      },
      onError: form.showServerErrors,
    });
  }

  const preferred = isChild ? 'child' : 'adult';
  const options = (lists.data ?? [])
    .slice()
    .sort((a, b) => Number(b.ageGroup === preferred) - Number(a.ageGroup === preferred))
    .map((l) => ({ value: l.id, label: t('screening.listName', { ageGroup: t(`screening.ageGroups.${l.ageGroup}`), form: t(`screening.forms.${l.form}`) }) }));

  return (
    <>
      {recorded && <ScreeningResult result={recorded.result} />}
      <FormShell
        form={form}
        className="form--wide"
        label={t('screening.recordTitle')}
        onSubmit={handleSubmit}
        error={record.error}
        busy={record.isPending}
        submitLabel={t('screening.record')}
        busyLabel={t('casePage.working')}
      >
        <SelectField id="case-screening-list" label={t('screening.list')} placeholder={lists.isPending ? t('app.loading') : t('form.choose')} options={options} {...form.bind('listId')} />
        {list && (
          <>
            <ScreeningIndicators list={list} idPrefix="case" observations={observations} onChange={(id, value) => setObservations((o) => ({ ...o, [id]: value }))} />
            <ScreeningPreview list={list} observations={observations} />
          </>
        )}
      </FormShell>
    </>
  );
}
