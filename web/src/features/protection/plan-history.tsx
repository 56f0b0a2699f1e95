import { useState } from 'react';
import { ErrorAlert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { useLabels } from './labels.ts';
import { NeedsAssessmentView } from './needs-assessment.tsx';
import { GoalList } from './plan-goals.tsx';
import { usePlanVersions } from './plan-queries.ts';
import type { TPlanVersion } from './plan-types.ts';

/**
 * Plan history: every version, newest first, and any one of them opened read only (its areas,
 * needs assessment and goals as they were). Loaded only once opened: each load is an audited read.
 */
export function PlanHistory({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const versions = usePlanVersions(orgId, caseId, open);
  const selected = versions.data?.find((v) => v.version === shown) ?? null;
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('plan.history')}</summary>
      <ErrorAlert error={versions.error} />
      {versions.isPending && open && <p className="muted">{t('common.loading')}</p>}
      {versions.data && (
        <ol className="protection-list">
          {versions.data.map((v) => (
            <li key={v.version}>
              {t('plan.version', { version: String(v.version) })} · {labels.approval(v.approvalStatus)} · <bdi>{v.createdAt.slice(0, 10)}</bdi>
              {v.createdBy && <> · <bdi>{v.createdBy.displayName}</bdi></>} · {t('plan.goalCount', { count: v.goals.length })}
              {v.changeNote && <> — <bdi>{v.changeNote}</bdi></>}
              <div className="form__actions">
                <Button variant="secondary" aria-expanded={shown === v.version} onClick={() => setShown(shown === v.version ? null : v.version)}>
                  {shown === v.version ? t('plan.hideVersion', { version: String(v.version) }) : t('plan.showVersion', { version: String(v.version) })}
                </Button>
              </div>
              {selected?.version === v.version && <VersionDetails version={selected} />}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function VersionDetails({ version }: { version: TPlanVersion }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  return (
    <div className="plan-version" role="region" aria-label={t('plan.versionShown', { version: String(version.version) })}>
      <p>{t('plan.domains')}: {version.chosenDomains.map(labels.domain).join(', ')}</p>
      <h4>{t('plan.needs.title')}</h4>
      <NeedsAssessmentView assessment={version.needsAssessment} />
      <h4>{t('plan.goals')}</h4>
      <GoalList goals={version.goals} idPrefix={`history-${version.version}`} />
    </div>
  );
}
