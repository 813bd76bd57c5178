/**
 * Runs the emulator in its own process for tests that kill it: `node --import tsx run-emulator.ts <state file>
 * [compact bytes]`. Prints one JSON line `{"url", "port"}` once it listens; stops cleanly on SIGTERM.
 */
import { startEmulator } from '../index.js';

const [stateFile, compactBytes] = process.argv.slice(2);
const emulator = await startEmulator({
  port: 0,
  stateFile,
  allowPrivateWebhookUrls: true,
  ...(compactBytes ? { stateCompactBytes: Number(compactBytes) } : {}),
  logger: {
    info: (msg) => process.stderr.write(`${msg}\n`),
    error: (msg) => process.stderr.write(`${msg}\n`),
  },
});
process.stdout.write(`${JSON.stringify({ url: emulator.url, port: emulator.port })}\n`);
process.once('SIGTERM', () => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
