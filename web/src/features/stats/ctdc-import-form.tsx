import { useState } from 'react';
import { isAppError } from '../../../../core/errors/app-error.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { CheckboxField } from '../../components/choice-field.tsx';
import { TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { formatBytes, useNumberFormat } from './format.ts';
import { useStatsTranslation } from './i18n.ts';
import { useCtdcImport } from './queries.ts';
import { ImportRunReport } from './import-run-report.tsx';
import type { TImportRun } from './types.ts';

/** The server takes at most 60 MiB of CSV text in one upload (the real CTDC file is 15 MB). */
const MAX_FILE_BYTES = 60 * 1024 * 1024;

/** A file the user chose, identified well enough to notice that another one was chosen since. */
function fileIdentity(file: File): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

/**
 * Upload of a CTDC file in two steps: a dry run checks every row and stores nothing, then the
 * import stores the rows. The file is read in the browser and sent as text. When the dry run
 * found problems, importing only the valid rows has to be asked for explicitly.
 */
export function CtdcImportForm({ orgId }: { orgId: string }) {
  const { t, i18n } = useStatsTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const form = useForm<'file' | 'allowPartial'>({ initial: { file: '', allowPartial: '' }, issuePaths: { csv: 'file', fileName: 'file', allowPartial: 'allowPartial' } });
  const upload = useCtdcImport(orgId);
  const [file, setFile] = useState<File | null>(null);
  const [isReading, setIsReading] = useState(false);
  /** The dry run of the chosen file, once done. */
  const [checked, setChecked] = useState<{ identity: string; run: TImportRun } | null>(null);
  /** The latest run (dry run or import) to report on. */
  const [lastRun, setLastRun] = useState<TImportRun | null>(null);
  const [allowPartial, setAllowPartial] = useState(false);

  const isChecked = file !== null && checked !== null && checked.identity === fileIdentity(file);
  const checkedRun = isChecked ? checked.run : null;
  const hasProblems = checkedRun !== null && checkedRun.invalidRowCount > 0;
  const alreadyImported = isAppError(upload.error) && upload.error.details.reason === 'DATASET_ALREADY_IMPORTED';

  function handleFileChange(chosen: File | null) {
    setFile(chosen);
    setAllowPartial(false);
    upload.reset();
    form.show({});
  }

  async function handleSubmit() {
    if (!file) {
      form.check({ file: t('import.fileRequired') });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      form.check({ file: t('import.fileTooLarge', { size: formatBytes(MAX_FILE_BYTES, i18n.language) }) });
      return;
    }
    const dryRun = !isChecked;
    if (!dryRun && checkedRun && checkedRun.validRowCount === 0) {
      form.check({ file: t('import.nothingValid') });
      return;
    }
    if (!dryRun && hasProblems && !allowPartial) {
      form.check({ allowPartial: t('import.partialRequired') });
      return;
    }
    if (!form.check({})) return;
    setIsReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      form.check({ file: t('import.fileUnreadable') });
      return;
    } finally {
      setIsReading(false);
    }
    const identity = fileIdentity(file);
    upload.mutate(
      { fileName: file.name, csv, dryRun, allowPartial: dryRun ? false : allowPartial },
      {
        onSuccess: ({ run }) => {
          setLastRun(run);
          setChecked(dryRun ? { identity, run } : null);
          if (!dryRun) setAllowPartial(false);
        },
        onError: (error) => form.showServerErrors(error),
      },
    );
  }

  const submitLabel = isChecked
    ? hasProblems && checkedRun
      ? t('import.importValid', { rows: formatNumber(checkedRun.validRowCount) })
      : t('import.import', { rows: formatNumber(checkedRun?.validRowCount ?? 0) })
    : t('import.check');

  return (
    <>
      <FormShell
        form={form}
        onSubmit={() => void handleSubmit()}
        error={upload.error}
        errorMessage={alreadyImported ? t('import.alreadyImported') : undefined}
        busy={isReading || upload.isPending}
        submitLabel={submitLabel}
        busyLabel={isReading ? t('import.reading') : isChecked ? t('import.importing') : t('import.checking')}
        label={t('import.title')}
        before={<p className="form__intro">{t('import.intro')}</p>}
      >
        <TextField
          id="ctdc-file"
          type="file"
          accept=".csv,text/csv"
          label={t('import.file')}
          hint={t('import.fileHint')}
          error={form.errors.file}
          onChange={(event) => handleFileChange(event.target.files?.[0] ?? null)}
        />
        {file && (
          <p className="muted">
            {t('import.chosen', { file: file.name, size: formatBytes(file.size, i18n.language) })} {isChecked ? t('import.checkedNext') : t('import.checkFirst')}
          </p>
        )}
        {isChecked && hasProblems && (
          <div className={form.errors.allowPartial ? 'field field--invalid' : 'field'}>
            {form.errors.allowPartial && (
              <p className="field__error" id="ctdc-partial-error">
                {form.errors.allowPartial}
              </p>
            )}
            <CheckboxField
              id="ctdc-partial"
              label={t('import.allowPartial', { valid: formatNumber(checkedRun?.validRowCount ?? 0), invalid: formatNumber(checkedRun?.invalidRowCount ?? 0) })}
              hint={t('import.allowPartialHint')}
              checked={allowPartial}
              onChange={(value) => {
                setAllowPartial(value);
                form.show({});
              }}
            />
          </div>
        )}
      </FormShell>
      <StatusMessage tone={lastRun && (lastRun.status === 'rejected' || lastRun.invalidRowCount > 0) ? 'warning' : 'success'}>
        {lastRun ? t(`import.done.${lastRun.status}`, { file: lastRun.fileName, rows: formatNumber(lastRun.rowCount), valid: formatNumber(lastRun.validRowCount), invalid: formatNumber(lastRun.invalidRowCount), imported: formatNumber(lastRun.importedRowCount) }) : null}
      </StatusMessage>
      {lastRun && <ImportRunReport run={lastRun} />}
    </>
  );
}
