import QRCode from 'qrcode';
import type { Campaign } from '../../domain/campaign.js';
import type { Branding } from '../../domain/campaign-settings.js';
import { formatMoney } from '../../domain/qualification.js';
import type { Reward } from '../../domain/reward.js';
import { MAILED_LINK_SECONDS, type PortalView } from '../../services/portal.js';
import { emailForm, errorSummary, type FieldErrors } from './forms.js';
import { escapeHtml, page } from './layout.js';
import { offerForReferrer } from './offer.js';
import { SHARE_SCRIPT, shareBlock } from './share.js';
import { brandStyle } from './theme.js';

/**
 * Tells the page that frames the portal (the business's widget loader) how tall it is, whenever that
 * changes. Only a height leaves the frame. Constant, so the Content-Security-Policy allows it by hash.
 */
export const HEIGHT_SCRIPT = `
(() => {
  if (window.parent === window) return;
  let last = 0;
  const tell = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'vouch:portal-height', height }, '*');
  };
  new ResizeObserver(tell).observe(document.documentElement);
  tell();
})();
`;

/** The portal page's one inline script: the Copy and Share buttons, and the height for the widget. */
export const PORTAL_SCRIPT = `${SHARE_SCRIPT}\n${HEIGHT_SCRIPT}`;

const STATUS_WORDS: Record<Reward['status'], string> = {
  held: 'on hold',
  pending_approval: 'awaiting approval',
  pending: 'being issued',
  issued: 'issued',
  failed: 'delayed',
  cancelled: 'cancelled',
  reversing: 'being reversed',
  reversed: 'reversed',
};

function rewardWhat(reward: Reward): string {
  switch (reward.kind) {
    case 'balance_credit':
      return reward.amount !== null && reward.currency
        ? `${formatMoney(reward.amount, reward.currency)} account credit`
        : 'Account credit';
    case 'promotion_code':
      return reward.promotion_code ? `Promotion code ${reward.promotion_code}` : 'A promotion code';
    case 'coupon':
      return 'A discount on your subscription';
  }
}

function rewardsTable(rewards: Reward[]): string {
  if (rewards.length === 0) return '<p>No rewards yet: they appear here when a referral qualifies.</p>';
  const rows = rewards
    .map(
      (
        r,
      ) => `<tr><td>${escapeHtml(rewardWhat(r))}</td><td>${escapeHtml(STATUS_WORDS[r.status] ?? r.status)}</td>
<td><time datetime="${escapeHtml(r.created_at)}">${escapeHtml(r.created_at.slice(0, 10))}</time></td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th scope="col">Reward</th><th scope="col">Status</th><th scope="col">Date</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The referrer's portal: link and code to share, a QR code, their numbers, rewards and the terms. */
export async function portalPage(view: PortalView): Promise<string> {
  const { campaign, referrer } = view;
  const qr = await QRCode.toString(referrer.referral_link, { type: 'svg', margin: 1, width: 176 });
  const numbers: Array<[string, number]> = [
    ['Clicks', referrer.clicks_count],
    ['Sign-ups', referrer.referrals_count],
    ['Qualified', referrer.converted_referrals_count],
  ];
  return page(
    `Your referrals – ${campaign.name}`,
    `<h1>Hi ${escapeHtml(referrer.first_name)}</h1>
<p>Your referrals for ${escapeHtml(campaign.name)}.</p>
<dl class="numbers">
${numbers.map(([label, n]) => `<div><dt>${label}</dt><dd>${n}</dd></div>`).join('\n')}
</dl>
${shareBlock({ campaignName: campaign.name, link: referrer.referral_link, code: referrer.referral_code })}
${view.promotionCode && view.promotionCode !== referrer.referral_code ? `<p>At checkout your friends enter <strong>${escapeHtml(view.promotionCode)}</strong>.</p>` : ''}
<h2 id="qr-heading">Scan to open your link</h2>
<figure class="qr" aria-labelledby="qr-heading">${qr.replace('<svg ', '<svg role="img" aria-label="QR code of your referral link" ')}</figure>
<h2>Your rewards</h2>
${rewardsTable(view.rewards)}
${offerForReferrer(view.offer)}`,
    PORTAL_SCRIPT,
    brandStyle(campaign.branding),
  );
}

/** Why a sign-in link did not open the portal, and where to go instead. */
export function portalClosedPage(
  reason: 'unknown' | 'used' | 'expired',
  portalUrl?: string,
  branding?: Branding,
): string {
  const why = {
    unknown: 'This link is not valid.',
    used: 'This link was used already: each link opens the portal once.',
    expired: 'This link has expired.',
  }[reason];
  const next = portalUrl
    ? `<p>If you opened it before in this browser, <a href="${escapeHtml(portalUrl)}">go to your portal</a>. Otherwise ask for a new link.</p>`
    : '<p>Ask for a new link where you got this one.</p>';
  return page(
    'Portal link not usable',
    `<h1>This link can’t open the portal</h1>\n<p>${why}</p>\n${next}`,
    PORTAL_SCRIPT,
    brandStyle(branding),
  );
}

/** The portal without a session in this browser: asks for the address to mail a sign-in link to. */
export function portalSignInPage(campaign: Campaign, value = '', errors: FieldErrors = {}): string {
  const campaignName = campaign.name;
  const title = `${Object.keys(errors).length ? 'Error: ' : ''}Sign in – ${campaignName}`;
  return page(
    title,
    `<h1>Your referrals for ${escapeHtml(campaignName)}</h1>
${errorSummary(errors)}
<p>Enter the email address you joined with. We’ll send you a link that signs you in.</p>
${emailForm('Email me a sign-in link', value, errors)}`,
    PORTAL_SCRIPT,
    brandStyle(campaign.branding),
  );
}

/** After asking for a sign-in link: the same words whether or not the address is a referrer's. */
export function signInSentPage(campaign: Campaign, email: string): string {
  const campaignName = campaign.name;
  return page(
    `Check your email – ${campaignName}`,
    `<h1>Check your email</h1>
<p>If <strong>${escapeHtml(email)}</strong> has joined ${escapeHtml(campaignName)}, a sign-in link is on its way to it.
The link works once, within ${MAILED_LINK_SECONDS / 60} minutes.</p>
<p>No mail? Check your spam folder, or <a href="">ask again</a> in a few minutes.</p>`,
    PORTAL_SCRIPT,
    brandStyle(campaign.branding),
  );
}
