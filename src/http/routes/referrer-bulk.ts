import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { referrersRepository } from '../../db/repositories/referrers.js';
import { referrerImportSchema } from '../../domain/referrer.js';
import { VouchError } from '../../errors.js';
import { generateReferralCodesJob } from '../../jobs/generate-referral-codes-job.js';
import { type JobQueue, requireQueue } from '../../jobs/queue.js';
import { stripeBackfillJob } from '../../jobs/stripe-backfill-job.js';
import { stripeBackfillReferrersJob } from '../../jobs/stripe-backfill-referrers-job.js';
import type { CampaignsService } from '../../services/campaigns.js';
import { importReferrers } from '../../services/referrer-import.js';
import { errorResponses, idParams, jobAcceptedSchema, secretKeySecurity } from '../schemas.js';

export const CSV_BODY_LIMIT = 5 * 1024 * 1024;
const tags = ['referrers'];

/**
 * Work on many people of a campaign at once: CSV import, code generation for everyone without one, and
 * sending earlier leads and referrers to Stripe.
 */
export const referrerBulkRoutes =
  (deps: {
    database: Database;
    campaigns: CampaignsService;
    queue: JobQueue | undefined;
    /** This process's task runner, woken when imported referrers are to be sent to Stripe. */
    tasks?: { wake(): void } | undefined;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    // Scoped to this plugin: only the import route takes CSV bodies.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/v1/campaigns/:id/referrers/import',
      {
        config: { role: 'editor' },
        bodyLimit: CSV_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Import referrers from a CSV file (Content-Type: text/csv)',
          description:
            'Columns: email and first_name (required), last_name, referral_code, metadata.<key>. Up to 10,000 rows ' +
            'and 5 MB. Rows that cannot be added are reported with their line number and reason; the rest are ' +
            'added in one transaction.',
          security: secretKeySecurity,
          params: idParams,
          querystring: z.strictObject({ generate_referral_codes: z.enum(['true', 'false']).optional() }),
          body: z.string().describe('The CSV file'),
          response: { 200: referrerImportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const flag = request.query.generate_referral_codes;
        return importReferrers(deps.database, request.params.id, request.body, {
          generateCodes: flag === undefined ? undefined : flag === 'true',
          tasks: deps.tasks,
        });
      },
    );

    app.post(
      '/v1/campaigns/:id/referral_codes',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            'Generate referral codes for every referrer of the campaign without one (a background job)',
          security: secretKeySecurity,
          params: idParams,
          response: {
            202: z.object({
              object: z.literal('job'),
              name: z.literal('generate-referral-codes'),
              id: z.string().nullable().describe('null when the same job is already queued'),
              campaign_id: z.string(),
              referrers_without_code: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const campaign = await deps.campaigns.retrieve(request.params.id);
        const queue = requireQueue(deps.queue);
        const without = await referrersRepository(deps.database.db).countWithoutCode(campaign.id);
        const id = await queue.send(
          generateReferralCodesJob.name,
          { campaign_id: campaign.id },
          { singletonKey: campaign.id },
        );
        return reply.status(202).send({
          object: 'job' as const,
          name: 'generate-referral-codes' as const,
          id,
          campaign_id: campaign.id,
          referrers_without_code: without,
        });
      },
    );

    /** The campaign, when it has a Stripe connection to send people to. */
    async function withConnection(id: string) {
      const campaign = await deps.campaigns.retrieve(id);
      if (!campaign.connection_id) {
        throw new VouchError(
          409,
          'invalid_request_error',
          'no_stripe_connection',
          'Set connection_id on the campaign first.',
          'connection_id',
        );
      }
      return campaign;
    }

    async function backfill(reply: FastifyReply, name: string, campaignId: string) {
      const queue = requireQueue(deps.queue);
      const id = await queue.send(name, { campaign_id: campaignId }, { singletonKey: campaignId });
      return reply.status(202).send({ object: 'job' as const, name, id });
    }

    app.post(
      '/v1/campaigns/:id/leads/send_to_stripe',
      {
        config: { role: 'editor' },
        schema: {
          tags: ['leads'],
          summary: "Apply the campaign's Stripe settings to its earlier leads (a background job)",
          description:
            'New leads are sent to Stripe as they arrive; this does the same for leads recorded before the campaign ' +
            'had a Stripe connection or customer settings (pending leads), and writes the current field mapping ' +
            '(metadata; the name on customers Vouch created) onto the customers Vouch created or updated for ' +
            'earlier leads that are not rejected.',
          security: secretKeySecurity,
          params: idParams,
          response: { 202: jobAcceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const campaign = await withConnection(request.params.id);
        return backfill(reply, stripeBackfillJob.name, campaign.id);
      },
    );

    app.post(
      '/v1/campaigns/:id/referrers/send_to_stripe',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Send the campaign's earlier referrers to Stripe (a background job)",
          description:
            'With customers.referrers_to_stripe, new referrers become Stripe customers as they join; this does the ' +
            'same for referrers added before, and writes the current field mapping (metadata; the name on ' +
            'customers Vouch created) onto the customers Vouch created or updated for referrers sent before.',
          security: secretKeySecurity,
          params: idParams,
          response: { 202: jobAcceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const campaign = await withConnection(request.params.id);
        if (!campaign.customers.referrers_to_stripe) {
          throw new VouchError(
            409,
            'invalid_request_error',
            'referrers_not_sent',
            'The campaign does not send referrers to Stripe: set customers.referrers_to_stripe to true first.',
            'customers.referrers_to_stripe',
          );
        }
        return backfill(reply, stripeBackfillReferrersJob.name, campaign.id);
      },
    );
  };
