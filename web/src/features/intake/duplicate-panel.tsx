import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { agreementOf, matchStrengthOf, type TDuplicateMatch, type TExplainedField } from './duplicate-check.ts';
import './duplicate-check.css';

type TDuplicatePanelProps = {
  matches: TDuplicateMatch[];
  /** Whether the user may see who the match is (person.readIdentity): otherwise only that one exists. */
  identityVisible: boolean;
  /** The user chose to continue with a new person: the panel folds to one line. */
  acknowledged: boolean;
  onAcknowledge: () => void;
  onOpenCase: (match: TDuplicateMatch, caseId: string) => void;
};

/**
 * "This person may already be registered": possible matches from the registration-time check,
 * each with its strength and the fields that agree, in words. Informative only: registering a
 * new person stays possible at every moment.
 */
export function DuplicatePanel({ matches, identityVisible, acknowledged, onAcknowledge, onOpenCase }: TDuplicatePanelProps) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  const fields = (list: TExplainedField[]) => list.map((field) => t(`intake.duplicates.fields.${field}`)).join(t('intake.duplicates.listSeparator'));
  if (acknowledged) {
    return (
      <p className="status status--neutral duplicate-panel duplicate-panel--folded" role="status">
        {t('intake.duplicates.continuing')}
      </p>
    );
  }
  return (
    <section className="status status--neutral duplicate-panel" aria-labelledby="duplicate-panel-title" role="region">
      <h3 className="duplicate-panel__title" id="duplicate-panel-title">{t('intake.duplicates.title')}</h3>
      <p className="duplicate-panel__intro">{t('intake.duplicates.intro')}</p>
      <ul className="duplicate-panel__list">
        {matches.map((match) => {
          const agreement = agreementOf(match);
          return (
            <li key={match.personId} className="duplicate-panel__match">
              <p className="duplicate-panel__strength">
                <strong>{t(`intake.duplicates.strength.${matchStrengthOf(match.probability)}`)}</strong>
                {identityVisible && match.displayName ? <> · <span dir="auto">{match.displayName}</span></> : null}
              </p>
              {agreement.agree.length > 0 && <p>{t('intake.duplicates.agree', { fields: fields(agreement.agree) })}</p>}
              {agreement.similar.length > 0 && <p>{t('intake.duplicates.similar', { fields: fields(agreement.similar) })}</p>}
              {agreement.differ.length > 0 && <p>{t('intake.duplicates.differ', { fields: fields(agreement.differ) })}</p>}
              {match.explanation.namesSwapped && <p>{t('intake.duplicates.namesSwapped')}</p>}
              {identityVisible ? (
                match.cases.length > 0 ? (
                  <ul className="duplicate-panel__cases">
                    {match.cases.map((item) => (
                      <li key={item.id}>
                        <Button variant="link" onClick={() => onOpenCase(match, item.id)}>
                          {t('intake.duplicates.openCase', { reference: item.reference })}
                        </Button>
                      </li>
                    ))}
                  </ul>
                ) : null
              ) : (
                <p className="muted">{t('intake.duplicates.askCoordinator')}</p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="duplicate-panel__actions">
        <Button variant="secondary" onClick={onAcknowledge}>
          {t('intake.duplicates.registerAnyway')}
        </Button>
      </div>
    </section>
  );
}
