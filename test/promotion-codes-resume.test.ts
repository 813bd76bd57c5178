import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './helpers/test-app.js';
import {
  type ResumeFixture,
  spawnVouch,
  startResumeFixture,
  type VouchProcess,
} from './helpers/vouch-process.js';

/**
 * A real `vouch start` killed with SIGKILL while it makes promotion codes for a few hundred referrers, then
 * started again: every referrer ends with exactly one promotion code in Stripe (the emulator emits one
 * `promotion_code.created` per code it makes; an idempotent replay emits none).
 */

const REFERRERS = 200;
/** Codes made before the kill: it lands once this many are active, well before the last. */
const KILL_AFTER = 40;
const KEY = `vch_sk_${'p'.repeat(40)}`;
let fixture: ResumeFixture;

beforeAll(async () => {
  fixture = await startResumeFixture('codes', KEY);
}, 60_000);

afterAll(async () => fixture.close());

/** The codes Stripe made, one per `promotion_code.created`. */
const codesMade = () =>
  fixture.emulator
    .events()
    .filter((e) => e.type === 'promotion_code.created')
    .map((e) => (e.data.object as { code: string }).code);

const call: ResumeFixture['call'] = (...args) => fixture.call(...args);

describe('promotion codes for many referrers, killed mid-way', () => {
  it('resumes after SIGKILL with one promotion code per referrer in Stripe', async () => {
    const env = await fixture.env({
      // Slow enough to be caught in the middle.
      STRIPE_RATE_LIMIT_TEST: '40',
    });
    let vouch: VouchProcess = spawnVouch(['start'], env);
    try {
      const base = (await vouch.running(60_000))!;
      const connection = await call(base, 'POST', '/v1/stripe/connections', {
        api_key: 'sk_test_codes_resume',
      });
      const campaign = await call(base, 'POST', '/v1/campaigns', {
        name: 'Codes resume',
        status: 'live',
        connection_id: connection.id,
      });
      const rows = Array.from(
        { length: REFERRERS },
        (_, i) => `p${i}@example.com,Person,CODE-${String(i).padStart(5, '0')}`,
      );
      const report = await call(
        base,
        'POST',
        `/v1/campaigns/${campaign.id}/referrers/import`,
        `email,first_name,referral_code\n${rows.join('\n')}\n`,
      );
      expect(report.accepted, JSON.stringify(report.errors?.slice(0, 3))).toBe(REFERRERS);
      await call(base, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10 });
      const queued = await call(base, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
      expect(queued.queued).toBe(REFERRERS);
      const progress = () => call(base, 'GET', `/v1/campaigns/${campaign.id}/promotion_codes/progress`);
      await eventually(async () => (await progress()).counts.active >= KILL_AFTER, 60_000);
      vouch.child.kill('SIGKILL');
      await vouch.exited();
      // Stripe made some of the codes, not all: the kill landed in the middle.
      const madeBeforeKill = codesMade().length;
      expect(madeBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(madeBeforeKill).toBeLessThan(REFERRERS);
      const before = (await progress().catch(() => undefined))?.counts;
      expect(before).toBeUndefined();

      vouch = spawnVouch(['start'], env);
      await vouch.running(60_000);
      expect((await progress()).counts.active).toBeGreaterThanOrEqual(KILL_AFTER);
      await eventually(async () => (await progress()).counts.active === REFERRERS, 120_000);
      expect((await progress()).counts).toMatchObject({ pending: 0, failed: 0 });

      const codes = codesMade();
      expect(codes).toHaveLength(REFERRERS);
      expect(new Set(codes).size).toBe(REFERRERS);
      const summary = await call(base, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`);
      expect(summary).toMatchObject({
        referrers_with_code: REFERRERS,
        referrers_with_promotion_code: REFERRERS,
      });
    } finally {
      vouch.child.kill('SIGTERM');
      await vouch.exited().catch(() => {});
    }
  }, 240_000);
});
