import formbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { EmailSuppressionsService } from '../../services/email-suppressions.js';
import { readUnsubscribeToken } from '../../services/unsubscribe-tokens.js';
import { htmlHeaders } from '../html/layout.js';
import { badUnsubscribeLinkPage, unsubscribedPage, unsubscribeFormPage } from '../html/unsubscribe-page.js';

const HEADERS = htmlHeaders();
const query = z.object({ token: z.string().max(2000).optional() });

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).headers(HEADERS).type('text/html; charset=utf-8').send(html);
}

/**
 * The unsubscribe link of every mail: GET shows a button (mail scanners follow links), POST records the
 * address on the suppression list; a one-click POST from a mail client (RFC 8058) does the same. Public and
 * rate-limited; the token is signed, so only the mail's own address can be unsubscribed.
 */
export const unsubscribeRoutes =
  (deps: { box: SecretBox; suppressions: EmailSuppressionsService }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody);
    const route = { config: { auth: 'public' as const, rateLimit: {} }, schema: { hide: true } };

    const subjectOf = (raw: unknown) => {
      const parsed = query.safeParse(raw);
      const token = parsed.success ? parsed.data.token : undefined;
      const subject = token ? readUnsubscribeToken(deps.box, token) : undefined;
      return subject && token ? { ...subject, token } : undefined;
    };

    app.get('/email/unsubscribe', route, async (request, reply) => {
      const subject = subjectOf(request.query);
      if (!subject) return sendPage(reply, 400, badUnsubscribeLinkPage());
      return sendPage(reply, 200, unsubscribeFormPage(subject.email, subject.token));
    });

    app.post('/email/unsubscribe', route, async (request, reply) => {
      const subject = subjectOf(request.query);
      if (!subject) return sendPage(reply, 400, badUnsubscribeLinkPage());
      await deps.suppressions.add(subject.email, 'unsubscribed', subject.campaignId);
      return sendPage(reply, 200, unsubscribedPage(subject.email));
    });
  };
