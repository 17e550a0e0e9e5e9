import { MAX_IMPORT_ROWS } from '@fourwall/shared'
import { CSV_COLUMNS, CSV_TEMPLATE, CSV_TEMPLATE_FILE, templateDataUrl } from './csvTemplate.js'

/** What the file must look like: the columns, an example, and a template to start from. */
export function CsvFormat() {
  return (
    <details className="csv-format" open>
      <summary>What the file looks like</summary>
      <p>
        A header row naming the columns (in any order), then one row per OKR, up to {MAX_IMPORT_ROWS} rows. Teams and
        OKRs already in the workspace are not added twice.
      </p>
      <dl className="csv-format__columns">
        {CSV_COLUMNS.map((column) => (
          <div key={column.name}>
            <dt>
              <code>{column.name}</code> <span className="muted small">({column.required ? 'required' : 'optional'})</span>
            </dt>
            <dd>{column.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Example (a value with a comma goes in double quotes):</p>
      <pre className="csv-format__example">{CSV_TEMPLATE}</pre>
      <p>
        <a className="button button--small button--quiet" href={templateDataUrl()} download={CSV_TEMPLATE_FILE}>
          Download the template
        </a>
      </p>
    </details>
  )
}
