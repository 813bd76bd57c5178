import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole, keyRoleSchema } from '../../domain/roles.js';
import { roleForbidden } from '../../errors.js';
import type { ApiKeysService } from '../../services/api-keys.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, secretKeySecurity } from '../schemas.js';

const apiKeySchema = z.object({
  id: z.string(),
  object: z.literal('api_key'),
  name: z.string(),
  kind: z.enum(['secret', 'publishable']),
  role: keyRoleSchema,
  last_four: z.string(),
  campaign_ids: z
    .array(z.string())
    .nullable()
    .describe('Publishable keys: the only campaigns the key may be used for; null for every campaign'),
  created_at: z.string().describe('ISO 8601, UTC'),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

const idParams = z.strictObject({ id: z.string().max(64) });
const tags = ['api keys'];

export const apiKeyRoutes =
  (apiKeys: ApiKeysService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/api_keys',
      {
        schema: {
          tags,
          summary: 'Create an API key; the response is the only time its secret is shown',
          security: secretKeySecurity,
          body: z.strictObject({
            name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
            kind: z.enum(['secret', 'publishable']).default('secret'),
            role: keyRoleSchema
              .optional()
              .describe(
                'Secret keys: what the key may do (default admin); at most the role of whoever creates it',
              ),
            campaign_ids: z
              .array(z.string().max(64))
              .min(1)
              .max(100)
              .optional()
              .describe('Publishable keys only: limit the key to these campaigns (default: every campaign)'),
          }),
          response: { 200: apiKeySchema.extend({ secret: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const role = request.body.role ?? (request.body.kind === 'secret' ? 'admin' : 'viewer');
        // No one makes a key that may do more than they may.
        if (!hasRole(request.actor!.role, role)) throw roleForbidden(role, request.actor!.role);
        return apiKeys.create(request.body, actorOf(request));
      },
    );

    app.get(
      '/v1/api_keys',
      {
        schema: {
          tags,
          summary: 'List API keys, newest first',
          security: secretKeySecurity,
          querystring: listQuerySchema('key', 'an API key').extend({
            include_revoked: z.enum(['true', 'false']).default('false'),
          }),
          response: { 200: listResponseSchema(apiKeySchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await apiKeys.list({
          limit: q.limit,
          ...(q.starting_after ? { startingAfter: q.starting_after } : {}),
          includeRevoked: q.include_revoked === 'true',
        });
        return listResponse('/v1/api_keys', page);
      },
    );

    app.get(
      '/v1/api_keys/:id',
      {
        schema: {
          tags,
          summary: 'Retrieve an API key (never its secret)',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: apiKeySchema, ...errorResponses },
        },
      },
      async (request) => apiKeys.retrieve(request.params.id),
    );

    app.post(
      '/v1/api_keys/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an API key; requests with it fail from now on',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: apiKeySchema, ...errorResponses },
        },
      },
      async (request) => apiKeys.revoke(request.params.id, actorOf(request)),
    );
  };
