import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n/index.ts';
import { SelectField } from './field.tsx';

/** The "Language" select, shown signed in and signed out; each language is named in itself. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(false);
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <SelectField
      id="language-menu"
      className="select--compact"
      label={t('header.language')}
      value={current}
      aria-busy={pending || undefined}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.code }))}
      onChange={(event) => {
        const next = event.target.value;
        if (!isLanguage(next)) return;
        setPending(true);
        // A failed download (offline) leaves the current language in place; the select snaps back.
        changeLanguage(next)
          .catch(() => undefined)
          .finally(() => setPending(false));
      }}
    />
  );
}
