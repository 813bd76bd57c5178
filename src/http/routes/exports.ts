import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Lead } from '../../domain/lead.js';
import type { Referrer } from '../../domain/referrer.js';
import type { LeadsService } from '../../services/leads.js';
import type { ReferrersService } from '../../services/referrers.js';
import { type CsvColumns, sendCsv } from '../csv-export.js';
import { leadFilters, leadFiltersSchema, referrerFilters, referrerFiltersSchema } from '../list-filters.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const metadata = (m: Record<string, string>) => (Object.keys(m).length ? JSON.stringify(m) : '');

const REFERRER_COLUMNS: CsvColumns<Referrer> = [
  ['id', (r) => r.id],
  ['email', (r) => r.email],
  ['first_name', (r) => r.first_name],
  ['last_name', (r) => r.last_name],
  ['referral_code', (r) => r.referral_code],
  ['referral_link', (r) => r.referral_link],
  ['source', (r) => r.source],
  ['referrals_count', (r) => r.referrals_count],
  ['converted_referrals_count', (r) => r.converted_referrals_count],
  ['clicks_count', (r) => r.clicks_count],
  ['created_at', (r) => r.created_at],
  ['removed_at', (r) => r.removed_at],
  ['metadata', (r) => metadata(r.metadata)],
];

const LEAD_COLUMNS: CsvColumns<Lead> = [
  ['id', (l) => l.id],
  ['email', (l) => l.email],
  ['first_name', (l) => l.first_name],
  ['last_name', (l) => l.last_name],
  ['status', (l) => l.status],
  ['rejection_reason', (l) => l.rejection_reason],
  ['source', (l) => l.source],
  ['referrer_id', (l) => l.referrer_id],
  ['referred_at', (l) => l.referred_at],
  ['created_at', (l) => l.created_at],
  ['metadata', (l) => metadata(l.metadata)],
];

const csvResponse = z
  .string()
  .describe(
    "CSV (text/csv), a header row then one row a record; cells starting with = + - @ get a leading '",
  );

const description =
  'Takes the filters and sort of the list, every page of it: the rows are read from the database a thousand ' +
  'at a time and streamed as they are read, so a large export never sits in memory. Served as an attachment.';

/** CSV exports of the referrer and lead lists, with the lists' own filters and order. */
export const exportRoutes =
  (referrers: ReferrersService, leads: LeadsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/campaigns/:id/referrers/export',
      {
        schema: {
          tags: ['referrers'],
          summary: "Export a campaign's referrers as CSV",
          description,
          security: secretKeySecurity,
          params: idParams,
          querystring: referrerFiltersSchema,
          response: { 200: csvResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const pages = await referrers.pages(referrerFilters(id, request.query));
        return sendCsv(reply, `referrers-${id}.csv`, REFERRER_COLUMNS, pages);
      },
    );

    app.get(
      '/v1/campaigns/:id/leads/export',
      {
        schema: {
          tags: ['leads'],
          summary: "Export a campaign's leads as CSV",
          description,
          security: secretKeySecurity,
          params: idParams,
          querystring: leadFiltersSchema,
          response: { 200: csvResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const pages = await leads.pages(leadFilters(id, request.query));
        return sendCsv(reply, `leads-${id}.csv`, LEAD_COLUMNS, pages);
      },
    );
  };
