import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EMAIL_OUTCOMES,
  emailKindSchema,
  emailStatusSchema,
  suppressionReasonSchema,
  templateKindSchema,
} from '../../domain/email-templates.js';
import { referrerSourceSchema } from '../../domain/referrer.js';
import type { EmailSendsService } from '../../services/email-sends.js';
import type { EmailSuppressionsService } from '../../services/email-suppressions.js';
import type { EmailTemplatesService } from '../../services/email-templates.js';
import type { EmailsService } from '../../services/emails.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { emailSchema, errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const tags = ['email'];
const security = secretKeySecurity;

const subject = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const body = (what: string) =>
  z.string().min(1, 'must not be empty').max(100_000, 'must be at most 100000 characters').describe(what);
const content = {
  subject: subject.describe('The subject line; variables are filled in as text'),
  html: body('The HTML part; variables are filled in HTML-escaped'),
  text: body('The plain-text part'),
};

const templateSchema = z.object({
  object: z.literal('email_template'),
  campaign_id: z.string(),
  kind: templateKindSchema,
  enabled: z
    .boolean()
    .describe('Whether the event sends this mail (the sign-in link is sent when asked for)'),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  customized: z.boolean().describe('false: the shipped default'),
  updated_at: timestamp.nullable(),
});

const previewSchema = z.object({
  object: z.literal('email_preview'),
  subject: z.string(),
  html: z.string().describe('Render it in a sandboxed frame: it is the mail as sent'),
  text: z.string(),
});

const previewBody = z.strictObject({
  subject: content.subject.optional(),
  html: content.html.optional(),
  text: content.text.optional(),
  referrer_id: z
    .string()
    .max(64)
    .optional()
    .describe(
      "Fill in this referrer's data (a reward or sign-in link still from the samples); default: samples",
    ),
});

const campaignKindParams = z.strictObject({ id: z.string().min(1).max(64), kind: templateKindSchema });

const counts = z.object(
  Object.fromEntries(emailStatusSchema.options.map((s) => [s, z.number()])) as Record<
    z.infer<typeof emailStatusSchema>,
    z.ZodNumber
  >,
);

const audienceSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('all').describe('Every referrer of the campaign (not removed)') }),
    z.strictObject({
      type: z.literal('sync'),
      sync_id: z.string().min(1).max(64).describe('The referrers this sync created'),
    }),
    z.strictObject({
      type: z.literal('filter'),
      search: z.string().trim().min(1).max(200).optional().describe('Part of the email, name or code'),
      source: referrerSourceSchema.optional(),
      has_referral_code: z.boolean().optional(),
    }),
  ])
  .describe("Who gets it; the filter is the referrers list's");

const sendSchema = z.object({
  object: z.literal('email_send'),
  id: z.string(),
  campaign_id: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  audience: audienceSchema,
  rate_per_minute: z.number(),
  recipient_count: z.number().describe('Referrers it goes to, each once'),
  counts: counts.describe('Recipients by the status of their mail'),
  created_at: timestamp,
});

const mailSchema = z.object({
  object: z.literal('email'),
  id: z.string(),
  campaign_id: z.string().nullable(),
  referrer_id: z.string().nullable(),
  send_id: z.string().nullable(),
  kind: emailKindSchema,
  to: z.string(),
  status: emailStatusSchema.describe(
    'pending: to send (again); sent: the SMTP server accepted it; mailbox: kept in the local mailbox; suppressed: not sent, the address is suppressed; failed: every attempt failed',
  ),
  attempt_count: z.number(),
  next_attempt_at: timestamp.nullable(),
  subject: z.string().nullable().describe('As rendered at the last attempt'),
  last_error: z.string().nullable(),
  sent_at: timestamp.nullable(),
  created_at: timestamp,
});

const mailDetailSchema = mailSchema.extend({
  html: z.string().nullable().describe('The HTML as sent; show it only in a sandboxed frame'),
  text: z.string().nullable(),
  attempts: z.array(
    z.object({
      object: z.literal('email_attempt'),
      attempted_at: timestamp,
      outcome: z.enum(EMAIL_OUTCOMES),
      smtp_response: z.string().nullable().describe("The SMTP server's reply"),
      error: z.string().nullable(),
      duration_ms: z.number(),
    }),
  ),
});

const suppressionSchema = z.object({
  object: z.literal('email_suppression'),
  email: z.string(),
  reason: suppressionReasonSchema,
  campaign_id: z.string().nullable().describe('The campaign whose mail was unsubscribed from'),
  created_at: timestamp,
});

/** Email: templates per campaign, previews, once-off sends, the outbox (and mailbox), suppressions. */
export const emailRoutes =
  (deps: {
    templates: EmailTemplatesService;
    sends: EmailSendsService;
    emails: EmailsService;
    suppressions: EmailSuppressionsService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/campaigns/:id/email_templates',
      {
        schema: {
          tags,
          summary: "A campaign's mail templates, one per kind (its own or the shipped default)",
          security,
          params: idParams,
          response: { 200: listResponseSchema(templateSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(`/v1/campaigns/${request.params.id}/email_templates`, {
          data: await deps.templates.list(request.params.id),
          hasMore: false,
        }),
    );

    app.get(
      '/v1/campaigns/:id/email_templates/:kind',
      {
        schema: {
          tags,
          summary: "One of a campaign's mail templates",
          security,
          params: campaignKindParams,
          response: { 200: templateSchema, ...errorResponses },
        },
      },
      async (request) => deps.templates.get(request.params.id, request.params.kind),
    );

    app.post(
      '/v1/campaigns/:id/email_templates/:kind',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            'Change a mail template: turn it on or off, or change its words (unknown variables are refused)',
          security,
          params: campaignKindParams,
          body: z.strictObject({
            enabled: z.boolean().optional(),
            subject: content.subject.optional(),
            html: content.html.optional(),
            text: content.text.optional(),
          }),
          response: { 200: templateSchema, ...errorResponses },
        },
      },
      async (request) => deps.templates.update(request.params.id, request.params.kind, request.body),
    );

    app.delete(
      '/v1/campaigns/:id/email_templates/:kind',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Put a mail template back to the shipped default',
          security,
          params: campaignKindParams,
          response: { 200: templateSchema, ...errorResponses },
        },
      },
      async (request) => deps.templates.reset(request.params.id, request.params.kind),
    );

    app.post(
      '/v1/campaigns/:id/email_templates/:kind/preview',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Render a template (the stored one, or the words given) with sample data or a referrer's",
          security,
          params: campaignKindParams,
          body: previewBody,
          response: { 200: previewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const stored = await deps.templates.get(request.params.id, request.params.kind);
        const b = request.body;
        return deps.templates.preview(
          request.params.id,
          { subject: b.subject ?? stored.subject, html: b.html ?? stored.html, text: b.text ?? stored.text },
          b.referrer_id,
        );
      },
    );

    app.post(
      '/v1/campaigns/:id/email_sends/preview',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Render a once-off mail with sample data or a referrer's, before sending it",
          security,
          params: idParams,
          body: z.strictObject({ ...content, referrer_id: z.string().max(64).optional() }),
          response: { 200: previewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { referrer_id, ...words } = request.body;
        return deps.sends.preview(request.params.id, words, referrer_id);
      },
    );

    app.post(
      '/v1/campaigns/:id/email_sends',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Send a once-off mail to chosen referrers, each at most once, at a rate',
          security,
          params: idParams,
          body: z.strictObject({
            ...content,
            audience: audienceSchema,
            rate_per_minute: z
              .number()
              .int('must be a whole number')
              .min(1, 'must be from 1 to 100000')
              .max(100_000, 'must be from 1 to 100000')
              .default(60)
              .describe('Mails per minute (default 60)'),
          }),
          response: { 200: sendSchema, ...errorResponses },
        },
      },
      async (request) => deps.sends.create(request.params.id, request.body, actorOf(request)),
    );

    app.get(
      '/v1/campaigns/:id/email_sends',
      {
        schema: {
          tags,
          summary: "A campaign's once-off sends, newest first",
          security,
          params: idParams,
          querystring: listQuerySchema('snd', 'an email send'),
          response: { 200: listResponseSchema(sendSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          `/v1/campaigns/${request.params.id}/email_sends`,
          await deps.sends.list(request.params.id, request.query.limit, request.query.starting_after),
        ),
    );

    app.get(
      '/v1/email_sends/:id',
      {
        schema: {
          tags,
          summary:
            'A once-off send and its progress (recipients by status); its mails: GET /v1/emails?send_id=',
          security,
          params: idParams,
          response: { 200: sendSchema, ...errorResponses },
        },
      },
      async (request) => deps.sends.get(request.params.id),
    );

    app.get(
      '/v1/emails',
      {
        schema: {
          tags,
          summary: 'Every mail, newest first: the outbox log and, without SMTP, the local mailbox',
          security,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z
              .string()
              .max(64)
              .optional()
              .describe('Cursor: the id of the last mail on the previous page'),
            campaign_id: z.string().max(64).optional(),
            send_id: z
              .string()
              .max(64)
              .optional()
              .describe("A once-off send's mails: its per-recipient results"),
            status: emailStatusSchema.optional(),
          }),
          response: { 200: listResponseSchema(mailSchema), ...errorResponses },
        },
      },
      async (request) => listResponse('/v1/emails', await deps.emails.list(request.query)),
    );

    app.get(
      '/v1/emails/:id',
      {
        schema: {
          tags,
          summary: 'One mail: what it said and every attempt with the SMTP reply',
          security,
          params: idParams,
          response: { 200: mailDetailSchema, ...errorResponses },
        },
      },
      async (request) => deps.emails.get(request.params.id),
    );

    app.get(
      '/v1/email_suppressions',
      {
        schema: {
          tags,
          summary: 'Addresses never mailed (unsubscribed, added by hand, refused), by address',
          security,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z
              .string()
              .max(254)
              .optional()
              .describe('Cursor: the last address of the previous page'),
          }),
          response: { 200: listResponseSchema(suppressionSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          '/v1/email_suppressions',
          await deps.suppressions.list(request.query.limit, request.query.starting_after),
        ),
    );

    app.post(
      '/v1/email_suppressions',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Stop mailing an address',
          security,
          body: z.strictObject({ email: emailSchema }),
          response: { 200: suppressionSchema, ...errorResponses },
        },
      },
      async (request) => deps.suppressions.add(request.body.email, 'manual'),
    );

    app.delete(
      '/v1/email_suppressions/:email',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Mail an address again (only when the person asked for it)',
          security,
          params: z.strictObject({ email: emailSchema }),
          response: { 200: suppressionSchema, ...errorResponses },
        },
      },
      async (request) => deps.suppressions.remove(request.params.email),
    );
  };
