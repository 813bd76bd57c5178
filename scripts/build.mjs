// Compiles TypeScript to dist/, copies the SQL migrations and static assets beside the compiled code, bundles
// the CLI (scripts/bundle-cli.mjs), builds the dashboard into dist/web (web/vite.config.ts, docs/dashboard.md),
// and makes the embedded database a first `vouch start` copies (src/db/pglite-template.ts): migrated, with the
// job queue's schema and queues in place.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
cpSync('src/db/migrations', 'dist/src/db/migrations', { recursive: true });
cpSync('src/http/assets', 'dist/src/http/assets', { recursive: true });
await import('./bundle-cli.mjs');

const { build: buildDashboard } = await import('vite');
await buildDashboard({ configFile: 'web/vite.config.ts', logLevel: 'warn' });

const { TEMPLATE_DIR, writeTemplate } = await import('../dist/src/db/pglite-template.js');
const { JobQueue } = await import('../dist/src/jobs/queue.js');
const { jobDefinitions } = await import('../dist/src/jobs/registry.js');
await writeTemplate(TEMPLATE_DIR, (database) => JobQueue.install(database, jobDefinitions));
