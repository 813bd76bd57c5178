import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';
import { freePort } from '../src/free-port.js';
import { eventually } from './helpers/test-app.js';
import {
  callVouch,
  processDatabase,
  spawnVouch,
  type VouchProcess,
  vouchEnv,
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
let emulator: EmulatorHandle;
let dir: string;
let database: { url: string | undefined; drop(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator({});
  dir = mkdtempSync(join(tmpdir(), 'vouch-codes-'));
  database = await processDatabase('vouch_p');
}, 60_000);

afterAll(async () => {
  await emulator.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The codes Stripe made, one per `promotion_code.created`. */
const codesMade = () =>
  emulator
    .events()
    .filter((e) => e.type === 'promotion_code.created')
    .map((e) => (e.data.object as { code: string }).code);

const call = (base: string, method: string, path: string, body?: object | string) =>
  callVouch(base, KEY, method, path, body);

describe('promotion codes for many referrers, killed mid-way', () => {
  it('resumes after SIGKILL with one promotion code per referrer in Stripe', async () => {
    const port = await freePort('127.0.0.1');
    const env = vouchEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      VOUCH_DATA_DIR: dir,
      VOUCH_SECRET: 's'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
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
