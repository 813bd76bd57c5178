// Compiles TypeScript to dist/ and copies the SQL migrations and static assets beside the compiled code.
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
