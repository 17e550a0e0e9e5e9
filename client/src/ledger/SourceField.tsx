import { SHIFT_SOURCE_LABEL_MAX, type ShiftSource, type Team } from '@fourwall/shared'
import { useState } from 'react'
import { describedByOf, FieldFrame } from '../components/fields/FieldFrame.js'
import { OTHER_SOURCE, sourceFromKey, sourceKey } from './ledgerText.js'
import { SourceSelect } from './SourceSelect.js'
import type { LedgerItem } from './useLedger.js'
import { WrittenText } from './WrittenText.js'

interface Props {
  idPrefix: string
  value: ShiftSource | null
  teams: readonly Team[]
  items: readonly LedgerItem[]
  /** Writes the source; returns the refusal's sentence, or null. */
  commit(source: ShiftSource): string | null
}

/**
 * Where a row's people come from. A team or an item is written as soon as it is chosen; "somewhere
 * else" waits for the words (the ledger has no unnamed source) and writes them as they are typed.
 */
export function SourceField({ idPrefix, value, teams, items, commit }: Props) {
  const [choosingOther, setChoosingOther] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = `${idPrefix}-from`
  const isOther = value?.kind === 'other' || choosingOther
  return (
    <>
      <FieldFrame id={id} label="From" className="shift-field" error={error}>
        <SourceSelect
          id={id}
          value={isOther ? OTHER_SOURCE : sourceKey(value)}
          teams={teams}
          items={items}
          describedBy={describedByOf(id, { error })}
          onChange={(key) => {
            if (key === OTHER_SOURCE) {
              setChoosingOther(true)
              setError(null)
              return
            }
            const source = sourceFromKey(key, '')
            if (!source) return
            const problem = commit(source)
            setError(problem)
            if (!problem) setChoosingOther(false)
          }}
        />
      </FieldFrame>
      {isOther && (
        <WrittenText
          id={`${id}-label`}
          label="From where, in words"
          value={value?.kind === 'other' ? value.label : ''}
          maxLength={SHIFT_SOURCE_LABEL_MAX}
          placeholder="New hires, contractors…"
          field="from-label"
          commit={(label) => {
            const problem = commit({ kind: 'other', label })
            if (!problem) setChoosingOther(false)
            return problem
          }}
        />
      )}
    </>
  )
}
