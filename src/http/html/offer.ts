import { conditionText, type Offer } from '../../domain/offer.js';
import { escapeHtml } from './layout.js';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

function section(lines: string[]): string {
  if (lines.length === 0) return '';
  return `<section class="offer" aria-labelledby="offer-heading">
<h2 id="offer-heading">What’s on offer</h2>
${lines.map((line) => `<p>${escapeHtml(sentence(line))}</p>`).join('\n')}
</section>`;
}

/** The offer as the person referring reads it: what they get, and what their friends get. */
export function offerForReferrer(offer: Offer): string {
  const lines: string[] = [];
  const when = conditionText(offer.condition, 'referrer');
  if (offer.referrer) lines.push(`you get ${offer.referrer} ${when}`);
  if (offer.friend) lines.push(`your friend gets ${offer.friend} ${offer.referrer ? 'too' : when}`);
  if (offer.codeDiscount)
    lines.push(`friends who use your referral code get ${offer.codeDiscount} at checkout`);
  return section(lines);
}

/** The offer as the friend reads it, `inviter` being the first name of the person who invited them. */
export function offerForFriend(offer: Offer, inviter: string): string {
  const lines: string[] = [];
  const when = conditionText(offer.condition, 'friend');
  if (offer.friend) lines.push(`you get ${offer.friend} ${when}`);
  if (offer.codeDiscount)
    lines.push(`${inviter}’s referral code gives you ${offer.codeDiscount} at checkout`);
  if (offer.referrer) lines.push(`${inviter} gets ${offer.referrer} ${offer.friend ? 'too' : when}`);
  return section(lines);
}
