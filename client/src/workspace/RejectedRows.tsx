import type { RejectedRow } from '@fourwall/shared'

/** The rows an import leaves out, each with its line number and every reason, so it can be fixed in the file. */
export function RejectedRows({ rows }: { rows: readonly RejectedRow[] }) {
  if (rows.length === 0) return null
  return (
    <ul className="rejected-rows">
      {rows.map((row) => (
        <li key={row.line} data-rejected-line={row.line}>
          <strong>Line {row.line}:</strong> {row.reason}
        </li>
      ))}
    </ul>
  )
}
