import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ORGANISATION_KINDS, type TOrganisationKind } from '../../core/organisations/kinds.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { NO_REQUEST, withContext } from '../../server/context.ts';
import { createFirstAdministrator } from '../../server/modules/setup/setup.service.ts';
import type { TCliIo } from '../cli-io.ts';
import { openAdminDatabase } from '../open-admin-database.ts';

export const CREATE_ADMIN_HELP = `palermo create-admin [--email E] [--name N] [--organisation O] [--kind K]

Creates the first organisation and its administrator (who is also the platform administrator).
Asks for what is missing; the password is read from PALERMO_ADMIN_PASSWORD or asked for without
echo. Each flag may also come from the environment: PALERMO_ADMIN_EMAIL, PALERMO_ADMIN_NAME,
PALERMO_ORGANISATION, PALERMO_ORGANISATION_KIND.
Kinds: ${ORGANISATION_KINDS.join(', ')} (default government).
Needs the embedded data folder free (stop the server first); the alternative is the one-time
setup token that the server prints at start while no administrator exists.`;

export async function runCreateAdmin(io: TCliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, kind: { type: 'string' } },
    strict: true,
  });
  const email = values.email ?? io.env.PALERMO_ADMIN_EMAIL ?? (await io.ask('Administrator e-mail: '));
  const displayName = values.name ?? io.env.PALERMO_ADMIN_NAME ?? (await io.ask('Administrator name: '));
  const organisationName = values.organisation ?? io.env.PALERMO_ORGANISATION ?? (await io.ask('Organisation name: '));
  const kind = values.kind ?? io.env.PALERMO_ORGANISATION_KIND ?? 'government';
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    io.err(`Unknown organisation kind "${kind}". Use one of: ${ORGANISATION_KINDS.join(', ')}.`);
    return 2;
  }
  const password = io.env.PALERMO_ADMIN_PASSWORD ?? (await io.ask('Password (at least 12 characters): ', { secret: true }));
  const opened = await openAdminDatabase(io);
  if (!opened) return 1;
  try {
    const { user, organisation } = await withContext(
      opened.deps,
      { type: 'cli', osUser: userInfo().username },
      NO_REQUEST,
      (ctx) => createFirstAdministrator(ctx, { organisation: { name: organisationName.trim(), kind: kind as TOrganisationKind }, admin: { email: email.trim(), displayName: displayName.trim(), password } }),
    );
    io.out(`Created administrator ${user.email} for ${organisation.name}. Start the server and sign in.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      for (const issue of error.details.issues ?? []) io.err(`  ${issue.message}`);
      return 1;
    }
    throw error;
  } finally {
    await opened.database.close();
  }
}
