import { errorSummary, type FieldErrors, type PersonValues, personForm } from './forms.js';
import { escapeHtml, page } from './layout.js';

export type Invitation = { referrerFirstName: string; campaignName: string };

/** The friend landing page: who invited them, to what, and a sign-up form. */
export function inviteFormPage(
  invitation: Invitation,
  values: PersonValues,
  errors: FieldErrors = {},
): string {
  const { referrerFirstName, campaignName } = invitation;
  const hasErrors = Object.keys(errors).length > 0;
  return page(
    `${hasErrors ? 'Error: ' : ''}${referrerFirstName} invited you to ${campaignName}`,
    `<h1>${escapeHtml(referrerFirstName)} invited you to ${escapeHtml(campaignName)}</h1>
${errorSummary(errors)}
<p>Sign up below to accept the invitation.</p>
${personForm('Sign up', values, errors)}`,
  );
}

/** After signing up (and what a bot that filled the hidden field sees, with nothing created). */
export function inviteThanksPage(campaignName: string): string {
  return page(
    `Thank you – ${campaignName}`,
    `<h1>Thank you for signing up</h1>
<p>We have your details for ${escapeHtml(campaignName)}. You can close this page.</p>`,
  );
}

/**
 * A sign-up kept as rejected (the friend's own link, an email already referred, an existing customer, a full
 * program). The exact reason is not spelled out: it could tell a stranger about someone else.
 */
export function notReferredPage(campaignName: string, programFull: boolean): string {
  const reason = programFull
    ? `${escapeHtml(campaignName)} has reached the number of people it can take, so this invitation can’t be
used right now.`
    : `this email address can’t be referred to ${escapeHtml(campaignName)} again, so this invitation doesn’t
apply to it.`;
  return page(
    `Thank you – ${campaignName}`,
    `<h1>Thank you</h1>
<p>We have your details, but ${reason}</p>`,
  );
}

/** A paused or draft campaign takes no sign-ups. */
export function signupsClosedPage(campaignName: string): string {
  return page(
    `Sign-ups are closed – ${campaignName}`,
    `<h1>Sign-ups are closed</h1>
<p>${escapeHtml(campaignName)} isn’t taking sign-ups right now. Please try again later.</p>`,
  );
}
