import { SKILL_LABELS, SKILLS, type Skill } from '@fourwall/shared'

interface Props {
  id: string
  value: Skill
  onChange(skill: Skill): void
  describedBy?: string | undefined
  /** The data-field of a ledger row's select; a form's draft has none. */
  field?: string | undefined
}

/** The skill that moves, by its name in words ("Other skill" is then said in a field of its own). */
export function SkillSelect({ id, value, onChange, describedBy, field }: Props) {
  return (
    <select id={id} value={value} data-field={field} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value as Skill)}>
      {SKILLS.map((option) => (
        <option key={option} value={option}>
          {SKILL_LABELS[option]}
        </option>
      ))}
    </select>
  )
}
