import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { countryName } from '../../components/country.ts';
import { TextField } from '../../components/field.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useNumberFormat } from '../stats/format.ts';
import './populations.css';
import { usePopulationImports, usePopulationPage, type TPopulationFilter } from './queries.ts';

const PAGE_SIZE = 50;

/** Stored denominators, filtered by country and year, one page at a time. */
export function PopulationDenominatorsTable() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const formatNumber = useNumberFormat(language);
  const [draft, setDraft] = useState({ country: '', year: '' });
  const [filter, setFilter] = useState<TPopulationFilter>({ country: '', year: '', offset: 0, limit: PAGE_SIZE });
  const page = usePopulationPage(filter);
  const data = page.data;

  return (
    <>
      <form
        className="filters"
        role="search"
        aria-label={t('populations.table.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ country: draft.country.trim().toUpperCase(), year: draft.year.trim(), offset: 0, limit: PAGE_SIZE });
        }}
      >
        <TextField id="population-filter-country" label={t('populations.table.country')} placeholder={t('populations.table.countryHint')} value={draft.country} maxLength={2} dir="ltr"
          onChange={(event) => setDraft((d) => ({ ...d, country: event.target.value }))} />
        <TextField id="population-filter-year" label={t('populations.table.year')} value={draft.year} inputMode="numeric" maxLength={4} dir="ltr"
          onChange={(event) => setDraft((d) => ({ ...d, year: event.target.value }))} />
        <div className="population-filters__submit">
          <Button type="submit" variant="secondary">{t('populations.table.apply')}</Button>
        </div>
      </form>
      <ErrorAlert error={page.error} />
      {!data && !page.error && <p className="muted">{t('app.loading')}</p>}
      {data && data.total === 0 && <p>{t('populations.table.empty')}</p>}
      {data && data.total > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {t('populations.table.showing', { from: formatNumber(data.offset + 1), to: formatNumber(data.offset + data.denominators.length), total: formatNumber(data.total) })}
          </p>
          <div className="table-wrap">
            <table className="table table--compact table--stack" data-testid="population-denominators">
              <caption className="sr-only">{t('populations.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('populations.table.country')}</th>
                  <th scope="col">{t('populations.table.year')}</th>
                  <th scope="col">{t('populations.table.sex')}</th>
                  <th scope="col">{t('populations.table.ageGroup')}</th>
                  <th scope="col" className="cell--number">{t('populations.table.population')}</th>
                  <th scope="col">{t('populations.table.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.denominators.map((row) => (
                  <tr key={`${row.countryCode}-${row.year}-${row.sex}-${row.ageGroup}`}>
                    <td data-label={t('populations.table.country')}>
                      <bdi>{countryName(row.countryCode, language)}</bdi> <code className="muted">{row.countryCode}</code>
                    </td>
                    <td data-label={t('populations.table.year')}>{row.year}</td>
                    <td data-label={t('populations.table.sex')}>{t(`populations.sexes.${row.sex}`)}</td>
                    <td data-label={t('populations.table.ageGroup')}>{t(`populations.ageGroups.${row.ageGroup}`)}</td>
                    <td className="cell--number" data-label={t('populations.table.population')}>{formatNumber(row.population)}</td>
                    <td data-label={t('populations.table.updatedAt')}>{formatDateTime(row.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form__actions">
            <Button variant="secondary" disabled={data.offset === 0} onClick={() => setFilter((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE_SIZE) }))}>
              {t('populations.table.previous')}
            </Button>
            <Button variant="secondary" disabled={data.offset + data.denominators.length >= data.total} onClick={() => setFilter((f) => ({ ...f, offset: f.offset + PAGE_SIZE }))}>
              {t('populations.table.next')}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

/** Committed imports, newest first: who imported which file and what it changed. */
export function PopulationImportsTable() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const formatNumber = useNumberFormat(language);
  const runs = usePopulationImports();
  if (runs.error) return <ErrorAlert error={runs.error} />;
  if (!runs.data) return <p className="muted">{t('app.loading')}</p>;
  if (runs.data.length === 0) return <p>{t('populations.runs.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact table--stack" data-testid="population-imports">
        <caption className="sr-only">{t('populations.runs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('populations.runs.when')}</th>
            <th scope="col">{t('populations.runs.file')}</th>
            <th scope="col">{t('populations.runs.source')}</th>
            <th scope="col" className="cell--number">{t('populations.import.rowsInserted')}</th>
            <th scope="col" className="cell--number">{t('populations.import.rowsUpdated')}</th>
            <th scope="col" className="cell--number">{t('populations.import.rowsUnchanged')}</th>
            <th scope="col" className="cell--number">{t('populations.runs.warnings')}</th>
            <th scope="col">{t('populations.runs.by')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((run) => (
            <tr key={run.id} data-import-id={run.id}>
              <td data-label={t('populations.runs.when')}>{formatDateTime(run.createdAt, language)}</td>
              <td data-label={t('populations.runs.file')}>
                <bdi>{run.fileName}</bdi>
                <span className="cell__sub" title={run.fileSha256}>
                  <code dir="ltr">{run.fileSha256.slice(0, 12)}</code>
                </span>
              </td>
              <td data-label={t('populations.runs.source')}>{run.sourceNote ? <bdi>{run.sourceNote}</bdi> : <span className="muted">—</span>}</td>
              <td className="cell--number" data-label={t('populations.import.rowsInserted')}>{formatNumber(run.rowsInserted)}</td>
              <td className="cell--number" data-label={t('populations.import.rowsUpdated')}>{formatNumber(run.rowsUpdated)}</td>
              <td className="cell--number" data-label={t('populations.import.rowsUnchanged')}>{formatNumber(run.rowsUnchanged)}</td>
              <td className="cell--number" data-label={t('populations.runs.warnings')}>{formatNumber(run.warningCount)}</td>
              <td data-label={t('populations.runs.by')}>
                {run.importedBy.type === 'cli' ? t('populations.runs.byCli') : <bdi>{run.importedBy.displayName ?? '—'}</bdi>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
