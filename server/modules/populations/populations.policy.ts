import { AppError } from '../../../core/errors/app-error.ts';
import { ROLE_PERMISSIONS } from '../../../core/authz/permissions.ts';
import type { TActor } from '../../context.ts';

/**
 * Population figures are deployment-wide public statistics, not organisation data: they are not
 * scoped to an organisation. Changing them affects every organisation's rates, so only a
 * platform administrator (or the operator at the CLI) may import them.
 */
export function assertCanImportPopulations(actor: TActor): void {
  if (actor.type === 'cli' || actor.type === 'system') return;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (!actor.isPlatformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators import population figures.', { reason: 'NOT_PLATFORM_ADMIN' });
}

/** Anyone who reads statistics in some organisation (or a platform administrator) reads the denominators behind the rates. */
export function assertCanReadPopulations(actor: TActor): void {
  if (actor.type === 'cli' || actor.type === 'system') return;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (actor.isPlatformAdmin) return;
  for (const role of actor.roles.values()) if (ROLE_PERMISSIONS[role].includes('stats.read')) return;
  throw new AppError('FORBIDDEN', 'You need the permission stats.read in an organisation to read population figures.', { reason: 'MISSING_PERMISSION', permission: 'stats.read' });
}
