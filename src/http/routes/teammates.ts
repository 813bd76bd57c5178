import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdInviteSchema,
  inviteLookupSchema,
  inviteSchema,
  passwordSchema,
  personNameSchema,
  sessionSchema,
  userSchema,
} from '../../domain/accounts.js';
import { roleSchema } from '../../domain/roles.js';
import type { InvitesService } from '../../services/invites.js';
import type { UsersService } from '../../services/users.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { emailSchema, errorResponses, idParams, secretKeySecurity } from '../schemas.js';
import { setSessionCookie } from '../session-cookie.js';

const security = secretKeySecurity;
const token = z.string().min(1).max(200).describe('The token of the invitation link');
/** Per process, on top of the limit on wrong tokens shared by every process (invites.ts). */
const attemptLimit = { max: 30, timeWindow: '1 minute' };

/** Teammates (`/v1/users`) and invitations to become one (`/v1/invites`). Managing them is the owners' job. */
export const teammateRoutes =
  (deps: { users: UsersService; invites: InvitesService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/users',
      {
        config: { role: 'viewer' },
        schema: {
          tags: ['teammates'],
          summary: 'List teammates, newest first',
          security,
          querystring: listQuerySchema('usr', 'a user'),
          response: { 200: listResponseSchema(userSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse('/v1/users', await deps.users.list(request.query.limit, request.query.starting_after)),
    );

    app.get(
      '/v1/users/:id',
      {
        config: { role: 'viewer' },
        schema: {
          tags: ['teammates'],
          summary: 'Retrieve a teammate: email, name, role, when they joined and last signed in',
          description:
            'Readable by every role, like the list (`GET /v1/users`); a removed teammate is gone (404).',
          security,
          params: idParams,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (request) => deps.users.retrieve(request.params.id),
    );

    app.patch(
      '/v1/users/:id',
      {
        config: { role: 'owner' },
        schema: {
          tags: ['teammates'],
          summary: "Change a teammate's role; it applies at once, to every session they have",
          description:
            'The last owner cannot be demoted (409 last_owner): make another teammate an owner first.',
          security,
          params: idParams,
          body: z.strictObject({ role: roleSchema }),
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (request) => deps.users.changeRole(request.params.id, request.body.role, actorOf(request)!),
    );

    app.delete(
      '/v1/users/:id',
      {
        config: { role: 'owner' },
        schema: {
          tags: ['teammates'],
          summary: 'Remove a teammate: their sessions end at once; what they did stays in the audit log',
          description: 'The last owner cannot be removed (409 last_owner).',
          security,
          params: idParams,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (request) => deps.users.remove(request.params.id, actorOf(request)!),
    );

    app.post(
      '/v1/invites',
      {
        config: { role: 'owner' },
        schema: {
          tags: ['teammates'],
          summary:
            'Invite someone as a teammate: the answer holds the link to send them, shown only this once',
          description:
            'The link works for 7 days, once. A new invitation for the same email replaces the open one.',
          security,
          body: z.strictObject({ email: emailSchema, role: roleSchema }),
          response: { 200: createdInviteSchema, ...errorResponses },
        },
      },
      async (request) => deps.invites.create(request.body, actorOf(request)!),
    );

    app.get(
      '/v1/invites',
      {
        config: { role: 'owner' },
        schema: {
          tags: ['teammates'],
          summary: 'Open invitations (not accepted, withdrawn or expired), newest first',
          security,
          querystring: listQuerySchema('inv', 'an invite'),
          response: { 200: listResponseSchema(inviteSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          '/v1/invites',
          await deps.invites.list(request.query.limit, request.query.starting_after),
        ),
    );

    app.delete(
      '/v1/invites/:id',
      {
        config: { role: 'owner' },
        schema: {
          tags: ['teammates'],
          summary: 'Withdraw an invitation: its link stops working',
          security,
          params: idParams,
          response: { 200: inviteSchema, ...errorResponses },
        },
      },
      async (request) => deps.invites.revoke(request.params.id, actorOf(request)!),
    );

    app.get(
      '/v1/invites/lookup',
      {
        config: { auth: 'public', rateLimit: attemptLimit },
        schema: {
          tags: ['teammates'],
          summary: 'What an invitation link is for (email and role), for the page where it is accepted',
          querystring: z.strictObject({ token }),
          response: { 200: inviteLookupSchema, ...errorResponses },
        },
      },
      async (request) => deps.invites.lookup(request.query.token, request.ip),
    );

    app.post(
      '/v1/invites/accept',
      {
        config: { auth: 'public', rateLimit: attemptLimit },
        schema: {
          tags: ['teammates'],
          summary: "Accept an invitation: become a teammate with the invitation's role, and sign in",
          description: 'Works once per invitation; sets the session cookie.',
          body: z.strictObject({ token, name: personNameSchema, password: passwordSchema }),
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const started = await deps.invites.accept(request.body, request.ip);
        setSessionCookie(reply, started);
        return started.session;
      },
    );
  };
