import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { ROLES } from '../../core/authz/permissions.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { findOrganisationByName } from '../../server/modules/organisations/organisations.repo.ts';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.ts';
import { addMember } from '../../server/modules/members/members.service.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const DEMO_ORGANISATION_NAME = 'Demo Agency (synthetic data)';

export const DEMO_HELP = `palermo demo

Creates "${DEMO_ORGANISATION_NAME}" with one user for each role, so a newcomer can look around.
Every name and e-mail is clearly synthetic (…@demo.invalid). Passwords are random and printed
once; nothing here is a default password. Run it with the server stopped.`;

/** A random password that satisfies the policy and is easy to copy. */
function randomPassword(): string {
  // No word of the user's name or e-mail in it: the password policy refuses those.
  return `pw-${randomBytes(12).toString('base64url')}`;
}

export async function runDemo(io: TCliIo): Promise<number> {
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const created = await withContext(opened.deps, { type: 'cli', osUser: userInfo().username }, NO_REQUEST, async (ctx) => {
      if (await findOrganisationByName(ctx.db, DEMO_ORGANISATION_NAME)) return null;
      const organisation = await createOrganisation(ctx, { name: DEMO_ORGANISATION_NAME, kind: 'ngo' });
      const users: { email: string; role: string; password: string }[] = [];
      for (const role of ROLES) {
        const password = randomPassword();
        const email = `${role.replace(/_/g, '-')}@demo.invalid`;
        await addMember(ctx, organisation.id, { email, displayName: `Demo ${role.replace(/_/g, ' ')} (synthetic)`, password, role });
        users.push({ email, role, password });
      }
      return users;
    });
    if (!created) {
      io.out(`"${DEMO_ORGANISATION_NAME}" exists already; nothing was changed.`);
      return 0;
    }
    io.out(`Created "${DEMO_ORGANISATION_NAME}" with these synthetic users (passwords are shown only now):`);
    for (const user of created) io.out(`  ${user.role.padEnd(17)} ${user.email.padEnd(32)} ${user.password}`);
    return 0;
  } finally {
    await opened.database.close();
  }
}
