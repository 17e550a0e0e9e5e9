import { SHIFT_SKILL_MAX, type Skill } from '@fourwall/shared'
import { useState } from 'react'
import { describedByOf, FieldFrame } from '../components/fields/FieldFrame.js'
import { SkillSelect } from './SkillSelect.js'
import { WrittenText } from './WrittenText.js'

interface Props {
  idPrefix: string
  skill: Skill
  customSkill: string
  commitSkill(skill: Skill): string | null
  commitCustomSkill(text: string): string | null
}

/** The skill, written as soon as it is chosen; "Other skill" asks for it in words. */
export function SkillField({ idPrefix, skill, customSkill, commitSkill, commitCustomSkill }: Props) {
  const [error, setError] = useState<string | null>(null)
  const id = `${idPrefix}-skill`
  return (
    <>
      <FieldFrame id={id} label="Skill" className="shift-field" error={error}>
        <SkillSelect id={id} value={skill} field="skill" describedBy={describedByOf(id, { error })} onChange={(next) => setError(commitSkill(next))} />
      </FieldFrame>
      {skill === 'custom' && (
        <WrittenText
          id={`${id}-custom`}
          label="Which skill"
          value={customSkill}
          maxLength={SHIFT_SKILL_MAX}
          placeholder="Security, QA…"
          field="customSkill"
          commit={commitCustomSkill}
        />
      )}
    </>
  )
}
