import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../domain/accounts.js';
import type { AuditLogService } from '../../services/audit-log.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, secretKeySecurity } from '../schemas.js';

export const auditLogRoutes =
  (auditLog: AuditLogService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/audit_log',
      {
        config: { role: 'admin' },
        schema: {
          tags: ['audit log'],
          summary: 'Who changed what, and when: newest first, filtered by actor or object',
          security: secretKeySecurity,
          querystring: listQuerySchema('aud', 'an audit entry').extend({
            actor_id: z.string().max(64).optional().describe("A user's or API key's id, or cli"),
            object_type: z.string().max(64).optional().describe('campaign, api_key, user, invite, ...'),
            object_id: z.string().max(64).optional(),
          }),
          response: { 200: listResponseSchema(auditEntrySchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await auditLog.list({
          limit: q.limit,
          startingAfter: q.starting_after,
          actorId: q.actor_id,
          objectType: q.object_type,
          objectId: q.object_id,
        });
        return listResponse('/v1/audit_log', page);
      },
    );
  };
