import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run once, in the embedded-PGlite pass: those that never open the database the suite targets
 * (the Stripe emulator's own tests, the pure domain and helper tests, files that open PGlite themselves) and
 * those whose subject is the same on either database. With VOUCH_TEST_DATABASE_URL set (the Postgres pass)
 * they would only repeat the same run.
 */
const RUN_ONCE = [
  'emulator/test/**',
  'test/access-log.test.ts',
  'test/campaign-settings.test.ts',
  'test/code-and-reward-rules.test.ts',
  'test/config.test.ts',
  'test/crypto.test.ts',
  'test/customer-fields.test.ts',
  'test/embedded-start.test.ts',
  'test/group-writer.test.ts',
  'test/offer.test.ts',
  'test/outgoing-event-shapes.test.ts',
  'test/qualification-domain.test.ts',
  'test/rate-budget.test.ts',
  'test/storable-text.test.ts',
  'test/sync-mapping.test.ts',
  'test/webhook-address.test.ts',
  'test/webhook-signature.test.ts',
  'test/work-pool.test.ts',
  // Browser tests: the pages are the same on either database (test/helpers/browser.ts).
  'test/*-browser.test.ts',
  // A real `vouch start` killed mid-send and started again, 1,000 mails through a real SMTP server: the
  // outbox's guarantees are Postgres's on either database, and the embedded one is the harder crash.
  'test/email-send-resume.test.ts',
];

/**
 * The slowest files (a minute or more each on two cores), slowest first. They start before the rest, so that
 * the run does not end with one of them running alone while the other workers sit idle.
 */
const SLOWEST = [
  'test/email-send-resume.test.ts',
  'test/data-dir-lock.test.ts',
  'test/hostile-input.test.ts',
  'test/dashboard-sync-browser.test.ts',
  'test/dashboard-leads-browser.test.ts',
  'test/process-lifecycle.test.ts',
  'test/dashboard-settings-browser.test.ts',
  'test/users-cli.test.ts',
  'test/dashboard-people-browser.test.ts',
  'test/cli-finds-vouch.test.ts',
  'test/sandbox.test.ts',
  'test/dashboard-campaigns-browser.test.ts',
  'test/sync-dry-run.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.findIndex((slow) => file.moduleId.endsWith(slow));
      return at < 0 ? SLOWEST.length : at;
    };
    // A stable sort: the other files keep the order Vitest gives them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const onPostgres = Boolean(process.env.VOUCH_TEST_DATABASE_URL?.trim());

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'emulator/test/**/*.test.ts'],
    exclude: onPostgres ? [...configDefaults.exclude, ...RUN_ONCE] : configDefaults.exclude,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default, one file fewer than the cores, runs a 2-core machine's suite one file at a time; most
    // files spend much of their time waiting on a Vouch process, Chromium or the database, so three overlap
    // well on two cores.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SlowestFirst },
  },
});
