import { errorSummary, type FieldErrors, type PersonValues, personForm } from './forms.js';
import { escapeHtml, page } from './layout.js';

export type Invitation = {
  referrerFirstName: string;
  campaignName: string;
  /** What the campaign offers, as HTML (`offerForFriend`); empty when it offers nothing. */
  offer: string;
};

/** The friend landing page: who invited them, to what, and a sign-up form. */
export function inviteFormPage(
  invitation: Invitation,
  values: PersonValues,
  errors: FieldErrors = {},
): string {
  const { referrerFirstName, campaignName, offer } = invitation;
  const hasErrors = Object.keys(errors).length > 0;
  return page(
    `${hasErrors ? 'Error: ' : ''}${referrerFirstName} invited you to ${campaignName}`,
    `<h1>${escapeHtml(referrerFirstName)} invited you to ${escapeHtml(campaignName)}</h1>
${errorSummary(errors)}
<p>Sign up below to accept the invitation.</p>
${offer}
${personForm('Sign up', values, errors)}`,
  );
}

/**
 * After signing up when the campaign has no destination to send the friend on to (and what a bot that filled
 * the hidden field sees, with nothing created): what they signed up for and what happens next.
 */
export function inviteThanksPage(campaignName: string, offer = ''): string {
  return page(
    `Thank you – ${campaignName}`,
    `<h1>Thank you for signing up</h1>
<p>We have your details for ${escapeHtml(campaignName)}. Use the same email address when you buy, so your
purchase counts for the invitation.</p>
${offer}`,
  );
}

/** A friend arriving when the program has no places left: the same for every email. */
export function invitationFullPage(campaignName: string): string {
  return page(
    `Program full – ${campaignName}`,
    `<h1>This program is full</h1>
<p>${escapeHtml(campaignName)} has reached the number of people it can take, so this invitation can’t be used
right now. Nothing was recorded.</p>`,
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
