import { z } from 'zod';

/**
 * Mail templates: what each kind says by default, the variables a template may use, and how one is
 * rendered. `{{name}}` is replaced by the variable's value, HTML-escaped in the HTML part; an unknown name is
 * refused when a template is saved, so a typo never reaches a referrer.
 */

export const TEMPLATE_KINDS = [
  'sign_in',
  'welcome',
  'friend_qualified',
  'reward_issued',
  'reward_reversed',
] as const;
export const templateKindSchema = z.enum(TEMPLATE_KINDS);
export type TemplateKind = z.infer<typeof templateKindSchema>;

/** A mail's kind: a template's, or a once-off send's. */
export const EMAIL_KINDS = [...TEMPLATE_KINDS, 'once_off'] as const;
export const emailKindSchema = z.enum(EMAIL_KINDS);
export type EmailKind = z.infer<typeof emailKindSchema>;

export const EMAIL_STATUSES = ['pending', 'sent', 'mailbox', 'suppressed', 'failed'] as const;
export const emailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof emailStatusSchema>;

export const EMAIL_OUTCOMES = [
  'sent',
  'mailbox',
  'suppressed',
  'temporary_failure',
  'permanent_failure',
] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

export const SUPPRESSION_REASONS = ['unsubscribed', 'manual', 'bounced'] as const;
export const suppressionReasonSchema = z.enum(SUPPRESSION_REASONS);
export type SuppressionReason = z.infer<typeof suppressionReasonSchema>;

/**
 * The domain events that cause a template's mail to the referrer. `referrer.created` causes the welcome only
 * for people who joined one at a time (the API, the hosted join page); referrers a sync or an import made
 * are reached with a once-off send instead.
 */
export const EVENT_TEMPLATES = {
  'referrer.created': 'welcome',
  'lead.qualified': 'friend_qualified',
  'reward.issued': 'reward_issued',
  'reward.reversed': 'reward_reversed',
} as const satisfies Record<string, TemplateKind>;

/** Every variable a template may use, with what it holds. */
export const TEMPLATE_VARIABLES = {
  'referrer.first_name': "The referrer's first name",
  'referrer.last_name': "The referrer's last name (may be empty)",
  'referrer.email': "The referrer's email address",
  referral_link: "The referrer's referral link",
  referral_code: "The referrer's referral code (may be empty)",
  'campaign.name': "The campaign's name",
  'friend.first_name': 'The friend who qualified (friend qualified)',
  'reward.description': 'The reward, such as "$10.00 credit" or "a coupon" (reward mails)',
  'reward.promotion_code': 'The promotion code of a coupon reward, when there is one',
  sign_in_link: 'The one-time sign-in link (sign-in mail)',
  unsubscribe_link: 'The link that stops these mails',
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export type TemplateContent = { subject: string; html: string; text: string };
export type Template = TemplateContent & { enabled: boolean };

const FOOTER_HTML =
  '<p><small>You get this because you take part in {{campaign.name}}. ' +
  '<a href="{{unsubscribe_link}}">Unsubscribe</a></small></p>';
const FOOTER_TEXT =
  '\n\n--\nYou get this because you take part in {{campaign.name}}. Unsubscribe: {{unsubscribe_link}}\n';

/** The shipped templates. Only the sign-in link is on until a campaign turns the others on. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, Template> = {
  sign_in: {
    enabled: true,
    subject: 'Your sign-in link for {{campaign.name}}',
    html: '<p>Hi {{referrer.first_name}},</p><p><a href="{{sign_in_link}}">Sign in to your referral page</a>. The link works once, for a short time.</p><p>If you did not ask for it, ignore this mail.</p>',
    text: 'Hi {{referrer.first_name}},\n\nSign in to your referral page: {{sign_in_link}}\nThe link works once, for a short time.\n\nIf you did not ask for it, ignore this mail.\n',
  },
  welcome: {
    enabled: false,
    subject: 'Your referral link for {{campaign.name}}',
    html: `<p>Hi {{referrer.first_name}},</p><p>Share your link with friends: <a href="{{referral_link}}">{{referral_link}}</a></p><p>Your referral code: <strong>{{referral_code}}</strong></p>${FOOTER_HTML}`,
    text: `Hi {{referrer.first_name}},\n\nShare your link with friends: {{referral_link}}\nYour referral code: {{referral_code}}${FOOTER_TEXT}`,
  },
  friend_qualified: {
    enabled: false,
    subject: 'A friend you referred qualified',
    html: `<p>Hi {{referrer.first_name}},</p><p>{{friend.first_name}}, whom you referred to {{campaign.name}}, has qualified. Thank you!</p><p>Keep sharing: <a href="{{referral_link}}">{{referral_link}}</a></p>${FOOTER_HTML}`,
    text: `Hi {{referrer.first_name}},\n\n{{friend.first_name}}, whom you referred to {{campaign.name}}, has qualified. Thank you!\n\nKeep sharing: {{referral_link}}${FOOTER_TEXT}`,
  },
  reward_issued: {
    enabled: false,
    subject: 'Your reward: {{reward.description}}',
    html: `<p>Hi {{referrer.first_name}},</p><p>You earned {{reward.description}} for referring a friend to {{campaign.name}}.</p><p>Keep sharing: <a href="{{referral_link}}">{{referral_link}}</a></p>${FOOTER_HTML}`,
    text: `Hi {{referrer.first_name}},\n\nYou earned {{reward.description}} for referring a friend to {{campaign.name}}.\n\nKeep sharing: {{referral_link}}${FOOTER_TEXT}`,
  },
  reward_reversed: {
    enabled: false,
    subject: 'A reward was reversed',
    html: `<p>Hi {{referrer.first_name}},</p><p>The reward {{reward.description}} from {{campaign.name}} was reversed, because the referred purchase was refunded or disputed.</p>${FOOTER_HTML}`,
    text: `Hi {{referrer.first_name}},\n\nThe reward {{reward.description}} from {{campaign.name}} was reversed, because the referred purchase was refunded or disputed.${FOOTER_TEXT}`,
  },
};

/** What the sample preview shows. */
export const SAMPLE_VALUES: Required<TemplateValues> = {
  'referrer.first_name': 'Jane',
  'referrer.last_name': 'Doe',
  'referrer.email': 'jane@example.com',
  referral_link: 'https://refer.example.com/r/jane-doe',
  referral_code: 'JANE10',
  'campaign.name': 'Sample campaign',
  'friend.first_name': 'Alex',
  'reward.description': '$10.00 credit',
  'reward.promotion_code': 'THANKS-7QX2',
  sign_in_link: 'https://refer.example.com/portal/open/sample',
  unsubscribe_link: 'https://refer.example.com/email/unsubscribe?token=sample',
};

const PLACEHOLDER = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** The names a template uses that are not variables (empty: it may be saved). */
export function unknownVariables(content: string): string[] {
  const unknown = new Set<string>();
  for (const match of content.matchAll(PLACEHOLDER))
    if (!(match[1]! in TEMPLATE_VARIABLES)) unknown.add(match[1]!);
  return [...unknown];
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function fill(template: string, values: TemplateValues, escapeValue: (v: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) =>
    escapeValue(values[name as TemplateVariable] ?? ''),
  );
}

/** The mail a template makes with these values: escaped in the HTML part, as they are elsewhere. */
export function renderTemplate(content: TemplateContent, values: TemplateValues): TemplateContent {
  const plain = (v: string) => v;
  return {
    // A header holds one line: line breaks in a value cannot add headers.
    subject: fill(content.subject, values, (v) => v.replace(/[\r\n]+/g, ' ')).trim(),
    html: fill(content.html, values, escapeHtml),
    text: fill(content.text, values, plain),
  };
}

/** How a reward reads in a mail: "$10.00 credit", "a 20% off coupon". */
export function describeReward(reward: { kind?: unknown; amount?: unknown; currency?: unknown }): string {
  const amount = typeof reward.amount === 'number' ? reward.amount : null;
  const currency = typeof reward.currency === 'string' ? reward.currency : null;
  const money =
    amount !== null && currency
      ? new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(
          amount / 10 ** minorDigits(currency),
        )
      : null;
  const kind = typeof reward.kind === 'string' ? reward.kind.replaceAll('_', ' ') : 'reward';
  return money ? `${money} ${kind}` : `a ${kind}`;
}

function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}
