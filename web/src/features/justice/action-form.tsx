import type { ReactNode } from 'react';
import { Button } from '../../components/button.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useJusticeTranslation } from './i18n.ts';

type TActionFormProps = {
  /** The form's state from `useForm`. */
  form: Parameters<typeof FormShell>[0]['form'];
  /** The form's accessible name (the button that opened it says the same). */
  label: string;
  /** The mutation behind the form: its error is shown, its pending state makes the button busy. */
  mutation: { error: unknown; isPending: boolean };
  /** Text of the submit button. */
  submitLabel: string;
  /** Validates and sends the form. */
  onSubmit: () => void;
  /** Closes the form without saving. */
  onCancel: () => void;
  children: ReactNode;
};

/**
 * The frame of the small forms that open under a button on the investigation page: focus moves
 * into the form, "Cancel" closes it. One recipe, so every step is recorded the same way.
 */
export function ActionForm({ form, label, mutation, submitLabel, onSubmit, onCancel, children }: TActionFormProps) {
  const { t } = useJusticeTranslation();
  return (
    <FormShell
      form={form}
      autoFocus
      className="action-form"
      label={label}
      onSubmit={onSubmit}
      error={mutation.error}
      busy={mutation.isPending}
      submitLabel={submitLabel}
      busyLabel={t('common.working')}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      {children}
    </FormShell>
  );
}
