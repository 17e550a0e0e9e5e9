import { importOkrCsv, type ImportReport } from '@fourwall/shared'
import * as Y from 'yjs'

/**
 * What importing `text` would do to the workspace as it is now, found by importing into a copy of
 * the document: the same rules as the real import (unknown teams created, duplicates of existing
 * OKRs rejected), with nothing written to the shared document.
 */
export function previewImport(doc: Y.Doc, text: string): ImportReport {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    return importOkrCsv(copy, text)
  } finally {
    copy.destroy()
  }
}

/** The preview as sentences, in the future tense: nothing has happened yet. */
export function describePreview(report: ImportReport): string[] {
  if (report.error) return [report.error, 'Fix the file and choose it again: nothing can be imported from it as it is.']
  const count = report.imported.length
  const lines = [count === 0 ? 'No OKRs would be imported.' : `${count} OKR${count === 1 ? '' : 's'} will be imported.`]
  if (report.createdTeams.length > 0) {
    const names = report.createdTeams.map((team) => team.name).join(', ')
    lines.push(`${report.createdTeams.length} new team${report.createdTeams.length === 1 ? '' : 's'} will be created: ${names}.`)
  }
  if (report.rejected.length > 0) {
    lines.push(`${report.rejected.length} row${report.rejected.length === 1 ? '' : 's'} will be left out (listed below).`)
  }
  return lines
}
