import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { useForm } from '../../components/form.ts';
import { FormShell } from '../../components/form-shell.tsx';
import { useNumberFormat } from '../stats/format.ts';
import { PopulationIssueTable } from './issue-table.tsx';
import { csvRejectionOf, usePopulationImport } from './queries.ts';
import type { TPopulationImportReport } from './types.ts';

/** The server takes at most 5 MiB of CSV text (a full UN WPP extract is about 1 MB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Rows of the issue and change tables shown on the page. */
const SHOWN_ROWS = 200;

function fileIdentity(file: File): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

/**
 * Upload of a population CSV in two steps: a dry run checks every row and reports what would
 * be inserted or changed, then the import writes everything in one transaction. A file with any
 * problem is refused as a whole; its problems are listed by row and column.
 */
export function PopulationImportForm() {
  const { t, i18n } = useTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const form = useForm<'file' | 'sourceNote'>({ initial: { file: '', sourceNote: '' }, issuePaths: { csv: 'file', fileName: 'file', sourceNote: 'sourceNote' } });
  const upload = usePopulationImport();
  const [file, setFile] = useState<File | null>(null);
  const [isReading, setIsReading] = useState(false);
  const [checkedIdentity, setCheckedIdentity] = useState<string | null>(null);
  const [report, setReport] = useState<TPopulationImportReport | null>(null);

  const isChecked = file !== null && checkedIdentity === fileIdentity(file);
  const rejection = csvRejectionOf(upload.error);

  function handleFileChange(chosen: File | null) {
    setFile(chosen);
    setCheckedIdentity(null);
    setReport(null);
    upload.reset();
    form.show({});
  }

  async function handleSubmit() {
    if (!file) {
      form.check({ file: t('populations.import.fileRequired') });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      form.check({ file: t('populations.import.fileTooLarge') });
      return;
    }
    if (!form.check({})) return;
    const dryRun = !isChecked;
    setIsReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      form.check({ file: t('populations.import.fileUnreadable') });
      return;
    } finally {
      setIsReading(false);
    }
    const identity = fileIdentity(file);
    upload.mutate(
      { fileName: file.name, csv, dryRun, sourceNote: form.values.sourceNote.trim() || null },
      {
        onSuccess: (result) => {
          setReport(result);
          setCheckedIdentity(dryRun ? identity : null);
        },
        onError: (error) => {
          setReport(null);
          setCheckedIdentity(null);
          form.showServerErrors(error);
        },
      },
    );
  }

  const counts = report && {
    rows: formatNumber(report.rowCount), inserted: formatNumber(report.rowsInserted),
    updated: formatNumber(report.rowsUpdated), unchanged: formatNumber(report.rowsUnchanged),
  };

  return (
    <>
      <FormShell
        form={form}
        onSubmit={() => void handleSubmit()}
        error={upload.error}
        errorMessage={rejection ? t('populations.import.rejected', { problems: formatNumber(rejection.issueCount) }) : undefined}
        busy={isReading || upload.isPending}
        submitLabel={isChecked ? t('populations.import.import', { rows: formatNumber(report?.rowCount ?? 0) }) : t('populations.import.check')}
        busyLabel={isReading ? t('populations.import.reading') : isChecked ? t('populations.import.importing') : t('populations.import.checking')}
        label={t('populations.import.title')}
        before={<p className="form__intro">{t('populations.import.intro')}</p>}
      >
        <TextField
          id="population-file"
          type="file"
          accept=".csv,text/csv"
          label={t('populations.import.file')}
          hint={t('populations.import.fileHint')}
          error={form.errors.file}
          onChange={(event) => handleFileChange(event.target.files?.[0] ?? null)}
        />
        <TextField id="population-source" label={t('populations.import.source')} hint={t('populations.import.sourceHint')} maxLength={500} {...form.bind('sourceNote')} />
        {file && <p className="muted">{isChecked ? t('populations.import.checkedNext') : t('populations.import.checkFirst')}</p>}
      </FormShell>
      <StatusMessage tone={report && report.warnings.length > 0 ? 'warning' : 'success'}>
        {report && counts ? t(report.isDryRun ? 'populations.import.dryRunDone' : 'populations.import.done', { file: report.fileName, ...counts }) : null}
      </StatusMessage>
      <div className="population-results">
        {report && (
          <dl className="details details--grid" data-testid="population-report">
            <div>
              <dt>{t('populations.import.rowsInserted')}</dt>
              <dd>{counts?.inserted}</dd>
            </div>
            <div>
              <dt>{t('populations.import.rowsUpdated')}</dt>
              <dd>{counts?.updated}</dd>
            </div>
            <div>
              <dt>{t('populations.import.rowsUnchanged')}</dt>
              <dd>{counts?.unchanged}</dd>
            </div>
          </dl>
        )}
        {rejection && (
          <PopulationIssueTable id="population-problems" title={t('populations.issues.problemsTitle')} issues={rejection.rowIssues.slice(0, SHOWN_ROWS)} total={rejection.issueCount} />
        )}
        {(report?.warnings.length ?? 0) > 0 && (
          <PopulationIssueTable id="population-warnings" title={t('populations.issues.warningsTitle')} issues={report!.warnings.slice(0, SHOWN_ROWS)} total={report!.warnings.length} />
        )}
        {report && report.changes.length > 0 && <ChangesTable report={report} />}
      </div>
    </>
  );
}

function ChangesTable({ report }: { report: TPopulationImportReport }) {
  const { t, i18n } = useTranslation();
  const formatNumber = useNumberFormat(i18n.language);
  const shown = report.changes.slice(0, SHOWN_ROWS);
  return (
    <>
      <h3 className="subsection__title" id="population-changes">
        {t('populations.import.changesTitle')}
      </h3>
      {report.rowsUpdated > shown.length && <p className="muted">{t('populations.issues.firstOnly', { shown: formatNumber(shown.length), total: formatNumber(report.rowsUpdated) })}</p>}
      <div className="table-wrap">
        <table className="table table--compact table--stack" aria-labelledby="population-changes">
          <thead>
            <tr>
              <th scope="col">{t('populations.table.country')}</th>
              <th scope="col">{t('populations.table.year')}</th>
              <th scope="col">{t('populations.table.sex')}</th>
              <th scope="col">{t('populations.table.ageGroup')}</th>
              <th scope="col" className="cell--number">{t('populations.import.previous')}</th>
              <th scope="col" className="cell--number">{t('populations.import.new')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((change) => (
              <tr key={`${change.countryCode}-${change.year}-${change.sex}-${change.ageGroup}`}>
                <td data-label={t('populations.table.country')}><code>{change.countryCode}</code></td>
                <td data-label={t('populations.table.year')}>{change.year}</td>
                <td data-label={t('populations.table.sex')}>{t(`populations.sexes.${change.sex}`)}</td>
                <td data-label={t('populations.table.ageGroup')}>{t(`populations.ageGroups.${change.ageGroup}`)}</td>
                <td className="cell--number" data-label={t('populations.import.previous')}>{formatNumber(change.previous)}</td>
                <td className="cell--number" data-label={t('populations.import.new')}>{formatNumber(change.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
