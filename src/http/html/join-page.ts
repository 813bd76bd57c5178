import { errorSummary, type FieldErrors, type PersonValues, personForm } from './forms.js';
import { escapeHtml, page } from './layout.js';
import { SHARE_SCRIPT, shareBlock } from './share.js';

/** The page where a person joins a campaign as a referrer. */
export function joinFormPage(
  campaignName: string,
  values: PersonValues,
  errors: FieldErrors = {},
  offer = '',
): string {
  const hasErrors = Object.keys(errors).length > 0;
  const title = `${hasErrors ? 'Error: ' : ''}Join ${campaignName}`;
  return page(
    title,
    `<h1>Join ${escapeHtml(campaignName)}</h1>
${errorSummary(errors)}
<p>Sign up to get your own referral link and code to share with friends.</p>
${offer}
${personForm('Get my referral link', values, errors)}`,
  );
}

export type Joined = {
  campaignName: string;
  firstName: string;
  link: string;
  code: string | null;
  /** True when the email had joined before: the page shows the link they already have. */
  existing: boolean;
  /** What the campaign offers, as HTML (`offerForReferrer`); empty when it offers nothing. */
  offer: string;
  /** A one-time sign-in link to their portal, for someone who has just joined. */
  portalUrl?: string | undefined;
};

/** The result of joining: the referral link and code, with Copy and Share buttons. */
export function joinedPage(joined: Joined): string {
  const heading = joined.existing
    ? `You have already joined ${escapeHtml(joined.campaignName)}`
    : `You’re in, ${escapeHtml(joined.firstName)}!`;
  const intro = joined.existing
    ? 'This email address is already signed up. Here is your referral link again.'
    : `Share your link with friends. When they sign up for ${escapeHtml(joined.campaignName)}, it counts for you.`;
  return page(
    `Your referral link – ${joined.campaignName}`,
    `<h1>${heading}</h1>
<p>${intro}</p>
${shareBlock({ campaignName: joined.campaignName, link: joined.link, code: joined.code })}
${joined.offer}
${joined.portalUrl ? `<p><a class="button" href="${escapeHtml(joined.portalUrl)}">Open your referral portal</a></p>\n<p>Your portal shows your clicks, sign-ups and rewards; this button works once.</p>` : ''}`,
    SHARE_SCRIPT,
  );
}

/** What a bot that filled the hidden field sees: looks like success, creates nothing. */
export function joinReceivedPage(campaignName: string): string {
  return page(
    `Thank you – ${campaignName}`,
    `<h1>Thank you</h1><p>Your sign-up for ${escapeHtml(campaignName)} has been received.</p>`,
  );
}

export function programEndedPage(campaignName: string): string {
  return page(
    `This program has ended – ${campaignName}`,
    `<h1>This program has ended</h1>
<p>${escapeHtml(campaignName)} is no longer taking new members. Thank you for your interest.</p>`,
  );
}

export function programFullPage(campaignName: string): string {
  return page(
    `This program is full – ${campaignName}`,
    `<h1>This program is full</h1>
<p>${escapeHtml(campaignName)} has reached the number of people it can take, so you can’t join right now.
Please check back later.</p>`,
  );
}
