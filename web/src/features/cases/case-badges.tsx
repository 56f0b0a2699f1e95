import { useTranslation } from 'react-i18next';
import type { TCaseStatus } from '../../../../core/nrm/case-status.ts';
import type { TDeadlineKind, TDeadlineState } from '../../api/case-types.ts';
import { formatDateTime } from '../../components/format.ts';

/** Closed and negative outcomes look different from open work, so a list can be scanned by colour and text. */
const STATUS_TONE: Record<TCaseStatus, 'neutral' | 'progress' | 'positive' | 'negative' | 'closed'> = {
  draft: 'neutral',
  referred: 'progress',
  rg_positive: 'positive',
  rg_negative: 'negative',
  rg_reconsideration: 'progress',
  cg_positive: 'positive',
  cg_negative: 'negative',
  cg_reconsideration: 'progress',
  withdrawn: 'closed',
  closed: 'closed',
};

export function StatusBadge({ status }: { status: TCaseStatus }) {
  const { t } = useTranslation();
  return <span className={`tag tag--${STATUS_TONE[status]}`}>{t(`caseStatus.${status}`)}</span>;
}

export function ChildBadge() {
  const { t } = useTranslation();
  return <span className="tag tag--child">{t('cases.child')}</span>;
}

/**
 * How a deadline's state reads: an elapsed recovery period is not a failure (the CG decision may
 * now be taken), so only a late decision is called overdue.
 */
export function deadlineStateKey(kind: TDeadlineKind | string, state: TDeadlineState) {
  if (kind === 'recovery_period_end' && (state === 'breached' || state === 'elapsed')) return 'ended' as const;
  return state;
}

type TDeadlineTextProps = {
  kind: TDeadlineKind | string;
  dueAt: string;
  state: TDeadlineState;
  /** Leave out the kind where a label already names it (the case page's list). */
  hideKind?: boolean;
};

/** "RG decision due: 3 May 2026, 17:00 — Overdue", with the state as a coloured tag. */
export function DeadlineText({ kind, dueAt, state, hideKind = false }: TDeadlineTextProps) {
  const { t, i18n } = useTranslation();
  const stateKey = deadlineStateKey(kind, state);
  const kindLabel = kind === 'rg_decision' || kind === 'recovery_period_end' ? t(`deadlineKinds.${kind}`) : kind;
  return (
    <span className="deadline">
      <span>
        {!hideKind && <>{kindLabel}: </>}
        <time dateTime={dueAt}>{formatDateTime(dueAt, i18n.language)}</time>
      </span>{' '}
      <span className={`tag tag--deadline-${stateKey}`}>{t(`deadlineStates.${stateKey}`)}</span>
    </span>
  );
}
