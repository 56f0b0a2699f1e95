import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage, useStatus } from '../components/alert.tsx';
import { Page, Section } from '../components/page.tsx';
import { RequireOrg } from '../components/require-org.tsx';
import { AddMemberForm } from '../features/members/add-member-form.tsx';
import { MembersTable } from '../features/members/members-table.tsx';
import { AccountRecovery } from '../features/members/account-recovery.tsx';
import { useMembers } from '../features/members/queries.ts';
import { useGrantableRoleOptions } from '../features/members/role-options.ts';
import { useActiveOrg, type TActiveOrganisation } from '../features/session/active-org.tsx';

export function MembersPage() {
  return <RequireOrg>{(active) => <Members key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** Members of the active organisation; the forms appear only when the server grants `member.manage`. */
function Members({ active }: { active: TActiveOrganisation }) {
  const { t } = useTranslation();
  const { session } = useActiveOrg();
  const { id: orgId, name: orgName } = active.organisation;
  const members = useMembers(orgId);
  const roleOptions = useGrantableRoleOptions(session.user.isPlatformAdmin ? null : active.role);
  const [status, setStatus] = useStatus();
  const canManage = members.data?.abilities['member.manage'] === true;

  return (
    <Page title={t('members.title')} intro={t('members.intro', { organisation: orgName })}>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={members.error} />
      {members.isPending && <p className="muted">{t('app.loading')}</p>}
      {members.data &&
        (members.data.members.length === 0 ? (
          <p>{t('members.empty')}</p>
        ) : (
          <MembersTable orgId={orgId} orgName={orgName} members={members.data.members} canManage={canManage} roleOptions={roleOptions} onStatus={setStatus} />
        ))}
      {session.user.isPlatformAdmin && members.data && (
        <AccountRecovery members={members.data.members.filter((m) => m.userId !== session.user.id)} onStatus={setStatus} />
      )}
      {canManage && (
        <Section id="members-add" title={t('members.addTitle')}>
          <AddMemberForm orgId={orgId} roleOptions={roleOptions} onAdded={(name, role) => setStatus((tr) => tr('members.addedStatus', { name, role: tr(`roles.${role}`) }))} />
        </Section>
      )}
    </Page>
  );
}
