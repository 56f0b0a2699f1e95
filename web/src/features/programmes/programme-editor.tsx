import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { navigate } from '../../router.tsx';
import { useEditErrorMessage } from './edit-errors.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { useProgrammeMutation } from './queries.ts';
import type { TProgrammeSummary } from './types.ts';

/** Edits a programme's name, description and dates (the version read travels with the change). */
export function ProgrammeEditForm({ orgId, programme }: { orgId: string; programme: TProgrammeSummary }) {
  const { t } = useProgrammesTranslation();
  const save = useProgrammeMutation<{ id: string; version: number }>(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { name: programme.name, description: programme.description ?? '', startsOn: programme.startsOn, endsOn: programme.endsOn },
    issuePaths: { name: 'name', description: 'description', startsOn: 'startsOn', endsOn: 'endsOn' },
  });
  const v = form.values;
  const errorMessage = useEditErrorMessage(save.error);
  return (
    <FormShell form={form} label={t('edit.programme')} error={save.error} errorMessage={errorMessage} busy={save.isPending} submitLabel={t('edit.save')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        setDone('');
        if (!form.check({ name: required(v.name), startsOn: required(v.startsOn), endsOn: required(v.endsOn) ?? (v.endsOn < v.startsOn ? t('edit.endsBeforeStart') : undefined) })) return;
        const body = { expectedVersion: programme.version, name: v.name.trim(), description: v.description.trim() || null, startsOn: v.startsOn, endsOn: v.endsOn };
        save.mutate({ method: 'PATCH', path: `/${seg(programme.id)}`, body }, { onSuccess: () => setDone(t('edit.saved')), onError: form.showServerErrors });
      }}>
      <TextField id="edit-programme-name" label={t('create.name')} {...form.bind('name')} />
      <TextAreaField id="edit-programme-description" label={t('edit.description')} rows={3} {...form.bind('description')} />
      <TextField id="edit-programme-starts" type="date" label={t('create.startsOn')} {...form.bind('startsOn')} />
      <TextField id="edit-programme-ends" type="date" label={t('create.endsOn')} {...form.bind('endsOn')} />
    </FormShell>
  );
}

/** Archives a programme after a confirmation: it stays readable, with its reports, and refuses changes. */
export function ArchiveProgramme({ orgId, programme }: { orgId: string; programme: TProgrammeSummary }) {
  const { t } = useProgrammesTranslation();
  const archive = useProgrammeMutation<{ id: string; version: number }>(orgId);
  const [isConfirming, setConfirming] = useState(false);
  const errorMessage = useEditErrorMessage(archive.error);
  return (
    <div className="programme-archive">
      <p className="muted">{t('archive.explained')}</p>
      <ErrorAlert error={archive.error} message={errorMessage} />
      {isConfirming ? (
        <div className="form__actions" role="group" aria-label={t('archive.confirmLabel')}>
          <Button variant="danger" busy={archive.isPending} busyLabel={t('common.saving')}
            onClick={() => archive.mutate({ path: `/${seg(programme.id)}/archive`, body: { expectedVersion: programme.version } }, { onSuccess: () => navigate('/programmes') })}>
            {t('archive.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>{t('archive.cancel')}</Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>{t('archive.start')}</Button>
      )}
    </div>
  );
}

/** Makes an archived programme active again; the page then offers its editors once more. */
export function RestoreProgramme({ orgId, programme }: { orgId: string; programme: TProgrammeSummary }) {
  const { t } = useProgrammesTranslation();
  const restore = useProgrammeMutation<{ id: string; version: number }>(orgId);
  const errorMessage = useEditErrorMessage(restore.error);
  return (
    <div className="programme-archive">
      <ErrorAlert error={restore.error} message={errorMessage} />
      <Button variant="secondary" busy={restore.isPending} busyLabel={t('common.saving')}
        onClick={() => restore.mutate({ path: `/${seg(programme.id)}/restore`, body: { expectedVersion: programme.version } })}>
        {t('archive.restore')}
      </Button>
    </div>
  );
}
