import type { SecretBox } from '../crypto/secret-box.js';
import { sameSecret } from '../crypto/tokens.js';

/**
 * The token in a mail's unsubscribe link: the address and the campaign, signed with VOUCH_SECRET. It never
 * expires (a link in an old mail still works) and opens nothing but that address's unsubscribe.
 */
export type UnsubscribeSubject = { email: string; campaignId: string | null };

const PURPOSE = 'unsubscribe\0';

export function unsubscribeToken(box: SecretBox, subject: UnsubscribeSubject): string {
  const body = Buffer.from(JSON.stringify([subject.email, subject.campaignId])).toString('base64url');
  return `${body}.${box.mac(PURPOSE + body)}`;
}

/** The subject of a token this Vouch signed; undefined for anything else. */
export function readUnsubscribeToken(box: SecretBox, token: string): UnsubscribeSubject | undefined {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  if (!sameSecret(mac, box.mac(PURPOSE + body))) return undefined;
  try {
    const [email, campaignId] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    if (typeof email !== 'string' || (campaignId !== null && typeof campaignId !== 'string'))
      return undefined;
    return { email, campaignId };
  } catch {
    return undefined;
  }
}

export const unsubscribeLink = (publicUrl: string, token: string) =>
  `${publicUrl}/email/unsubscribe?token=${encodeURIComponent(token)}`;
