import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leadDetailSchema, leadReceiptSchema, leadSchema } from '../../domain/lead.js';
import { VouchError } from '../../errors.js';
import type { AuthenticatedKey } from '../../services/api-keys.js';
import type { CampaignsService } from '../../services/campaigns.js';
import type { LeadsService } from '../../services/leads.js';
import type { PublicSignupsService } from '../../services/public-signups.js';
import { answerPreflight, applyCampaignCors, corsOnErrors } from '../campaign-cors.js';
import { leadFilters, leadFiltersSchema } from '../list-filters.js';
import {
  countedListResponseSchema,
  includeTotalCountSchema,
  listQuerySchema,
  listResponse,
} from '../pagination.js';
import {
  emailSchema,
  errorResponses,
  idParams,
  metadataSchema,
  publishableKeySecurity,
  secretKeySecurity,
} from '../schemas.js';
import { presentStripeEvent, stripeEventSchema } from '../stripe-event-shape.js';

const name = z.string().trim().max(100);

/** A publishable key limited to some campaigns may not be used for the others. */
function refuseOtherCampaign(key: AuthenticatedKey | null, campaignId: string): void {
  if (key?.kind !== 'publishable' || !key.campaignIds || key.campaignIds.includes(campaignId)) return;
  throw new VouchError(
    403,
    'permission_error',
    'campaign_not_allowed',
    'This publishable key is limited to other campaigns; use a key made for this campaign.',
  );
}
const tags = ['leads'];

export const leadRoutes =
  (leads: LeadsService, campaigns: CampaignsService, signups: PublicSignupsService): FastifyPluginAsyncZod =>
  async (app) => {
    const originsOf = corsOnErrors(async (request) => {
      const { id } = request.params as { id?: string };
      return id ? (await campaigns.load(id)).allowed_origins : null;
    });

    app.options(
      '/v1/campaigns/:id/leads',
      {
        config: { auth: 'public', rateLimit: {} },
        onSend: originsOf,
        schema: { hide: true, params: idParams },
      },
      async (request, reply) => {
        const campaign = await campaigns.load(request.params.id);
        return answerPreflight(request, reply, campaign.allowed_origins, 'POST');
      },
    );

    app.post(
      '/v1/campaigns/:id/leads',
      {
        // Browsers are limited per client and per referrer across processes (public-signups.ts); a server
        // with the secret key is not.
        config: { auth: 'publishable', role: 'editor' },
        onSend: originsOf,
        schema: {
          tags,
          summary: 'Record a friend (the person invited) referred by a referrer',
          description:
            'Name the referrer with exactly one of referrer (id), referral_code or referral_slug. The same ' +
            'friend twice is one lead; self-referrals, friends already referred by someone else and sign-ups ' +
            'past the limit are kept as rejected leads with their reason. With the secret key the answer is the ' +
            "lead. With a publishable key (from a browser, only from the campaign's allowed_origins; a key may " +
            'be limited to some campaigns) the answer is a lead_receipt, the same whether the email was new or ' +
            'known, and an email that is already a lead stores nothing more. Publishable sign-ups are limited ' +
            'per client and per referrer (429).',
          security: publishableKeySecurity,
          params: idParams,
          body: z.strictObject({
            email: emailSchema,
            first_name: name.optional(),
            last_name: name.optional(),
            metadata: metadataSchema.optional(),
            referrer: z.string().max(64).optional(),
            referral_code: z.string().trim().min(1).max(64).optional(),
            referral_slug: z.string().trim().min(1).max(64).optional(),
          }),
          response: { 200: z.union([leadSchema, leadReceiptSchema]), ...errorResponses },
        },
      },
      async (request, reply) => {
        refuseOtherCampaign(request.apiKey, request.params.id);
        const campaign = await campaigns.load(request.params.id);
        applyCampaignCors(request, reply, campaign.allowed_origins);
        // A server (secret key) or a teammate gets the lead itself; a browser (publishable key) a receipt.
        if (request.apiKey?.kind !== 'publishable')
          return (await leads.create(campaign.id, request.body, 'api')).lead;
        return signups.lead(campaign.id, request.body, 'browser', request.ip);
      },
    );

    app.get(
      '/v1/campaigns/:id/leads',
      {
        schema: {
          tags,
          summary: "List a campaign's leads, newest first unless sorted otherwise",
          description:
            'Search matches part of the email or the name. With another sort, starting_after is still the id ' +
            'of the last lead of the previous page.',
          security: secretKeySecurity,
          params: idParams,
          querystring: listQuerySchema('lead', 'a lead').extend({
            ...leadFiltersSchema.shape,
            include_total_count: includeTotalCountSchema,
          }),
          response: { 200: countedListResponseSchema(leadSchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await leads.list({
          ...leadFilters(request.params.id, q),
          limit: q.limit,
          startingAfter: q.starting_after,
          totalCount: q.include_total_count === 'true',
        });
        return listResponse(`/v1/campaigns/${request.params.id}/leads`, page);
      },
    );

    app.get(
      '/v1/leads/:id',
      {
        schema: {
          tags,
          summary:
            'Retrieve a lead with its timeline, its progress and its Stripe customers: where it stands and why',
          description:
            'The timeline lists every Stripe fact considered for the lead (a payment, refund or dispute of a ' +
            'linked customer), counted with the running total or not counted with the reason, and every change ' +
            'of status with its cause.',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: leadDetailSchema, ...errorResponses },
        },
      },
      async (request) => leads.retrieve(request.params.id),
    );

    app.get(
      '/v1/leads/:id/failed_events',
      {
        schema: {
          tags,
          summary: "Stripe events about the lead's customers that failed every attempt (dead letters)",
          description:
            'Events whose object is one of the Stripe customers linked to the lead, or belongs to one (a charge, ' +
            'an invoice, a checkout session), newest first. Replay one with ' +
            '`POST /v1/stripe/connections/{connection_id}/events/{id}/replay`.',
          security: secretKeySecurity,
          params: idParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: {
            200: z.object({ object: z.literal('list'), data: z.array(stripeEventSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        object: 'list' as const,
        data: (await leads.failedEvents(request.params.id, request.query.limit)).map(presentStripeEvent),
      }),
    );

    app.post(
      '/v1/leads/:id/customers',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Link a Stripe customer to a lead by hand (a friend who paid under another email)',
          description:
            "The customer must exist in the campaign's Stripe account. Its payments then count for the lead, " +
            'and the verdict is run again at once. Linking a customer already linked changes nothing.',
          security: secretKeySecurity,
          params: idParams,
          body: z.strictObject({
            customer_id: z.string().regex(/^cus_[A-Za-z0-9]+$/, 'must be a Stripe customer id, cus_...'),
          }),
          response: { 200: leadDetailSchema, ...errorResponses },
        },
      },
      async (request) => leads.linkCustomer(request.params.id, request.body.customer_id),
    );
  };
