/** The OKR's key results, as the workspace had them when the week was created. */
export function KeyResults({ keyResults }: { keyResults: readonly string[] }) {
  if (keyResults.length === 0) return <p className="muted">No key results recorded for this OKR.</p>
  return (
    <div className="key-results">
      <h4 className="key-results__title">Key results</h4>
      <ul>
        {keyResults.map((keyResult, index) => (
          <li key={index}>{keyResult}</li>
        ))}
      </ul>
    </div>
  )
}
