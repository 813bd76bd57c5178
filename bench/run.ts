/** Runs every benchmark in turn. Each prints a human table and one JSON line. */
import { spawnSync } from 'node:child_process';

const benches = [
  'bench/startup.ts',
  'bench/emulator-throughput.ts',
  'bench/redirect.ts',
  'bench/webhooks.ts',
  'bench/sync.ts',
  'bench/sync-page.ts',
  'bench/promotion-codes.ts',
  'bench/rewards.ts',
  'bench/analytics.ts',
];
for (const file of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
