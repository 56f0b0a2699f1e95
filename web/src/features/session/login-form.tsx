import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { formatTime } from '../../components/format.ts';
import { useLogin } from './queries.ts';

type TField = 'email' | 'password';
const ISSUE_PATHS = { email: 'email', password: 'password' } as const satisfies Record<string, TField>;
const EMPTY: Record<TField, string> = { email: '', password: '' };

/** Email + password sign-in. Wrong credentials (401) and lock-out (429) get their own wording. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const validate = useValidators();
  const login = useLogin();
  const form = useForm<TField>({ initial: EMPTY, issuePaths: ISSUE_PATHS });
  const { values, bind } = form;

  function handleSubmit() {
    login.reset();
    if (!form.check({ email: validate.email(values.email), password: validate.required(values.password) })) return;
    login.mutate({ email: values.email.trim(), password: values.password }, { onSuccess: onSignedIn, onError: form.showServerErrors });
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={login.error}
      errorMessage={loginMessage(login.error)}
      busy={login.isPending}
      submitLabel={t('login.submit')}
      busyLabel={t('login.submitting')}
    >
      <TextField
        id="login-email"
        label={t('login.email')}
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        {...bind('email')}
      />
      <TextField id="login-password" label={t('login.password')} type="password" autoComplete="current-password" dir="ltr" {...bind('password')} />
    </FormShell>
  );

  function loginMessage(error: unknown): string | undefined {
    if (!isAppError(error)) return undefined;
    if (error.code === 'UNAUTHENTICATED') return t('login.invalidCredentials');
    if (error.code === 'RATE_LIMITED') {
      const until = typeof error.details.retryAfter === 'string' ? new Date(error.details.retryAfter) : null;
      if (!until || Number.isNaN(until.getTime())) return t('login.rateLimited');
      return t('login.rateLimitedUntil', { time: formatTime(until, i18n.language) });
    }
    return undefined;
  }
}
