import { isAppError } from '../../../../core/errors/app-error.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextAreaField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm } from '../../components/form.ts';
import { formatDateTime, formatTime } from '../../components/format.ts';
import { Section } from '../../components/page.tsx';
import { useActiveOrg } from '../session/active-org.tsx';
import { useSecurityTranslation } from './i18n.ts';
import { useEmergencyGrants, useEndEmergencyAccess, useRequestEmergencyAccess } from './queries.ts';

const MIN_JUSTIFICATION = 20;

/** Whether a failed case load is the refusal that emergency access can lift. */
function isMissingCaseRead(error: unknown): boolean {
  return isAppError(error) && error.code === 'FORBIDDEN' && error.details.reason === 'MISSING_PERMISSION';
}

/**
 * Shown where a case is refused: members who hold case.emergencyAccess can open it at once with a
 * written reason. Renders nothing for anyone else or any other error.
 */
export function EmergencyAccessRequest({ orgId, caseId, error }: { orgId: string; caseId: string; error: unknown }) {
  const { can } = useActiveOrg();
  if (!isMissingCaseRead(error) || !can('case.emergencyAccess')) return null;
  return <EmergencyAccessForm orgId={orgId} caseId={caseId} />;
}

function EmergencyAccessForm({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useSecurityTranslation();
  const request = useRequestEmergencyAccess(orgId, caseId);
  const form = useForm<'justification'>({ initial: { justification: '' }, issuePaths: { justification: 'justification' } });

  function handleSubmit() {
    request.reset();
    if (!form.check({ justification: form.values.justification.trim().length >= MIN_JUSTIFICATION ? undefined : t('emergency.justificationHint') })) return;
    request.mutate(form.values.justification.trim(), { onError: form.showServerErrors });
  }

  return (
    <Section id="case-emergency-access" title={t('emergency.title')}>
      <p>{t('emergency.refusedIntro')}</p>
      <FormShell form={form} onSubmit={handleSubmit} error={request.error} busy={request.isPending} submitLabel={t('emergency.request')} busyLabel={t('emergency.requesting')}>
        <TextAreaField id="emergency-justification" label={t('emergency.justification')} hint={t('emergency.justificationHint')} maxLength={2000} {...form.bind('justification')} />
      </FormShell>
    </Section>
  );
}

/**
 * On the case: who had emergency access, when and why (for readers of the case); for the holder,
 * their own grant with a way to end it early.
 */
export function EmergencyAccessSection({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t, i18n } = useSecurityTranslation();
  const { session } = useActiveOrg();
  const grants = useEmergencyGrants(orgId, caseId);
  const end = useEndEmergencyAccess(orgId, caseId);
  if (grants.isPending) return null;
  if (grants.error) return isAppError(grants.error) && grants.error.code === 'FORBIDDEN' ? null : <ErrorAlert error={grants.error} />;
  const mine = grants.data.find((grant) => grant.user.id === session.user.id && grant.status === 'active');
  return (
    <Section id="case-emergency-history" title={t('emergency.historyTitle')}>
      {mine && <StatusMessage tone="warning">{t('emergency.youHave', { time: formatTime(new Date(mine.expiresAt), i18n.language) })}</StatusMessage>}
      <ErrorAlert error={end.error} />
      {grants.data.length === 0 ? (
        <p className="muted">{t('emergency.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('emergency.who')}</th>
              <th scope="col">{t('emergency.granted')}</th>
              <th scope="col">{t('emergency.until')}</th>
              <th scope="col">{t('emergency.why')}</th>
              <th scope="col">{t('emergency.state')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.data.map((grant) => (
              <tr key={grant.id}>
                <td><bdi>{grant.user.displayName}</bdi></td>
                <td>{formatDateTime(grant.grantedAt, i18n.language)}</td>
                <td>{formatDateTime(grant.endedAt ?? grant.expiresAt, i18n.language)}</td>
                <td>{grant.justification}</td>
                <td>
                  {t(`emergency.states.${grant.status}`)}
                  {grant.status === 'active' && (grant.user.id === session.user.id || session.memberships.some((m) => m.organisation.id === orgId && m.permissions.includes('org.configure'))) && (
                    <> <Button variant="secondary" busy={end.isPending} busyLabel={t('emergency.ending')} onClick={() => end.mutate(grant.id)}>{t('emergency.end')}</Button></>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
