import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { startAdminSocket } from './admin-socket.js';
import { type Config, sandboxEnabled } from './config.js';
import { SecretBox } from './crypto/secret-box.js';
import { dataDirSecret, lockDataDir } from './data-dir.js';
import type { Database } from './db/database.js';
import { loadMigrations, migrate } from './db/migrate.js';
import { freePort } from './free-port.js';
import { buildApp } from './http/app.js';
import type { JobQueue } from './jobs/queue.js';
import { prepareWorkers, type Role } from './jobs/workers.js';
import { ensurePortFree, explainListenError } from './listen-error.js';
import { openDatabase } from './open-database.js';
import { apiKeysService } from './services/api-keys.js';
import { describeSmtpUrl, mailboxTransport, smtpTransport } from './services/email-transport.js';
import { ensureSandboxConnection } from './services/sandbox-connection.js';
import { issueSetupToken } from './services/setup.js';
import { usersService } from './services/users.js';
import { StripeGateway } from './stripe/gateway.js';
import { type StripeSandbox, startStripeSandbox } from './stripe/sandbox.js';
import { VERSION } from './version.js';

export type { Role };

/** How long after the API serves the background work starts (see `startVouch`). */
const BACKGROUND_START_DELAY_MS = 1_000;
/** How often job workers look for jobs with embedded PGlite (2 s on a Postgres server). */
const EMBEDDED_JOB_POLL_SECONDS = 10;

export type RunningVouch = {
  database: Database;
  queue: JobQueue;
  app: FastifyInstance | undefined;
  /** The in-process Stripe emulator, when Vouch runs as a sandbox. */
  sandbox: StripeSandbox | undefined;
  /** Where Stripe calls go: the sandbox, STRIPE_API_BASE, or (undefined) Stripe itself. */
  stripeApiBase: string | undefined;
  /** Base URL the API listens on, when this process serves it. */
  url: string | undefined;
  /**
   * The background work (jobs, schedules, runners) starts once the API serves: resolves when it has
   * started, rejects when it could not.
   */
  working: Promise<void>;
  /** Stops accepting work, lets in-flight requests and jobs finish, then closes the database. */
  stop(): Promise<void>;
};

/**
 * Starts Vouch: claims the data dir (embedded mode), applies migrations under a lock, ensures the
 * bootstrap key, opens the job queue and, for the api role, the HTTP server (in the sandbox, once Vouch is
 * connected to it). Resolves once the API serves; the background work starts right after (`working`).
 */
export async function startVouch(config: Config, role: Role, logger: Logger): Promise<RunningVouch> {
  const started = Date.now();
  const embedded = !config.databaseUrl;
  const releaseDataDir = embedded ? await lockDataDir(config.dataDir) : () => {};
  const cleanups: Array<() => Promise<void> | void> = [releaseDataDir];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    // A port already taken stops start-up here, with one line naming its variable, not after migrations.
    if (role !== 'worker') await ensurePortFree('PORT', config.host, config.port);
    if (sandboxEnabled(config)) await ensurePortFree('VOUCH_SANDBOX_PORT', '127.0.0.1', config.sandboxPort);
    if (embedded && !config.secret) config.secret = dataDirSecret(config.dataDir);
    // The sandbox needs no database: it starts while the database opens, in the gaps while PGlite loads.
    // Awaited (and its failure reported) after the migrations.
    const sandboxStarting = sandboxEnabled(config)
      ? startStripeSandbox({ port: config.sandboxPort, dataDir: config.dataDir, logger })
      : undefined;
    sandboxStarting?.catch(() => {});
    cleanups.push(async () => (await sandboxStarting?.catch(() => undefined))?.close());
    const database = await openDatabase(config);
    cleanups.push(() => database.close());

    const migrations = loadMigrations();
    const { applied } = await migrate(database, migrations);
    for (const m of applied) logger.info({ migration: m.version, name: m.name }, 'migration applied');

    const apiKeys = apiKeysService(database);
    if (config.bootstrapApiKey) {
      const outcome = await apiKeys.ensure(config.bootstrapApiKey);
      logger.info({ outcome }, 'bootstrap API key checked');
    }

    const sandbox: StripeSandbox | undefined = await sandboxStarting;
    if (sandbox) {
      logger.warn(
        {
          sandbox_url: sandbox.target.apiBase,
          stripe_account: sandbox.accountId,
          state_file: sandbox.stateFile,
        },
        `SANDBOX MODE: Stripe is emulated at ${sandbox.target.apiBase}; no real Stripe account is used. ` +
          'Try `vouch demo` for sample data; set VOUCH_SANDBOX=off to turn this off.',
      );
    }
    const stripeApiBase = sandbox?.target.apiBase ?? config.stripeApiBase;
    const box = new SecretBox(config.secret!);
    const gateway = new StripeGateway(box, stripeApiBase, config.stripeRateLimits);
    // Links and webhook URLs need the real port before the app is built.
    const port = config.port === 0 && role !== 'worker' ? await freePort(config.host) : config.port;
    const publicUrl = config.publicUrlSet ? config.publicUrl : `http://localhost:${port}`;

    if (config.webhookAllowPrivate)
      logger.warn(
        'VOUCH_WEBHOOK_ALLOW_PRIVATE=true: outgoing webhooks may be sent to loopback and private network addresses',
      );
    // An API-only process only enqueues; worker processes do the background work, started once the API
    // serves: their first rounds would only delay it.
    const workers = await prepareWorkers({
      database,
      logger,
      now: () => new Date(),
      role,
      gateway,
      box,
      publicUrl,
      retention: config.retention,
      email: emailSettings(config, embedded, logger),
      options: {
        outgoingWebhooks: { allowPrivate: config.webhookAllowPrivate },
        // One process owns embedded data and wakes its own workers for the jobs it sends: a poll only finds
        // retries and scheduled jobs, so it can come less often (an idle process does less).
        jobPollingIntervalSeconds: embedded ? EMBEDDED_JOB_POLL_SECONDS : undefined,
      },
    });
    cleanups.push(() => workers.stop());
    const { queue } = workers;

    // Before the API listens, so that a ready Vouch is one connected to its sandbox.
    if (sandbox && role !== 'worker') {
      await ensureSandboxConnection({ database, gateway, box, publicUrl, logger });
    }

    let app: FastifyInstance | undefined;
    let url: string | undefined;
    if (role !== 'worker') {
      app = await buildApp({
        database,
        logger,
        apiKeys,
        queue,
        ...workers.wakers,
        publicUrl,
        gateway,
        box,
        // In the sandbox the emulator plays Stripe's OAuth side too.
        oauth:
          config.stripeConnect ??
          (sandbox ? { clientId: 'ca_vouch_sandbox', platformKey: sandbox.target.apiKey } : undefined),
        expectedMigration: migrations.at(-1)?.version ?? 0,
        bodyLimit: config.bodyLimit,
        redirectRateLimit: config.redirectRateLimit,
        publicLimits: config.publicLimits,
        sessions: config.sessions,
        signInLimits: config.signInLimits,
        trustProxy: config.trustProxy,
        sandbox: sandbox !== undefined,
        outgoingWebhooks: { allowPrivate: config.webhookAllowPrivate },
      });
      await app.listen({ port, host: config.host }).catch((error: unknown) => {
        throw explainListenError(error, 'PORT', config.host, port);
      });
      const address = app.server.address() as AddressInfo;
      url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      const listening = app;
      // Closing the HTTP server first: no new requests, in-flight ones finish before the queue stops.
      cleanups.push(() => listening.close());
      // Until someone can sign in, the dashboard's set-up needs this link from anywhere but this machine. The
      // token is in this line only: it is never logged anywhere else.
      const setupToken = await issueSetupToken(database);
      if (setupToken)
        logger.warn(
          `No one can sign in yet: create the owner at ${publicUrl}/dashboard/setup?token=${setupToken} ` +
            '(the link works once, for a day; on this machine /dashboard/setup needs no token)',
        );
    }

    let adminSocket: Server | undefined;
    if (embedded) {
      // `info` tells the CLI which Vouch it reaches: `vouch demo` seeds this sandbox, not whatever answers.
      adminSocket = await startAdminSocket(
        config.dataDir,
        { apiKeys, users: usersService({ database }) },
        {
          pid: process.pid,
          version: VERSION,
          role,
          url: url ?? null,
          database: database.kind,
          data_dir: resolve(config.dataDir),
          stripe_api_base: stripeApiBase ?? null,
          sandbox: sandbox
            ? {
                api_base: sandbox.target.apiBase!,
                api_key: sandbox.target.apiKey,
                account_id: sandbox.accountId,
              }
            : null,
        },
      );
      const socket = adminSocket;
      if (socket) cleanups.push(() => new Promise<void>((done) => socket.close(() => done())));
      else logger.warn({ data_dir: config.dataDir }, 'no admin socket: the data dir path is too long');
    }

    logger.info(
      {
        role,
        url,
        database: database.kind,
        data_dir: embedded ? config.dataDir : undefined,
        sandbox: sandbox !== undefined,
        startup_ms: Date.now() - started,
      },
      `Vouch is running${url ? ` at ${url}` : ''} (${role}, ${embedded ? 'embedded PGlite' : 'Postgres'})`,
    );

    // The first requests after a start do not queue behind the background work's first rounds (the embedded
    // database has one connection): it starts a moment later, or at once in a process without the API.
    let delay: NodeJS.Timeout | undefined;
    const working =
      role === 'worker'
        ? workers.run()
        : new Promise<void>((resolve) => {
            delay = setTimeout(resolve, BACKGROUND_START_DELAY_MS);
          }).then(() => workers.run());
    working.catch(() => {}); // reported by whoever awaits `working`
    // Stopped before it started: it never does (`workers.stop` also makes a late `run` do nothing).
    cleanups.push(() => clearTimeout(delay));
    let stopping: Promise<void> | undefined;
    return {
      database,
      queue,
      app,
      url,
      sandbox,
      stripeApiBase,
      working,
      stop() {
        stopping ??= runCleanups();
        return stopping;
      },
    };
  } catch (error) {
    await runCleanups().catch(() => {});
    throw error;
  }
}

/**
 * Where mail goes: the SMTP server of SMTP_URL; without one, in embedded mode, the local mailbox the
 * dashboard shows; otherwise nowhere yet (mail waits in the outbox until SMTP_URL is set).
 */
function emailSettings(config: Config, embedded: boolean, logger: Logger) {
  const { smtpUrl, from, timeoutMs } = config.email;
  if (smtpUrl) {
    logger.info({ smtp: describeSmtpUrl(smtpUrl), from }, 'mail is sent through SMTP');
    return { transport: smtpTransport(smtpUrl, timeoutMs), from, timeoutMs };
  }
  if (embedded) return { transport: mailboxTransport, from, timeoutMs };
  logger.warn('SMTP_URL is not set: mail waits in the outbox and is sent once SMTP_URL is set');
  return undefined;
}
