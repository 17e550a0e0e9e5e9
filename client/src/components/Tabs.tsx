import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface Tab<Id extends string> {
  id: Id
  label: string
}

interface Props<Id extends string> {
  label: string
  tabs: readonly Tab<Id>[]
  selected: Id
  onSelect(id: Id): void
  children: ReactNode
}

/**
 * The WAI-ARIA tabs pattern: one tab stop for the whole list, arrow keys (and Home/End) move
 * between tabs and show each at once, Tab moves on into the panel.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect, children }: Props<Id>) {
  const baseId = useId()
  const refs = useRef(new Map<Id, HTMLButtonElement>())

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((tab) => tab.id === selected)
    const last = tabs.length - 1
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null
    const tab = next === null ? undefined : tabs[next]
    if (!tab) return
    event.preventDefault()
    onSelect(tab.id)
    refs.current.get(tab.id)?.focus()
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.id === selected
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) refs.current.set(tab.id, element)
                else refs.current.delete(tab.id)
              }}
              type="button"
              role="tab"
              id={`${baseId}-${tab.id}-tab`}
              aria-selected={active}
              aria-controls={active ? `${baseId}-${tab.id}-panel` : undefined}
              tabIndex={active ? 0 : -1}
              className="tabs__tab"
              data-tab={tab.id}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          )
        })}
      </div>
      {/* Only the selected panel exists, so it loads fresh each time it is opened. */}
      <div
        role="tabpanel"
        id={`${baseId}-${selected}-panel`}
        aria-labelledby={`${baseId}-${selected}-tab`}
        tabIndex={0}
        className="tabs__panel"
        data-panel={selected}
      >
        {children}
      </div>
    </div>
  )
}
