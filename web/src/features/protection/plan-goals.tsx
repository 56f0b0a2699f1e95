import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { useLabels } from './labels.ts';
import { GoalForm, type TGoalSubmit } from './plan-goal-form.tsx';
import type { TGoal } from './plan-types.ts';

type TEditing = { chosen: string[]; owners: readonly { userId: string; displayName: string }[]; busy: boolean; onSubmit: TGoalSubmit };

/**
 * The goals of one plan version, each in the survivor's own words. With `editing`, each goal
 * has an "Edit" button opening its form in place (one at a time); without it the list is read only
 * (older versions in the history).
 */
export function GoalList({ goals, idPrefix, editing }: { goals: readonly TGoal[]; idPrefix: string; editing?: TEditing }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState<string | null>(null);
  if (goals.length === 0) return <p>{t('plan.noGoals')}</p>;
  return (
    <ul className="protection-list">
      {goals.map((goal, index) => (
        <li key={goal.id}>
          <strong>{labels.domain(goal.domain)}</strong> · {labels.goalStatus(goal.status)}
          <br />
          <q><bdi>{goal.survivorWords}</bdi></q>
          <br />
          <span className="muted">
            {t('plan.owner')}: {labels.owner(goal.owner.kind)}
            {goal.owner.userId && <> · <bdi>{goal.owner.displayName ?? t('plan.ownerUnknown')}</bdi></>}
            {' · '}{t('plan.reviewOn')}: <bdi>{goal.reviewOn}</bdi>
          </span>
          {editing && open !== goal.id && (
            <div className="form__actions">
              <Button variant="secondary" aria-label={t('plan.editGoalLabel', { number: String(index + 1), area: labels.domain(goal.domain) })} onClick={() => setOpen(goal.id)}>
                {t('plan.editGoal')}
              </Button>
            </div>
          )}
          {editing && open === goal.id && (
            <GoalForm idPrefix={`${idPrefix}-${goal.id}`} label={t('plan.editGoalLabel', { number: String(index + 1), area: labels.domain(goal.domain) })} submitLabel={t('plan.saveGoal')}
              chosen={editing.chosen} goal={goal} owners={editing.owners} busy={editing.busy} onCancel={() => setOpen(null)}
              onSubmit={(change, done, fail) => editing.onSubmit(change, () => { setOpen(null); done(); }, fail)} />
          )}
        </li>
      ))}
    </ul>
  );
}
