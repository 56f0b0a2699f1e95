import { countryName } from '../../components/country.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { Button } from '../../components/button.tsx';
import { InvestigationStatusBadge, SharedBadge } from './badges.tsx';
import { formatDay, todayIso } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { useJusticeOptions } from './options.ts';
import { useInvestigationCommand, useOperations } from './queries.ts';
import type { TJusticeStatus } from './status.ts';
import { ToggleForm } from './toggle-form.tsx';
import type { TInvestigationDetail, TInvestigationStatus } from './types.ts';
import { useJusticeValidators } from './validate.ts';

type TOverviewProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** The investigation file as the server last answered it (with the viewer's `abilities`). */
  investigation: TInvestigationDetail;
};

/** Where the investigation stands (status, dates, shared or not) and what it covers; the status form for those who manage it. */
export function InvestigationOverview({ orgId, investigation: inv }: TOverviewProps) {
  const { t, i18n } = useJusticeTranslation();
  const lang = i18n.language;
  // Operations are listed for the owning organisation only; a shared investigation shows none.
  const operations = useOperations(orgId);
  const operation = inv.operationId ? operations.data?.find((o) => o.id === inv.operationId) : undefined;
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <>
      <p className="case-status__line">
        <InvestigationStatusBadge status={inv.status} />
        {inv.isShared && <SharedBadge />}
      </p>
      <dl className="details details--grid">
        <div>
          <dt>{t('investigation.agency')}</dt>
          <dd>
            <bdi>{inv.agency}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('investigation.openedOn')}</dt>
          <dd>{formatDay(inv.openedOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('investigation.closedOn')}</dt>
          <dd>{inv.closedOn ? formatDay(inv.closedOn, lang) : none}</dd>
        </div>
        <div>
          <dt>{t('investigation.operation')}</dt>
          <dd>{operation ? <bdi>{operation.codeName}</bdi> : inv.operationId ? t('investigation.operationElsewhere') : none}</dd>
        </div>
        <div>
          <dt>{t('investigation.exploitationForms')}</dt>
          <dd>{inv.exploitationForms.length ? inv.exploitationForms.map((f) => t(`exploitationForms.${f}`)).join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('investigation.techniques')}</dt>
          <dd>{inv.techniques.length ? inv.techniques.map((f) => t(`techniques.${f}`)).join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('investigation.countriesInvolved')}</dt>
          <dd>{inv.countriesInvolved.length ? inv.countriesInvolved.map((c) => countryName(c, lang)).join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('investigation.jointInvestigationTeam')}</dt>
          <dd>{inv.jointInvestigationTeam ? t('common.yes') : t('common.no')}</dd>
        </div>
      </dl>
      {inv.abilities['investigation.manage'] && (
        <ToggleForm label={t('status.change')}>
          {({ done, cancel }) => <StatusForm orgId={orgId} investigation={inv} onDone={done} onCancel={cancel} />}
        </ToggleForm>
      )}
    </>
  );
}

type TStatusField = 'status' | 'closedOn';

/** Changes the status; closing asks for the closing date. Sent with the version read, so a concurrent change is refused, not overwritten. */
function StatusForm({ orgId, investigation, onDone, onCancel }: { orgId: string; investigation: TInvestigationDetail; onDone: (s: TJusticeStatus) => void; onCancel: () => void }) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const choices = useJusticeOptions();
  const change = useInvestigationCommand<{ status: TInvestigationStatus; closedOn: string | null; expectedVersion: number }>(orgId, investigation.id, {
    kind: 'investigation',
    id: investigation.id,
    action: 'status',
  });
  const form = useForm<TStatusField>({ initial: { status: investigation.status, closedOn: investigation.closedOn ?? todayIso() }, issuePaths: { status: 'status', closedOn: 'closedOn' } });
  const { values, bind } = form;
  const closing = values.status.startsWith('closed_');

  function handleSubmit() {
    change.reset();
    if (!form.check({ status: validate.required(values.status), closedOn: closing ? validate.day(values.closedOn) : undefined })) return;
    const status = values.status as TInvestigationStatus;
    change.mutate(
      { status, closedOn: closing ? values.closedOn : null, expectedVersion: investigation.version },
      { onSuccess: () => onDone((tr) => tr('status.changed', { status: tr(`investigationStatus.${status}`) })), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t('status.change')}
      onSubmit={handleSubmit}
      error={change.error}
      busy={change.isPending}
      submitLabel={t('status.submit')}
      busyLabel={t('common.working')}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      <SelectField id="investigation-status" label={t('status.label')} options={choices.statuses} {...bind('status')} />
      {closing && <TextField id="investigation-closed-on" label={t('investigation.closedOn')} type="date" className="input--short" {...bind('closedOn')} />}
    </FormShell>
  );
}
