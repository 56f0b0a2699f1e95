import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApplicationStatus, TCaseDetail, TProtection } from '../../api/case-types.ts';
import type { TStatusText } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { fromTriState, toTriState, useCaseOptions } from './options.ts';
import { useUpdateProtection } from './queries.ts';

const APPLICATION_STATUSES: readonly TApplicationStatus[] = ['none', 'applied', 'granted', 'refused'];

type TProtectionPanelProps = {
  orgId: string;
  caseItem: TCaseDetail;
  /** Whether the viewer may change the flags (from the case's abilities). */
  canEdit: boolean;
  onDone: (status: TStatusText) => void;
};

/**
 * Protection flags that travel with the case: non-punishment (offences the person was compelled
 * to commit), residence and asylum applications, and international protection needs.
 */
export function ProtectionPanel({ orgId, caseItem, canEdit, onDone }: TProtectionPanelProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const p = caseItem.protection;
  const tri = (value: boolean | null) => t(`yesNoUnknown.${fromTriState(value)}`);
  if (editing) {
    return (
      <ProtectionForm
        orgId={orgId}
        caseItem={caseItem}
        onCancel={() => setEditing(false)}
        onDone={(status) => {
          setEditing(false);
          onDone(status);
        }}
      />
    );
  }
  return (
    <>
      <dl className="details details--grid">
        <div>
          <dt>{t('protection.offencesLinked')}</dt>
          <dd>{tri(p.nonPunishment.offencesLinkedToExploitation)}</dd>
        </div>
        {p.nonPunishment.note && (
          <div>
            <dt>{t('protection.note')}</dt>
            <dd className="prewrap">{p.nonPunishment.note}</dd>
          </div>
        )}
        <div>
          <dt>{t('protection.residence')}</dt>
          <dd>
            {t(`applicationStatuses.${p.residence.status}`)}
            {p.residence.kind && (
              <>
                {' · '}
                <bdi>{p.residence.kind}</bdi>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('protection.asylum')}</dt>
          <dd>{t(`applicationStatuses.${p.asylum.status}`)}</dd>
        </div>
        <div>
          <dt>{t('protection.internationalProtection')}</dt>
          <dd>{tri(p.internationalProtectionNeeds)}</dd>
        </div>
      </dl>
      {canEdit && (
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('protection.edit')}
        </Button>
      )}
    </>
  );
}

type TField = 'offences' | 'note' | 'residenceStatus' | 'residenceKind' | 'asylumStatus' | 'international';
const ISSUE_PATHS = {
  'nonPunishment.offencesLinkedToExploitation': 'offences',
  'nonPunishment.note': 'note',
  'residence.status': 'residenceStatus',
  'residence.kind': 'residenceKind',
  'asylum.status': 'asylumStatus',
  internationalProtectionNeeds: 'international',
} as const satisfies Record<string, TField>;

function ProtectionForm({ orgId, caseItem, onDone, onCancel }: Omit<TProtectionPanelProps, 'canEdit'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  const update = useUpdateProtection(orgId, caseItem.id);
  const p = caseItem.protection;
  const form = useForm<TField>({
    initial: {
      offences: fromTriState(p.nonPunishment.offencesLinkedToExploitation),
      note: p.nonPunishment.note ?? '',
      residenceStatus: p.residence.status,
      residenceKind: p.residence.kind ?? '',
      asylumStatus: p.asylum.status,
      international: fromTriState(p.internationalProtectionNeeds),
    },
    issuePaths: ISSUE_PATHS,
  });
  const { values, bind } = form;
  const statusOptions = APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationStatuses.${s}`) }));

  function handleSubmit() {
    update.reset();
    const body: TProtection = {
      nonPunishment: { offencesLinkedToExploitation: toTriState(values.offences), note: values.note.trim() || null },
      residence: { status: values.residenceStatus as TApplicationStatus, kind: values.residenceKind.trim() || null },
      asylum: { status: values.asylumStatus as TApplicationStatus },
      internationalProtectionNeeds: toTriState(values.international),
    };
    update.mutate(body, { onSuccess: () => onDone((tr) => tr('protection.saved')), onError: form.showServerErrors });
  }

  return (
    <FormShell
      form={form}
      autoFocus
      onSubmit={handleSubmit}
      error={update.error}
      busy={update.isPending}
      submitLabel={t('protection.save')}
      busyLabel={t('casePage.working')}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('casePage.cancel')}
        </Button>
      }
    >
      <RadioGroup
        id="protection-offences"
        legend={t('protection.offencesLinked')}
        hint={t('protection.offencesHint')}
        layout="inline"
        options={options.yesNoUnknown}
        value={values.offences}
        error={form.errors.offences}
        onChange={(value) => form.setValue('offences', value)}
      />
      <TextAreaField id="protection-note" label={t('protection.note')} hint={t('protection.noteHint')} rows={3} {...bind('note')} />
      <SelectField id="protection-residence" label={t('protection.residence')} options={statusOptions} {...bind('residenceStatus')} />
      <TextField id="protection-residence-kind" label={t('protection.residenceKind')} hint={t('protection.residenceKindHint')} autoComplete="off" {...bind('residenceKind')} />
      <SelectField id="protection-asylum" label={t('protection.asylum')} options={statusOptions} {...bind('asylumStatus')} />
      <RadioGroup
        id="protection-international"
        legend={t('protection.internationalProtection')}
        layout="inline"
        options={options.yesNoUnknown}
        value={values.international}
        error={form.errors.international}
        onChange={(value) => form.setValue('international', value)}
      />
    </FormShell>
  );
}
