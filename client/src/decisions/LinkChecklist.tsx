import type { LinkOption } from './links.js'

interface Props {
  id: string
  legend: string
  options: LinkOption[]
  /** The ids linked now; an id no longer among the options (a removed shift) stays listed, named by its id. */
  selected: string[]
  /** Said instead of the list when there is nothing to link. */
  empty: string
  onChange(ids: string[]): void
}

/** A group of checkboxes for one kind of link (OKRs, shifts, principles); the whole list is written at once. */
export function LinkChecklist({ id, legend, options, selected, empty, onChange }: Props) {
  const known = new Set(options.map((option) => option.id))
  const all = [...options, ...selected.filter((linked) => !known.has(linked)).map((linked) => ({ id: linked, label: `No longer in this week (${linked})` }))]
  const chosen = new Set(selected)
  return (
    <fieldset className="form__group decision-links" data-links={id}>
      <legend>{legend}</legend>
      {all.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="stack-list decision-links__list">
          {all.map((option) => {
            const inputId = `${id}-${option.id}`
            return (
              <li key={option.id}>
                <input
                  id={inputId}
                  type="checkbox"
                  checked={chosen.has(option.id)}
                  onChange={(event) => onChange(event.target.checked ? [...selected, option.id] : selected.filter((linked) => linked !== option.id))}
                />
                <label htmlFor={inputId}>{option.label}</label>
              </li>
            )
          })}
        </ul>
      )}
    </fieldset>
  )
}
