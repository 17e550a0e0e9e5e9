import { describeImport, importOkrCsv, MAX_IMPORT_ROWS, type ImportReport } from '@fourwall/shared'
import { useDeferredValue, useId, useMemo, useRef, useState, type ChangeEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { CsvFormat } from './CsvFormat.js'
import { describePreview, previewImport } from './importPreview.js'
import { RejectedRows } from './RejectedRows.js'

/** A CSV of the largest import allowed is far below this; anything bigger is the wrong file. */
const MAX_FILE_BYTES = 2 * 1024 * 1024

interface Props {
  doc: Y.Doc
  /** Changes whenever the workspace does, so the preview follows collaborators' edits. */
  version: unknown
}

/**
 * Importing OKRs from a file or pasted text: what the columns must be, a preview of what would
 * happen to the workspace as it is now, then the import (one transaction, so everyone sees it at
 * once) and its report, row by row.
 */
export function CsvImport({ doc, version }: Props) {
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [importProblem, setImportProblem] = useState<string | null>(null)

  // A preview of a thousand rows takes a moment; typing must not wait for it.
  const deferredText = useDeferredValue(text)
  const preview = useMemo(
    () => (deferredText.trim() === '' ? null : previewImport(doc, deferredText)),
    // `version`: the same text previews differently once a collaborator adds a team or an OKR.
    [doc, deferredText, version],
  )

  const edit = (next: string): void => {
    setText(next)
    setReport(null)
    setImportProblem(null)
  }

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0]
    setFileProblem(null)
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import of ${MAX_IMPORT_ROWS} OKRs is far smaller. Is it the right file?`)
      return
    }
    try {
      edit(await file.text())
      setFileName(file.name)
    } catch {
      setFileProblem(`${file.name} could not be read. Save it again as CSV (UTF-8) and choose it once more.`)
    }
  }

  const runImport = (): void => {
    setImportProblem(null)
    try {
      const done = importOkrCsv(doc, text)
      setReport(done)
      if (!done.error && done.imported.length > 0) {
        setText('')
        setFileName(null)
        if (fileInput.current) fileInput.current.value = ''
      }
    } catch (error) {
      setImportProblem(error instanceof Error ? error.message : String(error))
    }
  }

  const canImport = preview !== null && preview.error === null && preview.imported.length > 0 && deferredText === text
  return (
    <section className="workspace-section" aria-labelledby={`${id}-heading`} data-section="import">
      <h2 id={`${id}-heading`}>Import OKRs from a CSV file</h2>
      <CsvFormat />
      <div className="csv-import__inputs">
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={fileProblem ? `${id}-file-problem` : undefined}
            onChange={(event) => void chooseFile(event)}
          />
          {fileName && <p className="field__hint muted">Read {fileName}: its text is in the box below, where you can still change it.</p>}
          <FormProblem id={`${id}-file-problem`} problem={fileProblem} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Or paste CSV</label>
          <textarea
            id={`${id}-text`}
            className="csv-import__text"
            rows={6}
            spellCheck={false}
            value={text}
            placeholder="objective,key_results,team,domain"
            onChange={(event) => {
              setFileName(null)
              edit(event.currentTarget.value)
            }}
          />
        </div>
      </div>
      {preview && !report && (
        <div className="panel csv-import__preview" aria-labelledby={`${id}-preview-heading`} data-import-preview>
          <h3 id={`${id}-preview-heading`}>Preview</h3>
          {describePreview(preview).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <RejectedRows rows={preview.rejected} />
        </div>
      )}
      <FormProblem problem={importProblem} />
      <div className="form__actions">
        <button type="button" className="button" disabled={!canImport} onClick={runImport}>
          Import
        </button>
        {text !== '' && (
          <button type="button" className="button button--quiet" onClick={() => edit('')}>
            Clear
          </button>
        )}
      </div>
      {/* A live region that exists before its content, so the report is read out when it appears. */}
      <div role="status" className="csv-import__report-region">
        {report && <ImportReportPanel report={report} />}
      </div>
    </section>
  )
}

function ImportReportPanel({ report }: { report: ImportReport }) {
  const lines = describeImport(report)
  // describeImport ends with one "Line N: reason" sentence per rejected row; those read better as a list.
  const summary = lines.slice(0, lines.length - report.rejected.length)
  const failed = report.error !== null || report.imported.length === 0
  return (
    <div className={`panel csv-import__report${failed ? ' csv-import__report--failed' : ''}`} data-import-report>
      <h3>
        <span aria-hidden="true">{failed ? '⚠ ' : '✓ '}</span>
        {failed ? 'Nothing imported' : 'Import done'}
      </h3>
      {summary.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <RejectedRows rows={report.rejected} />
    </div>
  )
}
