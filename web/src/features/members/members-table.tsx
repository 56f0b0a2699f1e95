import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../core/authz/permissions.ts';
import type { TMember } from '../../api/types.ts';
import { ErrorAlert, type TStatusText } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField, type TOption } from '../../components/field.tsx';
import { formatDate } from '../../components/format.ts';
import { useChangeMemberRole, useRemoveMember } from './queries.ts';
import { NOT_DISPLAYED } from '../../i18n/index.ts';

type TMembersTableProps = {
  orgId: string;
  orgName: string;
  members: TMember[];
  /** From the server's `abilities['member.manage']`: shows the role selects and remove buttons. */
  canManage: boolean;
  /** Roles the viewer may grant (a member's current role is always offered too). */
  roleOptions: TOption[];
  /** Receives confirmations ("… now has the role …") for the page's status region. */
  onStatus: (status: TStatusText) => void;
};

/** The member list; with `canManage`, each row can change the role or remove the member. */
export function MembersTable({ orgId, orgName, members, canManage, roleOptions, onStatus }: TMembersTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.email')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.added')}</th>
            {canManage && <th scope="col">{t('members.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) =>
            canManage ? (
              <ManagedMemberRow key={member.userId} orgId={orgId} orgName={orgName} member={member} roleOptions={roleOptions} onStatus={onStatus} />
            ) : (
              <tr key={member.userId}>
                <th scope="row">{member.displayName}</th>
                <td data-label={t('members.email')}>
                  <bdi>{member.email}</bdi>
                </td>
                <td data-label={t('members.role')}>{t(`roles.${member.role}`)}</td>
                <td className="cell--nowrap" data-label={t('members.added')}>{formatDate(member.createdAt, i18n.language)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

type TManagedRowProps = Omit<TMembersTableProps, 'members' | 'canManage'> & { member: TMember };

function ManagedMemberRow({ orgId, orgName, member, roleOptions, onStatus }: TManagedRowProps) {
  const { t, i18n } = useTranslation();
  const changeRole = useChangeMemberRole(orgId);
  const remove = useRemoveMember(orgId);
  const [role, setRole] = useState<TRole>(member.role);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keep the select in step when the server's answer changes the role (e.g. after a refetch).
  useEffect(() => setRole(member.role), [member.role]);

  // Move focus into the confirmation and back out of it, so keyboard users never lose their place.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const options = roleOptions.some((o) => o.value === member.role)
    ? roleOptions
    : [{ value: member.role, label: t(`roles.${member.role}`) }, ...roleOptions];
  const error = changeRole.error ?? remove.error;

  function handleSave() {
    remove.reset();
    changeRole.mutate(
      { userId: member.userId, role },
      { onSuccess: () => onStatus((tr) => tr('members.roleSaved', { name: member.displayName, role: tr(`roles.${role}`) })) },
    );
  }

  function handleRemove() {
    changeRole.reset();
    // mutateAsync, not per-call callbacks: the row unmounts when the refreshed list arrives,
    // and React Query drops per-call callbacks of unmounted observers.
    remove
      .mutateAsync({ userId: member.userId })
      .then(() => {
        onStatus((tr) => tr('members.removed', { name: member.displayName }));
        // The focused button is gone with its row; continue from the page heading.
        document.querySelector<HTMLElement>('.page-title')?.focus();
      })
      .catch(() => setConfirming(false));
  }

  return (
    <tr>
      <th scope="row">{member.displayName}</th>
      <td data-label={t('members.email')}>
        <bdi>{member.email}</bdi>
      </td>
      <td data-label={t('members.role')}>
        <div className="inline-form">
          <SelectField
            id={`member-role-${member.userId}`}
            label={t('members.roleFor', { name: member.displayName, ...NOT_DISPLAYED })}
            hideLabel
            options={options}
            value={role}
            onChange={(e) => setRole(e.target.value as TRole)}
          />
          <Button
            variant="secondary"
            disabled={role === member.role}
            busy={changeRole.isPending}
            aria-label={t('members.saveRoleFor', { name: member.displayName, ...NOT_DISPLAYED })}
            onClick={handleSave}
          >
            {t('members.saveRole')}
          </Button>
        </div>
      </td>
      <td className="cell--nowrap" data-label={t('members.added')}>{formatDate(member.createdAt, i18n.language)}</td>
      <td data-label={t('members.actions')}>
        {confirming ? (
          <div className="confirm" role="group" aria-label={t('members.removeFor', { name: member.displayName, ...NOT_DISPLAYED })}>
            <p className="confirm__text">{t('members.confirmRemove', { name: member.displayName, organisation: orgName })}</p>
            <div className="confirm__actions">
              <Button ref={confirmRef} variant="danger" busy={remove.isPending} onClick={handleRemove}>
                {t('members.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('members.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button ref={removeRef} variant="danger" aria-label={t('members.removeFor', { name: member.displayName, ...NOT_DISPLAYED })} onClick={() => setConfirming(true)}>
            {t('members.remove')}
          </Button>
        )}
        {error !== null && <ErrorAlert error={error} />}
      </td>
    </tr>
  );
}
