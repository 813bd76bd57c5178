/** A live campaign qualifying by spend on the bench's connection, one referrer, and its referred friends. */
import { runConcurrent } from '../lib/measure.js';
import type { VouchUnderTest } from './vouch-under-test.js';

export type Campaign = { id: string; leadIds: string[] };

/**
 * Friends with `emails` referred in a new campaign that qualifies at `targetAmount` (minor units) within
 * 30 days, refunds unqualifying. The campaign waits for the business's own checkout (the default): a
 * Stripe customer created with a friend's email becomes that friend's.
 */
export async function campaignWithFriends(
  vut: VouchUnderTest,
  name: string,
  targetAmount: number,
  emails: string[],
): Promise<Campaign> {
  const campaign = await vut.api('POST', '/v1/campaigns', {
    name,
    status: 'live',
    connection_id: vut.connectionId,
    qualification: { method: 'spend', target_amount: targetAmount, window_days: 30, refunds_unqualify: true },
  });
  const id = campaign.id as string;
  const referrer = await vut.api('POST', `/v1/campaigns/${id}/referrers`, {
    email: `referrer.${name.toLowerCase().replace(/\W+/g, '-')}@example.com`,
    first_name: 'Ref',
  });
  // Sign-ups with the secret key are not rate-limited.
  const leadIds: string[] = [];
  await runConcurrent(emails.length, 8, async (i) => {
    const lead = await vut.api('POST', `/v1/campaigns/${id}/leads`, {
      email: emails[i],
      referrer: referrer.id,
    });
    leadIds[i] = lead.id as string;
  });
  return { id, leadIds };
}
