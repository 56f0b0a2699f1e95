import { useState } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { ZJurisdictionProfile } from '../../../../core/nrm/jurisdictions/schema.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { useForm, type TFieldErrors } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { NOT_DISPLAYED } from '../../i18n/index.ts';
import { formatDay, weekdayName } from './format.ts';
import { useSettingsTranslation } from './i18n.ts';
import { useAddProfileVersion } from './queries.ts';
import type { TJurisdictionProfile } from './types.ts';
import { compareVersions, isVersion, suggestNextVersion } from './version.ts';

type TField = 'version' | 'validFrom' | 'rgTarget' | 'cgTarget' | 'recoveryDays' | 'weekendDays' | 'holidays' | 'source';
type THoliday = TJurisdictionProfile['calendar']['holidays'][number];

const WHOLE = /^\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Profile paths (server issues and the shared schema) → the editor's fields. */
const ISSUE_PATHS = {
  version: 'version',
  validFrom: 'validFrom',
  validTo: 'validFrom',
  'reasonableGrounds.targetWorkingDays': 'rgTarget',
  'conclusiveGrounds.targetWorkingDays': 'cgTarget',
  'recoveryPeriod.minDays': 'recoveryDays',
  'calendar.weekendDays': 'weekendDays',
  'calendar.holidays': 'holidays',
} as const satisfies Record<string, TField>;

/** The field of a schema issue path, e.g. `calendar.holidays.3.date` → holidays. */
function fieldOfPath(path: string): TField | undefined {
  for (const [prefix, field] of Object.entries(ISSUE_PATHS)) if (path === prefix || path.startsWith(`${prefix}.`)) return field;
  return undefined;
}

/** Today as `YYYY-MM-DD` in the user's own time zone. */
function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function isDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(new Date(`${text}T00:00:00Z`).getTime()) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

type TProfileVersionEditorProps = {
  /** The newest version of every profile (a new version starts from one of them). */
  profiles: TJurisdictionProfile[];
  /** The profile to start from: the organisation's own. */
  initialProfileId: string;
};

/**
 * Adds a new version of a jurisdiction profile (platform administrators). It starts from the
 * newest version of the chosen profile; the key rules can be changed (decision targets, recovery
 * period, weekend days, holidays), the version number is suggested, and a source for the change
 * is required: it is recorded as the provenance of every rule that changed. Published versions
 * are never edited in place.
 */
export function ProfileVersionEditor({ profiles, initialProfileId }: TProfileVersionEditorProps) {
  const { t } = useSettingsTranslation();
  const [baseId, setBaseId] = useState(initialProfileId);
  const [added, setAdded] = useState<{ name: string; version: string } | null>(null);
  const base = profiles.find((p) => p.id === baseId) ?? profiles[0];
  if (!base) return null;
  return (
    <>
      <SelectField
        id="nrm-editor-base"
        label={t('editor.base')}
        hint={t('editor.baseHint')}
        options={profiles.map((p) => ({ value: p.id, label: t('select.option', { name: p.name, id: p.id, version: p.version }) }))}
        value={base.id}
        onChange={(event) => {
          setBaseId(event.target.value);
          setAdded(null);
        }}
      />
      {/* Keyed by the base version: after a save the newest version is the new starting point. */}
      <VersionForm key={`${base.id}@${base.version}`} base={base} onAdded={setAdded} />
      <StatusMessage>{added ? t('editor.added', { name: added.name, version: added.version }) : null}</StatusMessage>
    </>
  );
}

function VersionForm({ base, onAdded }: { base: TJurisdictionProfile; onAdded: (added: { name: string; version: string }) => void }) {
  const { t, i18n } = useSettingsTranslation();
  const language = i18n.language;
  const addVersion = useAddProfileVersion();
  const form = useForm<TField>({
    initial: {
      version: suggestNextVersion(base.version),
      // A new version applies to cases opened from now on.
      validFrom: todayIso(),
      rgTarget: base.reasonableGrounds.targetWorkingDays === null ? '' : String(base.reasonableGrounds.targetWorkingDays),
      cgTarget: base.conclusiveGrounds.targetWorkingDays === null ? '' : String(base.conclusiveGrounds.targetWorkingDays),
      recoveryDays: String(base.recoveryPeriod.minDays),
      weekendDays: '',
      holidays: '',
      source: '',
    },
    issuePaths: ISSUE_PATHS,
  });
  const [weekendDays, setWeekendDays] = useState<string[]>(base.calendar.weekendDays.map(String));
  const [holidays, setHolidays] = useState<THoliday[]>([...base.calendar.holidays].sort((a, b) => (a.date < b.date ? -1 : 1)));
  const [newHoliday, setNewHoliday] = useState({ date: '', name: '' });
  const [holidayErrors, setHolidayErrors] = useState<{ date?: string; name?: string }>({});
  const versionExists = isAppError(addVersion.error) && addVersion.error.details.reason === 'PROFILE_VERSION_EXISTS';

  function handleAddHoliday() {
    const date = newHoliday.date.trim();
    const name = newHoliday.name.trim();
    const errors = {
      date: !date ? t('editor.required') : !isDate(date) ? t('editor.dateInvalid') : holidays.some((h) => h.date === date) ? t('editor.holidayRepeats') : undefined,
      name: name ? undefined : t('editor.required'),
    };
    setHolidayErrors(errors);
    if (errors.date || errors.name) return;
    setHolidays((list) => [...list, { date, name }].sort((a, b) => (a.date < b.date ? -1 : 1)));
    setNewHoliday({ date: '', name: '' });
  }

  /** Whole number from a field, null when empty (no target). */
  const wholeOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

  function clientErrors(): TFieldErrors<TField> {
    const { version, validFrom, rgTarget, cgTarget, recoveryDays, source } = form.values;
    const target = (text: string) => (text.trim() === '' ? undefined : !WHOLE.test(text.trim()) || Number(text) < 1 ? t('editor.targetInvalid') : undefined);
    return {
      version: !isVersion(version.trim()) ? t('editor.versionInvalid') : compareVersions(version.trim(), base.version) <= 0 ? t('editor.versionNotHigher', { current: base.version }) : undefined,
      validFrom: !isDate(validFrom.trim()) ? t('editor.dateInvalid') : undefined,
      rgTarget: target(rgTarget),
      cgTarget: target(cgTarget),
      recoveryDays: !WHOLE.test(recoveryDays.trim()) ? t('editor.daysInvalid') : undefined,
      weekendDays: weekendDays.length > 6 ? t('editor.weekendTooMany') : undefined,
      source: source.trim() ? undefined : t('editor.sourceRequired'),
    };
  }

  /** The new version: the base with the edited rules, each changed rule citing the given source. */
  function buildProfile(): TJurisdictionProfile {
    const v = form.values;
    const version = v.version.trim();
    const source = v.source.trim();
    const basis = <B extends TJurisdictionProfile['recoveryPeriod']['basis']>(previous: B, changes: string[]): B =>
      changes.length === 0 ? previous : ({ evidence: 'unverified', source, note: `Changed in version ${version}: ${changes.join('; ')}.` } as B);
    const rgTarget = wholeOrNull(v.rgTarget);
    const cgTarget = wholeOrNull(v.cgTarget);
    const recoveryDays = Number(v.recoveryDays.trim());
    const weekend = weekendDays.map(Number).sort((a, b) => a - b);
    const calendarChanges = [
      ...(weekend.join() !== [...base.calendar.weekendDays].sort((a, b) => a - b).join() ? [`weekend days ${base.calendar.weekendDays.join(',') || 'none'} → ${weekend.join(',') || 'none'}`] : []),
      ...(JSON.stringify(holidays) !== JSON.stringify([...base.calendar.holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) ? [`public holidays ${base.calendar.holidays.length} → ${holidays.length}`] : []),
    ];
    const changedFrom = (what: string, before: number | null, after: number | null) => (before === after ? [] : [`${what} ${before ?? 'none'} → ${after ?? 'none'}`]);
    return {
      ...base,
      version,
      validFrom: v.validFrom.trim(),
      reasonableGrounds: { ...base.reasonableGrounds, targetWorkingDays: rgTarget, basis: basis(base.reasonableGrounds.basis, changedFrom('RG target working days', base.reasonableGrounds.targetWorkingDays, rgTarget)) },
      recoveryPeriod: { ...base.recoveryPeriod, minDays: recoveryDays, basis: basis(base.recoveryPeriod.basis, changedFrom('minimum recovery period days', base.recoveryPeriod.minDays, recoveryDays)) },
      conclusiveGrounds: { ...base.conclusiveGrounds, targetWorkingDays: cgTarget, basis: basis(base.conclusiveGrounds.basis, changedFrom('CG target working days', base.conclusiveGrounds.targetWorkingDays, cgTarget)) },
      calendar: { ...base.calendar, weekendDays: weekend, holidays, basis: basis(base.calendar.basis, calendarChanges) },
    };
  }

  function handleSubmit() {
    if (!form.check(clientErrors())) return;
    const profile = buildProfile();
    // The same schema the server applies; its (English) messages land next to the field concerned.
    const parsed = ZJurisdictionProfile.safeParse(profile);
    if (!parsed.success) {
      const errors: TFieldErrors<TField> = {};
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path.join('.'));
        if (field && !errors[field]) errors[field] = t('editor.schemaInvalid', { message: issue.message });
      }
      form.show(Object.keys(errors).length > 0 ? errors : { version: t('editor.schemaInvalid', { message: parsed.error.issues[0]?.message ?? '' }) });
      return;
    }
    addVersion.mutate(parsed.data, {
      onSuccess: ({ profile: saved }) => onAdded({ name: saved.name, version: saved.version }),
      onError: (error) => {
        if (isAppError(error) && error.details.reason === 'PROFILE_VERSION_EXISTS') form.show({ version: t('editor.versionExists', { version: profile.version }) });
        else form.showServerErrors(error);
      },
    });
  }

  return (
    <FormShell
      form={form}
      onSubmit={handleSubmit}
      error={addVersion.error}
      errorMessage={versionExists ? t('editor.versionExistsAlert') : undefined}
      busy={addVersion.isPending}
      submitLabel={t('editor.submit')}
      busyLabel={t('editor.submitting')}
      label={t('editor.title')}
      className="form--wide nrm-editor"
      before={<p className="form__intro">{t('editor.intro', { name: base.name, version: base.version })}</p>}
    >
      <div className="nrm-editor__grid">
        <TextField id="nrm-version" label={t('editor.version')} hint={t('editor.versionHint', { current: base.version })} autoComplete="off" dir="ltr" className="input--short" {...form.bind('version')} />
        <TextField id="nrm-valid-from" type="date" label={t('editor.validFrom')} hint={t('editor.validFromHint')} {...form.bind('validFrom')} />
        <TextField id="nrm-rg-target" label={t('editor.rgTarget')} hint={t('editor.targetHint')} inputMode="numeric" autoComplete="off" className="input--short" {...form.bind('rgTarget')} />
        <TextField id="nrm-recovery-days" label={t('editor.recoveryDays')} hint={t('editor.recoveryHint')} inputMode="numeric" autoComplete="off" className="input--short" {...form.bind('recoveryDays')} />
        <TextField id="nrm-cg-target" label={t('editor.cgTarget')} hint={t('editor.targetHint')} inputMode="numeric" autoComplete="off" className="input--short" {...form.bind('cgTarget')} />
      </div>
      <CheckboxGroup
        id="nrm-weekend"
        legend={t('editor.weekendDays')}
        hint={t('editor.weekendHint')}
        layout="inline"
        error={form.errors.weekendDays}
        options={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, language) }))}
        values={weekendDays}
        onChange={setWeekendDays}
      />
      <fieldset className={form.errors.holidays ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={form.errors.holidays ? 'nrm-holidays-error' : undefined}>
        <legend className="fieldset__legend">{t('editor.holidays', { count: holidays.length })}</legend>
        {form.errors.holidays && (
          <p className="field__error" id="nrm-holidays-error">
            {form.errors.holidays}
          </p>
        )}
        {holidays.length === 0 ? (
          <p className="muted">{t('editor.noHolidays')}</p>
        ) : (
          <ul className="nrm-holiday-edit">
            {holidays.map((h) => (
              <li key={h.date}>
                <span className="nrm-holidays__date">{formatDay(h.date, language)}</span> <bdi>{h.name}</bdi>{' '}
                <Button variant="link" aria-label={t('editor.removeHolidayNamed', { name: h.name, date: formatDay(h.date, language), ...NOT_DISPLAYED })} onClick={() => setHolidays((list) => list.filter((x) => x.date !== h.date))}>
                  {t('editor.removeHoliday')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="nrm-holiday-add">
          <TextField id="nrm-holiday-date" type="date" label={t('editor.holidayDate')} value={newHoliday.date} error={holidayErrors.date} onChange={(event) => setNewHoliday((h) => ({ ...h, date: event.target.value }))} />
          <TextField id="nrm-holiday-name" label={t('editor.holidayName')} value={newHoliday.name} error={holidayErrors.name} autoComplete="off" onChange={(event) => setNewHoliday((h) => ({ ...h, name: event.target.value }))} />
          <Button variant="secondary" onClick={handleAddHoliday}>
            {t('editor.addHoliday')}
          </Button>
        </div>
      </fieldset>
      <TextField id="nrm-source" label={t('editor.source')} hint={t('editor.sourceHint')} autoComplete="off" {...form.bind('source')} />
    </FormShell>
  );
}
