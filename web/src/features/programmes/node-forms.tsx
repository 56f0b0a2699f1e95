import { useState } from 'react';
import { seg } from '../../api/client.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { useEditErrorMessage } from './edit-errors.ts';
import { useProgrammesTranslation } from './i18n.ts';
import { suggestedChildCode } from './labels.ts';
import { useProgrammeMutation } from './queries.ts';
import type { TNode } from './types.ts';

/** Edits an element's title and description; its code and level stay (reports and findings refer to them). */
export function NodeEditForm({ orgId, programmeId, node }: { orgId: string; programmeId: string; node: TNode }) {
  const { t } = useProgrammesTranslation();
  const save = useProgrammeMutation<{ id: string; version: number }>(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({ initial: { title: node.title, description: node.description ?? '' }, issuePaths: { title: 'title', description: 'description' } });
  const errorMessage = useEditErrorMessage(save.error);
  const id = `node-${node.id}`;
  return (
    <FormShell form={form} label={t('nodes.editLabel', { code: node.code })} error={save.error} errorMessage={errorMessage} busy={save.isPending} submitLabel={t('edit.save')} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        setDone('');
        if (!form.check({ title: required(form.values.title) })) return;
        const body = { expectedVersion: node.version, title: form.values.title.trim(), description: form.values.description.trim() || null };
        save.mutate({ method: 'PATCH', path: `/${seg(programmeId)}/nodes/${seg(node.id)}`, body }, { onSuccess: () => setDone(t('edit.saved')), onError: form.showServerErrors });
      }}>
      <TextField id={`${id}-title`} label={t('nodes.title')} {...form.bind('title')} />
      <TextAreaField id={`${id}-description`} label={t('edit.description')} rows={2} {...form.bind('description')} />
    </FormShell>
  );
}

/** Adds an outcome under the goal, or an output under an outcome. */
export function AddNodeForm({ orgId, programmeId, parent, siblings }: { orgId: string; programmeId: string; parent: TNode; siblings: TNode[] }) {
  const { t } = useProgrammesTranslation();
  const add = useProgrammeMutation(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const level = parent.level === 'goal' ? 'outcome' : 'output';
  const form = useForm({ initial: { code: suggestedChildCode(parent, siblings), title: '' }, issuePaths: { code: 'code', title: 'title' } });
  const id = `add-${level}-${parent.id}`;
  return (
    <FormShell form={form} label={t(`nodes.add.${level}`)} error={add.error} busy={add.isPending} submitLabel={t(`nodes.add.${level}`)} busyLabel={t('common.saving')} before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        setDone('');
        if (!form.check({ code: required(form.values.code), title: required(form.values.title) })) return;
        const body = { parentId: parent.id, level, code: form.values.code.trim(), title: form.values.title.trim() };
        add.mutate({ path: `/${seg(programmeId)}/nodes`, body }, {
          onSuccess: () => { form.setValue('title', ''); form.setValue('code', suggestedChildCode(parent, [...siblings, { ...parent, code: body.code }])); setDone(t('nodes.added')); },
          onError: form.showServerErrors,
        });
      }}>
      <TextField id={`${id}-code`} label={t('indicator.code')} dir="ltr" className="input--short" {...form.bind('code')} />
      <TextField id={`${id}-title`} label={t('nodes.title')} {...form.bind('title')} />
    </FormShell>
  );
}
