import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { appliedVersion } from '../../db/migrate.js';
import { VouchError } from '../../errors.js';
import { lastMaintenanceAt } from '../../jobs/maintenance-job.js';
import { errorSchema } from '../schemas.js';

export type HealthDeps = { database: Database; expectedMigration: number; sandbox: boolean };

export const healthRoutes =
  (deps: HealthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is running',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers and every migration is applied',
          response: {
            200: z.object({
              status: z.literal('ready'),
              database: z.enum(['postgres', 'pglite']),
              migration: z.number(),
              last_maintenance_at: z.string().nullable(),
              sandbox: z.boolean().describe('True when Stripe is the built-in emulator, not a real account'),
            }),
            503: errorSchema,
          },
        },
      },
      async () => {
        let applied: number;
        try {
          await sql`select 1`.execute(deps.database.db);
          applied = await appliedVersion(deps.database);
        } catch {
          throw new VouchError(503, 'api_error', 'database_unavailable', 'The database is not reachable.');
        }
        if (applied < deps.expectedMigration) {
          throw new VouchError(
            503,
            'api_error',
            'migrations_pending',
            `The database is at migration ${applied} of ${deps.expectedMigration}; run \`vouch migrate\`.`,
          );
        }
        const maintenance = await lastMaintenanceAt(deps.database);
        return {
          status: 'ready' as const,
          database: deps.database.kind,
          migration: applied,
          last_maintenance_at: maintenance?.toISOString() ?? null,
          sandbox: deps.sandbox,
        };
      },
    );
  };
