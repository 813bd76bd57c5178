import { escapeHtml, page } from './layout.js';

/** Answers a form post over the per-IP limit (HTTP 429, with Retry-After). */
export function tooManyAttemptsPage(): string {
  return page(
    'Too many attempts',
    `<h1>Too many attempts</h1>
<p>We received too many requests from your network in a short time. Please try again in a few minutes.</p>`,
  );
}

/**
 * A request these pages cannot take, such as a form sent in a format a browser would not use; `detail` says
 * which field was at fault when that is known.
 */
export function badRequestPage(detail?: string): string {
  return page(
    'Something went wrong',
    `<h1>Something went wrong</h1>
<p>We couldn’t read what was sent. Please go back, reload the page and try again.</p>${
      detail ? `\n<p>${escapeHtml(detail)}</p>` : ''
    }`,
  );
}

/** An unexpected failure; the request id lets an operator find it in the logs. */
export function serverErrorPage(requestId: string): string {
  return page(
    'Something went wrong',
    `<h1>Something went wrong on our side</h1>
<p>Please try again in a moment. If it keeps happening, quote this reference: <code>${escapeHtml(requestId)}</code>.</p>`,
  );
}
