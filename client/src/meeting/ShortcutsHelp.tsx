import { Dialog } from '../components/Dialog.js'
import { SHORTCUTS, type AvailableShortcut } from './shortcuts.js'

interface Props {
  available: readonly AvailableShortcut[]
  onClose(): void
}

/** The shortcuts this person may use now, and what each does for them. */
export function ShortcutsHelp({ available, onClose }: Props) {
  const rows = SHORTCUTS.flatMap((definition) => {
    const shortcut = available.find((candidate) => candidate.id === definition.id)
    return shortcut ? [{ definition, does: shortcut.does }] : []
  })
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Single keys, when you are not typing in a field. Press Escape to close."
      onClose={onClose}
    >
      <table className="shortcuts" data-shortcuts-help>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ definition, does }) => (
            <tr key={definition.id} data-shortcut={definition.id}>
              <td className="shortcuts__keys">
                {definition.labels.map((label, index) => (
                  <span key={label}>
                    {index > 0 && <span className="muted"> or </span>}
                    <kbd>{label}</kbd>
                  </span>
                ))}
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
