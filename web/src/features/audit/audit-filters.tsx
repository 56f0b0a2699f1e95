import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type TAuditAction } from '../../../../core/audit/events.ts';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { useMembers } from '../members/queries.ts';
import { NO_AUDIT_FILTERS, type TAuditFilters } from './queries.ts';

type TField = keyof TAuditFilters;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The access-log filters: action, who, which case or subject, and a range of days. Applied on
 * submit (not per keystroke), so a half-typed identifier never fires a request.
 */
export function AuditFilters({ orgId, applied, onApply }: { orgId: string; applied: TAuditFilters; onApply: (filters: TAuditFilters) => void }) {
  const { t, i18n } = useTranslation();
  const members = useMembers(orgId);
  const form = useForm<TField>({ initial: applied, issuePaths: {} });

  const actionLabel = (action: TAuditAction) => (i18n.exists(`auditActions.${action}`) ? `${t(`auditActions.${action}`)} (${action})` : action);
  const actions = [...AUDIT_ACTIONS].sort((a, b) => a.localeCompare(b)).map((value) => ({ value, label: actionLabel(value) }));
  const actors = (members.data?.members ?? []).map((member) => ({ value: member.userId, label: `${member.displayName} (${member.email})` }));

  function handleSubmit() {
    const { values } = form;
    const id = (value: string) => (value.trim() === '' || UUID.test(value.trim()) ? undefined : t('audit.filters.invalidId'));
    const ok = form.check({
      caseId: id(values.caseId),
      subjectId: values.subjectId.trim().length > 100 ? t('audit.filters.invalidId') : undefined,
      to: values.from && values.to && values.to < values.from ? t('audit.filters.dateOrder') : undefined,
    });
    if (ok) onApply({ ...values, caseId: values.caseId.trim(), subjectId: values.subjectId.trim() });
  }

  function handleClear() {
    for (const field of Object.keys(NO_AUDIT_FILTERS) as TField[]) form.setValue(field, '');
    form.show({});
    onApply(NO_AUDIT_FILTERS);
  }

  return (
    <FormShell form={form} onSubmit={handleSubmit} error={null} busy={false} submitLabel={t('audit.filters.apply')} busyLabel={t('audit.filters.apply')}
      label={t('audit.filters.title')} className="filters" actions={<Button variant="secondary" onClick={handleClear}>{t('audit.filters.clear')}</Button>}>
      <SelectField id="audit-filter-action" label={t('audit.action')} placeholder={t('audit.filters.anyAction')} options={actions} {...form.bind('action')} />
      <SelectField id="audit-filter-actor" label={t('audit.actor')} placeholder={t('audit.filters.anyone')} options={actors} {...form.bind('actorId')} />
      <TextField id="audit-filter-case" label={t('audit.filters.caseId')} hint={t('audit.filters.idHint')} dir="ltr" autoComplete="off" {...form.bind('caseId')} />
      <TextField id="audit-filter-subject" label={t('audit.filters.subjectId')} hint={t('audit.filters.idHint')} dir="ltr" autoComplete="off" {...form.bind('subjectId')} />
      <TextField id="audit-filter-from" label={t('audit.filters.from')} type="date" {...form.bind('from')} />
      <TextField id="audit-filter-to" label={t('audit.filters.to')} type="date" {...form.bind('to')} />
    </FormShell>
  );
}
