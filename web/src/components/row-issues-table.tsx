/** One problem of an imported file: its row (the header is row 1), column, cell text and why. */
export interface TRowIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TRowIssuesTexts {
  row: string;
  column: string;
  value: string;
  message: string;
  /** How an empty cell reads (e.g. "(empty)"); the empty text otherwise. */
  emptyValue?: string;
  /** Said above the table when only the first problems are listed. */
  firstOnly: (shown: string, total: string) => string;
}

type TRowIssuesTableProps = {
  /** The heading's id (the table is labelled by it) and the table's test id. */
  id: string;
  title: string;
  titleClassName: string;
  /** The problems listed (already cut to what the page shows). */
  issues: readonly TRowIssue[];
  /** How many problems the file has in all. */
  total: number;
  texts: TRowIssuesTexts;
  formatNumber: (value: number) => string;
};

/**
 * The problems of an imported file by row and column, as every import page lists them (CTDC
 * files, population figures). Stacks into labelled blocks on a phone.
 */
export function RowIssuesTable({ id, title, titleClassName, issues, total, texts, formatNumber }: TRowIssuesTableProps) {
  return (
    <>
      <h3 className={titleClassName} id={id}>
        {title}
      </h3>
      {total > issues.length && <p className="muted">{texts.firstOnly(formatNumber(issues.length), formatNumber(total))}</p>}
      <div className="table-wrap">
        <table className="table table--compact table--stack" aria-labelledby={id} data-testid={id}>
          <thead>
            <tr>
              <th scope="col" className="cell--number">
                {texts.row}
              </th>
              <th scope="col">{texts.column}</th>
              <th scope="col">{texts.value}</th>
              <th scope="col">{texts.message}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              <tr key={`${issue.row}-${issue.column}-${index}`}>
                <td className="cell--number" data-label={texts.row}>
                  <bdi dir="ltr">{formatNumber(issue.row)}</bdi>
                </td>
                <td data-label={texts.column}>
                  <code dir="ltr">{issue.column}</code>
                </td>
                <td data-label={texts.value}>
                  <bdi className="row-issues__value">{issue.value === '' && texts.emptyValue ? texts.emptyValue : issue.value}</bdi>
                </td>
                {/* The server's explanation is in English, like the file's column names it refers to. */}
                <td data-label={texts.message} lang="en" dir="ltr">
                  {issue.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
