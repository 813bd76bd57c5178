import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFor } from './helpers/stripe-env.js';
import { eventually } from './helpers/test-app.js';
import {
  type ResumeFixture,
  runVouch,
  spawnVouch,
  startResumeFixture,
  type VouchProcess,
} from './helpers/vouch-process.js';

/**
 * A real `vouch start` killed with SIGKILL in the middle of a sync, then started again: the sync finishes
 * with every customer a referrer once and every customer written to once (the emulator emits one
 * `customer.updated` per update it applies; an idempotent replay emits none).
 */

const CUSTOMERS = 60;
/** Write-backs seen before the kill: the kill lands once the sync is this far, well before its end. */
const KILL_AFTER = 10;
const KEY = `vch_sk_${'r'.repeat(40)}`;
let fixture: ResumeFixture;

beforeAll(async () => {
  fixture = await startResumeFixture('resume', KEY);
  const stripe = sdkFor(fixture.emulator, 'sk_test_resume_business');
  for (let i = 0; i < CUSTOMERS; i += 40)
    await Promise.all(
      Array.from({ length: Math.min(40, CUSTOMERS - i) }, (_, j) =>
        stripe.customers.create({ name: `Person ${i + j}`, email: `person${i + j}@example.com` }),
      ),
    );
}, 60_000);

afterAll(async () => fixture.close());

/** How many times Stripe updated each customer. */
function customerUpdates(): Map<string, number> {
  const updates = new Map<string, number>();
  for (const e of fixture.emulator.events())
    if (e.type === 'customer.updated') {
      const id = (e.data.object as { id: string }).id;
      updates.set(id, (updates.get(id) ?? 0) + 1);
    }
  return updates;
}

const call: ResumeFixture['call'] = (...args) => fixture.call(...args);

describe('a sync killed mid-way', () => {
  it('resumes after SIGKILL with no duplicate referrer and no repeated write', async () => {
    const env = await fixture.env({
      // Slow enough to be caught in the middle of the write-backs.
      STRIPE_RATE_LIMIT_TEST: '20',
    });
    let vouch: VouchProcess = spawnVouch(['start'], env);
    try {
      const base = (await vouch.running(60_000))!;
      const connection = await call(base, 'POST', '/v1/stripe/connections', {
        api_key: 'sk_test_resume_key',
      });
      const campaign = await call(base, 'POST', '/v1/campaigns', {
        name: 'Resume',
        status: 'live',
        connection_id: connection.id,
      });
      const sync = await call(base, 'POST', `/v1/campaigns/${campaign.id}/syncs`, {});
      const progress = () => call(base, 'GET', `/v1/syncs/${sync.id}`);
      await eventually(async () => {
        const p = (await progress()).progress as { written_back: number };
        return p.written_back >= KILL_AFTER;
      }, 60_000);
      vouch.child.kill('SIGKILL');
      await vouch.exited();
      // Stripe saw some of the write-backs, not all: the kill landed in the middle.
      const writtenBeforeKill = customerUpdates().size;
      expect(writtenBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(writtenBeforeKill).toBeLessThan(CUSTOMERS);

      vouch = spawnVouch(['start'], env);
      await vouch.running(60_000);
      await eventually(async () => (await progress()).status === 'completed', 60_000);
      const { progress: done } = await progress();
      expect(done.referrers_created).toBe(CUSTOMERS);
      expect(done.written_back + done.already_current).toBe(CUSTOMERS);

      const referrers: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await call(
          base,
          'GET',
          `/v1/campaigns/${campaign.id}/referrers?limit=100${after ? `&starting_after=${after}` : ''}`,
        );
        const data = page.data as Array<{ id: string; email: string }>;
        referrers.push(...data.map((r) => r.email));
        if (!page.has_more) break;
        after = data.at(-1)!.id;
      }
      expect(referrers).toHaveLength(CUSTOMERS);
      expect(new Set(referrers).size).toBe(CUSTOMERS);

      const updates = customerUpdates();
      expect(updates.size).toBe(CUSTOMERS);
      expect([...updates.values()].every((n) => n === 1)).toBe(true);

      // The terminal view of the same sync.
      const shown = await runVouch(['sync', campaign.id, '--follow'], {
        ...env,
        VOUCH_URL: base,
        VOUCH_API_KEY: KEY,
      });
      expect(shown.code, shown.output).toBe(0);
      expect(shown.stdout).toContain(`${sync.id} completed`);
      expect(shown.stdout).toContain(`created ${CUSTOMERS}`);
    } finally {
      vouch.child.kill('SIGTERM');
      await vouch.exited().catch(() => {});
    }
  }, 150_000);
});
