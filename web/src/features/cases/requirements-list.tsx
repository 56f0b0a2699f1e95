import { useTranslation } from 'react-i18next';
import type { TRequirement } from '../../api/case-types.ts';

/** Requirement codes the UI has a sentence for; others show the server's English message. */
const KNOWN_REQUIREMENTS = [
  'CHILD_PROTECTION_LEAD_REQUIRED',
  'GUARDIAN_REQUIRED',
  'BEST_INTERESTS_DETERMINATION_REQUIRED',
  'RISK_AND_SECURITY_ASSESSMENT_REQUIRED',
  'RETURN_NOT_IN_BEST_INTERESTS',
  'CONSENT_REQUIRED',
  'CONSENT_DECLINED',
  'CONSENT_NOT_INFORMED',
] as const;

/** Translates one unmet requirement by its code. */
export function useRequirementText(): (requirement: TRequirement) => string {
  const { t } = useTranslation();
  return (requirement) =>
    (KNOWN_REQUIREMENTS as readonly string[]).includes(requirement.code)
      ? t(`requirements.${requirement.code as (typeof KNOWN_REQUIREMENTS)[number]}`)
      : requirement.message;
}

/** A titled list of what is still missing before a step (empty lists render nothing). */
export function RequirementsList({ title, requirements }: { title: string; requirements: readonly TRequirement[] }) {
  const text = useRequirementText();
  if (requirements.length === 0) return null;
  return (
    <div className="requirements">
      <p className="requirements__title">{title}</p>
      <ul className="requirements__list">
        {requirements.map((requirement) => (
          <li key={requirement.code}>{text(requirement)}</li>
        ))}
      </ul>
    </div>
  );
}
