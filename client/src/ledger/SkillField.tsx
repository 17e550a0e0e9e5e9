import { SHIFT_SKILL_MAX, SKILL_LABELS, SKILLS, type Skill } from '@fourwall/shared'
import { useState } from 'react'
import { errorIdOf, FieldShell } from './FieldShell.js'
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
      <FieldShell id={id} label="Skill" error={error}>
        <select
          id={id}
          value={skill}
          data-field="skill"
          aria-describedby={errorIdOf(id, error)}
          onChange={(event) => setError(commitSkill(event.target.value as Skill))}
        >
          {SKILLS.map((option) => (
            <option key={option} value={option}>
              {SKILL_LABELS[option]}
            </option>
          ))}
        </select>
      </FieldShell>
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
