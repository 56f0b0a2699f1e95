import { useState } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { countryName } from '../../components/country.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { useActiveOrg } from '../session/active-org.tsx';
import { CountriesField } from './countries-field.tsx';
import { formatCount, formatDay, todayIso } from './format.ts';
import { useJusticeTranslation } from './i18n.ts';
import { useCreateOperation, useOperations, useShareOperation } from './queries.ts';
import type { TJusticeStatus } from './status.ts';
import { ToggleForm } from './toggle-form.tsx';
import type { TOperation } from './types.ts';
import { useJusticeValidators } from './validate.ts';

type TOperationsPanelProps = {
  /** The active organisation (the viewer's), in whose name requests are made. */
  orgId: string;
  /** From the session: the viewer may open and share operations (`investigation.manage`). */
  canManage: boolean;
};

/**
 * Operations: one trafficking activity or network each, with how many investigations, suspects
 * and victims concern it ("how many actions concerned the same operation"). Those who manage
 * investigations open operations and share them with another organisation (e.g. the prosecution service).
 */
export function OperationsPanel({ orgId, canManage }: TOperationsPanelProps) {
  const { t, i18n } = useJusticeTranslation();
  const operations = useOperations(orgId);
  const lang = i18n.language;
  return (
    <>
      <ErrorAlert error={operations.error} />
      {operations.isPending && <p className="muted">{t('common.loading')}</p>}
      {operations.data &&
        (operations.data.length === 0 ? (
          <p>{t('operations.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack justice-operations">
              <caption className="sr-only">{t('operations.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operations.codeName')}</th>
                  <th scope="col">{t('operations.countries')}</th>
                  <th scope="col">{t('operations.openedOn')}</th>
                  <th scope="col">{t('operations.investigations')}</th>
                  <th scope="col">{t('operations.suspects')}</th>
                  <th scope="col">{t('operations.victims')}</th>
                  {canManage && <th scope="col">{t('operations.share')}</th>}
                </tr>
              </thead>
              <tbody>
                {operations.data.map((operation) => (
                  <tr key={operation.id}>
                    <th scope="row">
                      <bdi>{operation.codeName}</bdi>
                    </th>
                    <td data-label={t('operations.countries')}>{operation.countries.map((c) => countryName(c, lang)).join(', ') || '—'}</td>
                    <td className="cell--nowrap" data-label={t('operations.openedOn')}>
                      {formatDay(operation.openedOn, lang)}
                    </td>
                    <td className="cell--number" data-label={t('operations.investigations')}>
                      {formatCount(operation.investigations, lang)}
                    </td>
                    <td className="cell--number" data-label={t('operations.suspects')}>
                      {formatCount(operation.suspects, lang)}
                    </td>
                    <td className="cell--number" data-label={t('operations.victims')}>
                      {formatCount(operation.victims, lang)}
                    </td>
                    {canManage && (
                      <td data-label={t('operations.share')}>
                        <ToggleForm label={t('operations.shareButton')} ariaLabel={t('operations.shareFor', { operation: operation.codeName, ...NOT_DISPLAYED })}>
                          {({ done, cancel }) => <ShareOperationForm orgId={orgId} operation={operation} onDone={done} onCancel={cancel} />}
                        </ToggleForm>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {canManage && (
        <div className="justice-actions">
          <ToggleForm label={t('operations.create')}>
            {({ done, cancel }) => <CreateOperationForm orgId={orgId} onDone={done} onCancel={cancel} />}
          </ToggleForm>
        </div>
      )}
    </>
  );
}

type TFormProps = { orgId: string; onDone: (status: TJusticeStatus) => void; onCancel: () => void };

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useJusticeTranslation();
  return (
    <Button variant="secondary" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  );
}

type TOperationField = 'codeName' | 'openedOn';

function CreateOperationForm({ orgId, onDone, onCancel }: TFormProps) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const create = useCreateOperation(orgId);
  const form = useForm<TOperationField>({ initial: { codeName: '', openedOn: todayIso() }, issuePaths: { codeName: 'codeName', openedOn: 'openedOn' } });
  const [countries, setCountries] = useState<string[]>([]);
  const { values, bind } = form;

  function handleSubmit() {
    create.reset();
    if (!form.check({ codeName: validate.required(values.codeName), openedOn: validate.day(values.openedOn) })) return;
    const codeName = values.codeName.trim();
    create.mutate(
      { codeName, countries, openedOn: values.openedOn },
      { onSuccess: () => onDone((tr) => tr('operations.created', { operation: codeName })), onError: form.showServerErrors },
    );
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t('operations.create')}
      onSubmit={handleSubmit}
      error={create.error}
      busy={create.isPending}
      submitLabel={t('operations.createSubmit')}
      busyLabel={t('common.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <TextField id="operation-code-name" label={t('operations.codeName')} hint={t('operations.codeNameHint')} autoComplete="off" {...bind('codeName')} />
      <TextField id="operation-opened-on" label={t('operations.openedOn')} type="date" className="input--short" {...bind('openedOn')} />
      <CountriesField id="operation-countries" legend={t('operations.countries')} values={countries} onChange={setCountries} />
    </FormShell>
  );
}

const OTHER = '__other__';
type TShareField = 'choice' | 'organisationId';

/**
 * Shares one operation. Organisations the viewer knows (their memberships, and for platform
 * administrators every organisation) are offered by name; any other is entered by its identifier,
 * since the platform has no directory of organisations for investigators.
 */
function ShareOperationForm({ orgId, operation, onDone, onCancel }: TFormProps & { operation: TOperation }) {
  const { t } = useJusticeTranslation();
  const validate = useJusticeValidators();
  const { session, otherOrganisations } = useActiveOrg();
  const share = useShareOperation(orgId);
  const known = [...session.memberships.map((m) => m.organisation), ...otherOrganisations].filter((o) => o.id !== orgId);
  const form = useForm<TShareField>({ initial: { choice: known.length ? '' : OTHER, organisationId: '' }, issuePaths: { organisationId: 'organisationId' } });
  const { values, bind } = form;
  const targetId = values.choice === OTHER ? values.organisationId.trim() : values.choice;

  function handleSubmit() {
    share.reset();
    if (!form.check({ choice: validate.required(values.choice), organisationId: values.choice === OTHER ? validate.required(values.organisationId) : undefined })) return;
    const name = known.find((o) => o.id === targetId)?.name ?? targetId;
    share.mutate(
      { operationId: operation.id, organisationId: targetId },
      {
        onSuccess: () => onDone((tr) => tr('operations.shared', { operation: operation.codeName, organisation: name })),
        onError: (error) => {
          if (hasOrganisationIssue(error)) form.show({ [values.choice === OTHER ? 'organisationId' : 'choice']: t('operations.unknownOrganisation') });
        },
      },
    );
  }

  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={t('operations.shareFor', { operation: operation.codeName, ...NOT_DISPLAYED })}
      onSubmit={handleSubmit}
      error={share.error}
      busy={share.isPending}
      submitLabel={t('operations.shareSubmit')}
      busyLabel={t('common.working')}
      actions={<CancelButton onCancel={onCancel} />}
    >
      <p className="form__intro">{t('operations.shareIntro')}</p>
      {known.length > 0 && (
        <SelectField
          id={`share-${operation.id}-organisation`}
          label={t('operations.shareWith')}
          placeholder={t('common.choose')}
          options={[...known.map((o) => ({ value: o.id, label: o.name })), { value: OTHER, label: t('operations.otherOrganisation') }]}
          {...bind('choice')}
        />
      )}
      {values.choice === OTHER && (
        <TextField
          id={`share-${operation.id}-organisation-id`}
          label={t('operations.organisationId')}
          hint={t('operations.organisationIdHint')}
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          {...bind('organisationId')}
        />
      )}
    </FormShell>
  );
}

/** The server names `organisationId` when the organisation does not exist or is the viewer's own. */
function hasOrganisationIssue(error: unknown): boolean {
  return isAppError(error) && (error.details.issues ?? []).some((issue) => issue.path === 'body.organisationId');
}
