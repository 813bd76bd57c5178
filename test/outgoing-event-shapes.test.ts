import { describe, expect, it } from 'vitest';
import { eventPayload, serializeEvent } from '../src/services/webhook-dispatch.js';

const referrer = {
  id: 'rfr_1',
  object: 'referrer',
  campaign_id: 'cmp_1',
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: null,
  metadata: { plan: 'pro' },
  source: 'api',
  slug: 'k3q9t2wz',
  referral_code: 'JANE-7K2Q',
  removed_at: null,
  referrals_count: 0,
  converted_referrals_count: 0,
  clicks_count: 0,
  created_at: '2025-06-01T09:31:12.345Z',
  updated_at: '2025-06-01T09:31:12.345Z',
};

const recorded = (type: string, data: Record<string, unknown>) => ({
  id: 'dev_1',
  type,
  campaign_id: 'cmp_1',
  lead_id: null,
  referrer_id: 'rfr_1',
  data,
  created_at: new Date('2025-06-01T09:31:12.345Z'),
});

describe('outgoing event payloads', () => {
  it('shape what the database kept, whatever its key order, and drop what the API does not show', () => {
    const stored = Object.fromEntries([...Object.entries(referrer), ['internal', 1]].reverse());
    const payload = eventPayload(
      recorded('referrer.created', { referrer: stored }),
      'https://vouch.example.com',
    );
    const sent = payload.data.referrer as Record<string, unknown>;
    expect(sent.referral_link).toBe('https://vouch.example.com/r/k3q9t2wz');
    expect(sent).not.toHaveProperty('internal');
    expect(Object.keys(sent)).toEqual([
      'id',
      'object',
      'campaign_id',
      'email',
      'first_name',
      'last_name',
      'metadata',
      'source',
      'slug',
      'referral_link',
      'referral_code',
      'removed_at',
      'referrals_count',
      'converted_referrals_count',
      'clicks_count',
      'created_at',
      'updated_at',
    ]);
    // The body sent keeps that order even after the payload was stored and read back in another.
    const reversed = Object.fromEntries(Object.entries(sent).reverse());
    const readBack = { ...payload, data: { referrer: reversed, referrer_id: 'rfr_1', campaign_id: 'cmp_1' } };
    const body = JSON.parse(serializeEvent(readBack));
    expect(Object.keys(body.data)).toEqual(['campaign_id', 'referrer_id', 'referrer']);
    expect(Object.keys(body.data.referrer)).toEqual(Object.keys(sent));
  });

  it('send an event an older version recorded without the members added since as it was recorded', () => {
    const { removed_at, referrals_count, converted_referrals_count, clicks_count, updated_at, ...older } =
      referrer;
    const payload = eventPayload(
      recorded('referrer.created', { referrer: older }),
      'https://vouch.example.com',
    );
    expect(payload.data.referrer).toEqual({
      ...older,
      referral_link: 'https://vouch.example.com/r/k3q9t2wz',
    });
  });
});
