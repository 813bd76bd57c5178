import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_FRIEND_METADATA,
  DEFAULT_REFERRER_METADATA,
  friendCustomerFields,
  friendCustomerSchema,
  metadataFromLegacyKeys,
  type PersonRecord,
  type ReferrerRecord,
  referrerCustomerFields,
  referrerCustomerSchema,
  referrerRecord,
} from '../src/domain/customer-fields.js';

const lead: PersonRecord = {
  id: 'lead_01',
  email: 'nia@example.com',
  first_name: 'Nia',
  last_name: 'New',
  metadata: { plan: 'pro', empty: '  ' },
};
const referrer: ReferrerRecord = {
  id: 'rfr_01',
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: null,
  metadata: { tier: 'gold' },
  referral_code: 'JANE-7K2Q',
  referral_link: 'https://vouch.example.com/r/jane',
};

const friendMapping = (input: object) => friendCustomerSchema.parse(input);

describe('customer field mapping', () => {
  it('by default writes what the fixed metadata keys wrote', () => {
    const legacy = metadataFromLegacyKeys({
      lead_id: 'vouch_lead_id',
      referrer_email: 'vouch_referrer_email',
      referrer_name: null,
      referral_code: 'vouch_referral_code',
    });
    expect(legacy).toEqual({ friend: DEFAULT_FRIEND_METADATA, referrer: DEFAULT_REFERRER_METADATA });
    expect(friendCustomerFields(friendMapping({}), lead, referrer)).toEqual({
      email: 'nia@example.com',
      name: 'Nia New',
      metadata: {
        vouch_lead_id: 'lead_01',
        vouch_referrer_email: 'jane@example.com',
        vouch_referral_code: 'JANE-7K2Q',
      },
    });
  });

  it("sends any field of either person and any key of the friend's own metadata under the owner's keys", () => {
    const mapping = friendMapping({
      name: 'lead.first_name',
      metadata: {
        vouch_lead_id: 'lead.id',
        signup_plan: 'lead.metadata.plan',
        referred_by: 'referrer.referral_code',
        'Referral Link': 'referrer.referral_link',
        referrer_name: 'referrer.full_name',
        referrer_tier: 'referrer.metadata.tier',
        utm_source: 'lead.metadata.utm_source',
        blank: 'lead.metadata.empty',
      },
    });
    expect(friendCustomerFields(mapping, lead, referrer)).toEqual({
      email: 'nia@example.com',
      name: 'Nia',
      metadata: {
        vouch_lead_id: 'lead_01',
        signup_plan: 'pro',
        referred_by: 'JANE-7K2Q',
        'Referral Link': 'https://vouch.example.com/r/jane',
        referrer_name: 'Jane',
        referrer_tier: 'gold',
      },
    });
  });

  it('leaves out what a person does not have, and cuts values to Stripe limits', () => {
    const mapping = friendMapping({
      metadata: { vouch_lead_id: 'lead.id', code: 'referrer.referral_code', note: 'lead.metadata.note' },
    });
    const long = `${'x'.repeat(499)}😀tail`;
    const fields = friendCustomerFields(
      mapping,
      { ...lead, first_name: null, last_name: null, metadata: { note: long } },
      { ...referrer, referral_code: null },
    );
    expect(fields.name).toBeNull();
    expect(Object.keys(fields.metadata)).toEqual(['vouch_lead_id', 'note']);
    expect(fields.metadata.note).toBe('x'.repeat(499));
  });

  it("fills the referrer's own customer from the referrer only", () => {
    const mapping = referrerCustomerSchema.parse({
      metadata: { vouch_referrer_id: 'referrer.id', 'Referral Link': 'referrer.referral_link' },
    });
    expect(
      referrerCustomerFields(
        mapping,
        referrerRecord(
          {
            id: 'rfr_02',
            email: 'kim@example.com',
            first_name: 'Kim',
            last_name: 'Lee',
            metadata: {},
            referral_code: null,
            slug: 'kim-lee',
          },
          'https://vouch.example.com',
        ),
      ),
    ).toEqual({
      email: 'kim@example.com',
      name: 'Kim Lee',
      metadata: { vouch_referrer_id: 'rfr_02', 'Referral Link': 'https://vouch.example.com/r/kim-lee' },
    });
    expect(referrerRecord({ ...referrer, slug: 'jane' }, undefined).referral_link).toBeNull();
  });

  it('refuses keys and fields Stripe or Vouch cannot use, naming the key', () => {
    const refused = (metadata: Record<string, string>, schema: z.ZodType = friendCustomerSchema) => {
      const result = schema.safeParse({ metadata });
      return result.success
        ? undefined
        : { path: result.error.issues[0]!.path, message: result.error.issues[0]!.message };
    };
    const withLead = (extra: Record<string, string>) => ({ vouch_lead_id: 'lead.id', ...extra });
    expect(refused(withLead({ ['k'.repeat(41)]: 'lead.email' }))).toMatchObject({
      path: ['metadata', 'k'.repeat(41)],
      message: expect.stringContaining('at most 40 characters'),
    });
    expect(refused(withLead({ 'plan[0]': 'lead.email' }))?.message).toContain('[ or ]');
    expect(refused(withLead({ phone: 'lead.phone' }))).toMatchObject({
      path: ['metadata', 'phone'],
      message: expect.stringContaining('lead.metadata.<key>'),
    });
    expect(refused(withLead({ x: 'lead.metadata.' }))?.path).toEqual(['metadata', 'x']);
    expect(refused({ lead: 'lead.email' })?.message).toContain('lead.id');
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'lead.email']));
    expect(refused(withLead(many))?.message).toContain('at most 50');
    expect(refused({ who: 'lead.email' }, referrerCustomerSchema)?.path).toEqual(['metadata', 'who']);
    expect(refused(withLead({ ok: 'referrer.metadata.tier' }))).toBeUndefined();
  });
});
