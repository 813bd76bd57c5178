import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { VouchError } from '../errors.js';
import { badRequestPage, serverErrorPage, tooManyAttemptsPage } from './html/status-pages.js';

/**
 * Errors of server-rendered pages (the rate limit, an unreadable form body, a failure) answer as HTML pages,
 * not in the API's JSON shape. `send` sends a page with the plugin's own headers.
 */
export function answerErrorsAsPages(
  app: FastifyInstance,
  send: (reply: FastifyReply, status: number, html: string) => FastifyReply,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error instanceof VouchError ? error.status : (error.statusCode ?? 500);
    if (status === 429) {
      if (error instanceof VouchError && error.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.retryAfterSeconds));
      return send(reply, 429, tooManyAttemptsPage());
    }
    if (status >= 400 && status < 500) {
      const detail = error instanceof VouchError && error.param ? error.message : undefined;
      return send(reply, status, badRequestPage(detail));
    }
    request.log.error({ err: error }, 'hosted page failed');
    return send(reply, 500, serverErrorPage(String(request.id)));
  });
}
