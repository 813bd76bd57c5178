import { describe, expect, it } from 'vitest';
import {
  type CampaignSettings,
  DEFAULT_CUSTOMER_RULES,
  readSettings,
} from '../src/domain/campaign-settings.js';
import { applyMergePatch } from '../src/domain/merge-patch.js';
import { patchSettings, type SettingsPatch } from '../src/domain/settings-patch.js';

/** A patch that must apply; the settings it gives. */
function patched(stored: CampaignSettings, patch: SettingsPatch): CampaignSettings {
  const result = patchSettings(stored, patch);
  if ('problem' in result) throw new Error(`unexpected problem: ${JSON.stringify(result.problem)}`);
  return result.settings;
}

/** A patch that must be refused; the problem. */
function problem(stored: CampaignSettings, patch: SettingsPatch) {
  const result = patchSettings(stored, patch);
  if (!('problem' in result)) throw new Error(`accepted: ${JSON.stringify(result.settings)}`);
  return result.problem;
}

const spend = readSettings({
  qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: false },
});

describe('JSON Merge Patch', () => {
  it('gives the results of the examples in RFC 7396', () => {
    const cases: Array<[unknown, unknown, unknown]> = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['c', 'd'],
      ],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of cases) {
      const before = JSON.stringify(target);
      expect(applyMergePatch(undefined, target, patch), JSON.stringify([target, patch])).toEqual(result);
      expect(JSON.stringify(target)).toBe(before);
    }
  });
});

describe('settings changed field by field', () => {
  it('changes only customers.existing_customer, with or without customer settings stored', () => {
    const stored = readSettings({
      customers: {
        create: 'immediately',
        existing_customer: 'do_not_create',
        referrers_to_stripe: true,
        friend_customer: { metadata: { vouch_lead_id: 'lead.id', signup_plan: 'lead.metadata.plan' } },
      },
    });
    const after = patched(stored, { customers: { existing_customer: 'update_existing' } });
    expect(after.customers).toEqual({ ...stored.customers, existing_customer: 'update_existing' });
    expect(patched({}, { customers: { existing_customer: 'update_existing' } }).customers).toEqual({
      ...DEFAULT_CUSTOMER_RULES,
      existing_customer: 'update_existing',
    });
  });

  it('takes rewards without budget or friend, and null puts a member back to its default', () => {
    const first = patched(
      {},
      { rewards: { referrer: { kind: 'balance_credit', amount: 500, currency: 'EUR' } } },
    );
    expect(first.rewards).toEqual({
      referrer: { kind: 'balance_credit', amount: 500, currency: 'eur' },
      friend: null,
      max_per_referrer: null,
      budget: null,
      hold_days: 0,
      manual_approval: false,
    });
    const capped = patched(first, { rewards: { max_per_referrer: 3, referrer: { amount: 900 } } });
    expect(capped.rewards).toMatchObject({
      max_per_referrer: 3,
      referrer: { kind: 'balance_credit', amount: 900, currency: 'eur' },
    });
    expect(patched(capped, { rewards: { max_per_referrer: null } }).rewards).toEqual({
      ...capped.rewards,
      max_per_referrer: null,
    });
    expect(patched(capped, { rewards: null }).rewards).toBeUndefined();
  });

  it('removes one metadata key of the field mapping and keeps the others', () => {
    const stored = readSettings({
      customers: { friend_customer: { metadata: { vouch_lead_id: 'lead.id', plan: 'lead.metadata.plan' } } },
    });
    const after = patched(stored, {
      customers: { friend_customer: { metadata: { plan: null, referred_by: 'referrer.referral_code' } } },
    });
    expect(after.customers?.friend_customer.metadata).toEqual({
      vouch_lead_id: 'lead.id',
      referred_by: 'referrer.referral_code',
    });
  });

  it('names the path sent when a value is invalid', () => {
    expect(problem({}, { customers: { existing_customer: 'sometimes' as 'update_existing' } })).toMatchObject(
      {
        param: 'customers.existing_customer',
        code: 'parameter_invalid',
      },
    );
    expect(problem(spend, { qualification: { window_days: 0 } })).toMatchObject({
      param: 'qualification.window_days',
      code: 'parameter_invalid',
    });
  });

  it('refuses to remove a required member, naming it', () => {
    expect(problem(spend, { qualification: { target_amount: null } })).toEqual({
      param: 'qualification.target_amount',
      code: 'parameter_invalid',
      message:
        'qualification.target_amount is required and cannot be removed; send a new value instead of null.',
    });
    expect(
      problem({}, { customers: { friend_customer: { metadata: { vouch_lead_id: null } } } }),
    ).toMatchObject({
      param: 'customers.friend_customer.metadata',
      message: expect.stringContaining('lead.id'),
    });
  });

  it('asks for a required member nothing stored provides', () => {
    expect(problem({}, { qualification: { window_days: 10 } })).toMatchObject({
      param: 'qualification.method',
      code: 'parameter_missing',
      message: expect.stringContaining('Nothing is stored for it yet'),
    });
    expect(problem({}, { rewards: { budget: { amount: 10_000 } } })).toMatchObject({
      param: 'rewards.budget.currency',
      code: 'parameter_missing',
    });
  });

  it('keeps the members a new method or kind shares, and drops the others', () => {
    const code = patched(spend, { qualification: { method: 'code' } });
    expect(code.qualification).toEqual({ method: 'code', window_days: 30, refunds_unqualify: false });
    expect(problem(code, { qualification: { method: 'spend' } })).toMatchObject({
      param: 'qualification.target_amount',
      code: 'parameter_missing',
    });
    const coupon = patched({}, { rewards: { friend: { kind: 'coupon', coupon_id: 'co_1' } } });
    expect(patched(coupon, { rewards: { friend: { kind: 'promotion_code' } } }).rewards?.friend).toEqual({
      kind: 'promotion_code',
      coupon_id: 'co_1',
    });
  });
});

describe('settings read back from the database', () => {
  it("read older settings (fixed metadata keys, members added since missing) as today's", () => {
    const stored = readSettings({
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
      customers: {
        create: 'immediately',
        existing_customer: 'update_existing',
        metadata_keys: {
          lead_id: 'vouch_lead',
          referrer_email: null,
          referrer_name: 'referrer_name',
          referral_code: 'code',
        },
      },
      codes: {
        rules: { first_time_only: true, max_redemptions: null, expires_at: null, minimum_amount: null },
        auto_promotion_codes: true,
      },
    });
    expect(stored.customers).toEqual({
      create: 'immediately',
      existing_customer: 'update_existing',
      referrers_to_stripe: false,
      friend_customer: {
        email: 'lead.email',
        name: 'lead.full_name',
        metadata: {
          vouch_lead: 'lead.id',
          referrer_name: 'referrer.full_name',
          code: 'referrer.referral_code',
        },
      },
      referrer_customer: {
        email: 'referrer.email',
        name: 'referrer.full_name',
        metadata: { vouch_referrer_id: 'referrer.id', code: 'referrer.referral_code' },
      },
    });
    expect(stored.codes).toEqual({
      rules: { first_time_only: true, max_redemptions: null, expires_at: null, minimum_amount: null },
      auto_promotion_codes: true,
    });
    expect(readSettings({})).toEqual({});
  });
});
