/**
 * A small RFC 4180 reader: comma-separated, values optionally in double quotes, `""` for a quote
 * inside a quoted value, which may also hold commas and line breaks. Lines end in CRLF, LF or a
 * lone CR (old Excel for Mac), and a leading byte order mark (Excel's "CSV UTF-8") is dropped.
 *
 * It is lenient where spreadsheets are sloppy and the meaning is still clear: a quote in the middle
 * of an unquoted value is kept as a character, and text after a closing quote is appended. The one
 * thing it cannot guess is an unclosed quote, which it reports with the line where the quote opened.
 *
 * Each record carries the (1-based) line it starts on, so a report can say "line 14" and the person
 * finds the row in their editor even when an earlier value spans several lines.
 */
export interface CsvRecord {
  line: number
  fields: string[]
}

export interface CsvParse {
  records: CsvRecord[]
  /** Set when a quoted value is never closed; the records before it are still returned. */
  error: { line: number; reason: string } | null
}

export function parseCsv(text: string): CsvParse {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0

  const endRecord = (): void => {
    fields.push(field)
    // Blank lines, and rows of nothing but commas that spreadsheets leave at the end, carry no data.
    if (fields.some((value) => value !== '')) records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }

  while (i < input.length) {
    const char = input[i]!
    if (char === '"' && field === '') {
      // A quoted value: read to the closing quote, across commas and line breaks.
      const quoteLine = line
      i++
      let closed = false
      while (i < input.length) {
        const inner = input[i]!
        if (inner === '"') {
          if (input[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          closed = true
          break
        }
        if (inner === '\n' || (inner === '\r' && input[i + 1] !== '\n')) line++
        field += inner
        i++
      }
      if (!closed) {
        return { records, error: { line: quoteLine, reason: `A quoted value that starts on line ${quoteLine} is never closed: add the missing " and import again.` } }
      }
      continue
    }
    if (char === ',') {
      fields.push(field)
      field = ''
      i++
      continue
    }
    if (char === '\r' || char === '\n') {
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1
      endRecord()
      line++
      recordLine = line
      continue
    }
    field += char
    i++
  }
  if (field !== '' || fields.length > 0) endRecord()
  return { records, error: null }
}
