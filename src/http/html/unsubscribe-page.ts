import { escapeHtml, page } from './layout.js';

/** Asks before unsubscribing: mail scanners open links, and a GET must not change anything. */
export function unsubscribeFormPage(email: string, token: string): string {
  return page(
    'Unsubscribe',
    `<h1>Unsubscribe</h1>
<p>Stop referral program mail to <strong>${escapeHtml(email)}</strong>?</p>
<form method="post" action="/email/unsubscribe?token=${encodeURIComponent(token)}">
<button type="submit">Unsubscribe</button>
</form>`,
  );
}

export function unsubscribedPage(email: string): string {
  return page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1><p>No more referral program mail goes to <strong>${escapeHtml(email)}</strong>. A sign-in link you ask for yourself is still sent.</p>`,
  );
}

export function badUnsubscribeLinkPage(): string {
  return page(
    'Link not valid',
    '<h1>This unsubscribe link is not valid</h1><p>Open the link from the mail again, whole; or reply to the mail and ask to be removed.</p>',
  );
}
