import { useJusticeTranslation } from './i18n.ts';
import type { TCourtOutcome, TInvestigationStatus } from './types.ts';

/** Open work, closures and pauses look different, always with the word as well as the colour. */
const STATUS_TONE: Record<TInvestigationStatus, 'progress' | 'positive' | 'closed' | 'neutral'> = {
  open: 'progress',
  closed_charged: 'positive',
  closed_no_further_action: 'closed',
  suspended: 'neutral',
};

/** The investigation's status as a coloured tag with its word. */
export function InvestigationStatusBadge({ status }: { status: TInvestigationStatus }) {
  const { t } = useJusticeTranslation();
  return <span className={`tag tag--${STATUS_TONE[status]}`}>{t(`investigationStatus.${status}`)}</span>;
}

/** Marks an investigation another organisation owns and shared with the viewer's. */
export function SharedBadge() {
  const { t } = useJusticeTranslation();
  return <span className="tag tag--neutral">{t('investigation.shared')}</span>;
}

const OUTCOME_TONE: Record<TCourtOutcome, 'positive' | 'negative' | 'closed' | 'progress'> = {
  convicted: 'positive',
  acquitted: 'negative',
  dismissed: 'closed',
  withdrawn: 'closed',
  pending: 'progress',
};

/** A court decision's outcome, marked when it was given on appeal. */
export function OutcomeTag({ outcome, isAppeal }: { outcome: TCourtOutcome; isAppeal: boolean }) {
  const { t } = useJusticeTranslation();
  return (
    <span className={`tag tag--${OUTCOME_TONE[outcome]}`}>
      {isAppeal ? t('decision.onAppeal', { outcome: t(`courtOutcomes.${outcome}`) }) : t(`courtOutcomes.${outcome}`)}
    </span>
  );
}
