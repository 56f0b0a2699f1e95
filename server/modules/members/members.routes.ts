import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLE_PERMISSIONS, ROLES } from '../../../core/authz/permissions.ts';
import type { TAppDeps } from '../../http/app-deps.ts';
import { ERROR_RESPONSES, ZNoContent, ZOrgParams } from '../../http/common-schemas.ts';
import { runUserUseCase, zodApp } from '../../http/route-helpers.ts';
import { can, requireUser } from '../../authz/policy.ts';
import { authorizeInOrganisation } from '../../authz/org-access.ts';
import { findMembers } from './members.repo.ts';
import { addMember, changeMemberRole, removeMember } from './members.service.ts';
import { presentMember, ZAddMemberRequest, ZChangeRoleRequest, ZMember, ZMemberList, ZMemberParams, ZRoleList } from './members.schemas.ts';

export function registerMemberRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const api = zodApp(app);

  api.get('/api/roles', {
    schema: { tags: ['members'], summary: 'Roles and the permissions each grants', response: { 200: ZRoleList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user' } },
  }, async (request) => {
    requireUser(request.actor);
    return { roles: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) };
  });

  api.get('/api/organisations/:orgId/members', {
    schema: { tags: ['members'], summary: 'Members of an organisation with their roles', params: ZOrgParams, response: { 200: ZMemberList, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'member.read' } },
  }, async (request) => {
    const actor = requireUser(request.actor);
    await authorizeInOrganisation(deps.database.db, actor, request.params.orgId, 'member.read');
    const members = await findMembers(deps.database.db, request.params.orgId);
    return { members: members.map(presentMember), abilities: { 'member.manage': can(actor, request.params.orgId, 'member.manage') } };
  });

  api.post('/api/organisations/:orgId/members', {
    schema: { tags: ['members'], summary: 'Add a person with a role (creates the account if the e-mail is new)', params: ZOrgParams, body: ZAddMemberRequest, response: { 201: z.object({ member: ZMember }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'member.manage' } },
  }, async (request, reply) => {
    const member = await runUserUseCase(deps, request, (ctx) => addMember(ctx, request.params.orgId, request.body));
    return reply.status(201).send({ member: presentMember(member) });
  });

  api.patch('/api/organisations/:orgId/members/:userId', {
    schema: { tags: ['members'], summary: 'Change a member\'s role', params: ZMemberParams, body: ZChangeRoleRequest, response: { 200: z.object({ member: ZMember }), ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'member.manage' } },
  }, async (request) => {
    const member = await runUserUseCase(deps, request, (ctx) => changeMemberRole(ctx, request.params.orgId, request.params.userId, request.body.role));
    return { member: presentMember(member) };
  });

  api.delete('/api/organisations/:orgId/members/:userId', {
    schema: { tags: ['members'], summary: 'Remove a member from the organisation', params: ZMemberParams, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    config: { access: { auth: 'user', permission: 'member.manage' } },
  }, async (request, reply) => {
    await runUserUseCase(deps, request, (ctx) => removeMember(ctx, request.params.orgId, request.params.userId));
    return reply.status(204).send(null);
  });
}
