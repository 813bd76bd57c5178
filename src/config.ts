import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionSettings, STRIPE_EVENT_WINDOW_DAYS } from './domain/retention.js';

/** Raised when the environment cannot start Vouch; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Limits on what strangers can do, shared by every process: public sign-ups per client per 10 minutes and
 * per referrer per hour, and requests with a wrong API key per client per 10 minutes.
 */
export type PublicLimits = {
  signupsPerClient: number;
  signupsPerReferrer: number;
  authFailuresPerClient: number;
};
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  signupsPerClient: 20,
  signupsPerReferrer: 100,
  authFailuresPerClient: 30,
};

/**
 * Failed dashboard sign-ins, counted across processes in fixed windows: per account (its email, known or not)
 * and per client IP. Past either, sign-in is refused (429), the right password too, until the window ends.
 */
export type SignInLimits = { perAccount: number; perClient: number; windowMs: number };
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 10, perClient: 30, windowMs: 15 * 60_000 };

/** How long a dashboard session lasts: unused (idle), and at most whatever happens (absolute). */
export type SessionSettings = { idleMs: number; absoluteMs: number };
const HOUR_MS = 60 * 60_000;
export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMs: 12 * HOUR_MS,
  absoluteMs: 7 * 24 * HOUR_MS,
};

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const PORT_MESSAGE = 'must be a whole number between 0 and 65535';
const port = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: PORT_MESSAGE })
      .int(PORT_MESSAGE)
      .min(0, PORT_MESSAGE)
      .max(65535, PORT_MESSAGE)
      .default(fallback),
  );

/** A retention in whole days, from `min` to ten years. */
const days = (fallback: number, min: number, why = '') => {
  const message = `must be a whole number of days from ${min} to 3650${why}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ message }).int(message).min(min, message).max(3650, message).default(fallback),
  );
};
/** A number of attempts, from 1 to `max`. */
const count = (fallback: number, max: number) => {
  const message = `must be a whole number from 1 to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ message }).int(message).min(1, message).max(max, message).default(fallback),
  );
};
const STRIPE_WINDOW = ` (Stripe can still send or list an event for ${STRIPE_EVENT_WINDOW_DAYS} days)`;

const schema = z.object({
  PORT: port(3000),
  HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), {
        message: 'must be a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/vouch',
      })
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(500, 'must be between 1 and 500').default(10),
  ),
  DATABASE_PREPARED_STATEMENTS: z.preprocess(
    blankToUndefined,
    z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  ),
  VOUCH_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./.vouch')),
  VOUCH_PUBLIC_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
        message: 'must be an http:// or https:// URL, e.g. https://refer.example.com',
      })
      .optional(),
  ),
  VOUCH_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, 'must be at least 32 characters (try: openssl rand -hex 32)').optional(),
  ),
  VOUCH_BOOTSTRAP_API_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(
        /^vch_sk_[A-Za-z0-9]{32,}$/,
        'must be a secret key: vch_sk_ followed by at least 32 letters or digits',
      )
      .optional(),
  ),
  VOUCH_BODY_LIMIT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024, 'must be at least 1024 bytes')
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  VOUCH_TRUST_PROXY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(true|false|[0-9a-fA-F.:/]*[.:][0-9a-fA-F.:/]*(,\s*[0-9a-fA-F.:/]*[.:][0-9a-fA-F.:/]*)*)$/, {
        message:
          'must be true, false, or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8)',
      })
      .default('false'),
  ),
  VOUCH_WEBHOOK_ALLOW_PRIVATE: z.preprocess(
    blankToUndefined,
    z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  ),
  VOUCH_REDIRECT_RATE_LIMIT: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1, 'must be at least 1').max(10_000_000).default(600),
  ),
  VOUCH_SIGNUP_LIMIT_PER_CLIENT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(1_000_000)
      .default(DEFAULT_PUBLIC_LIMITS.signupsPerClient),
  ),
  VOUCH_SIGNUP_LIMIT_PER_REFERRER: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(1_000_000)
      .default(DEFAULT_PUBLIC_LIMITS.signupsPerReferrer),
  ),
  VOUCH_AUTH_FAILURE_LIMIT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(1_000_000)
      .default(DEFAULT_PUBLIC_LIMITS.authFailuresPerClient),
  ),
  VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: count(DEFAULT_SIGN_IN_LIMITS.perAccount, 1_000),
  VOUCH_SIGNIN_LIMIT_PER_CLIENT: count(DEFAULT_SIGN_IN_LIMITS.perClient, 100_000),
  VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number of minutes from 1 to 1440' })
      .int('must be a whole number of minutes from 1 to 1440')
      .min(1, 'must be a whole number of minutes from 1 to 1440')
      .max(1440, 'must be a whole number of minutes from 1 to 1440')
      .default(DEFAULT_SIGN_IN_LIMITS.windowMs / 60_000),
  ),
  VOUCH_SESSION_IDLE_HOURS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number of hours from 1 to 720' })
      .int('must be a whole number of hours from 1 to 720')
      .min(1, 'must be a whole number of hours from 1 to 720')
      .max(720, 'must be a whole number of hours from 1 to 720')
      .default(DEFAULT_SESSION_SETTINGS.idleMs / HOUR_MS),
  ),
  VOUCH_SESSION_MAX_DAYS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number of days from 1 to 365' })
      .int('must be a whole number of days from 1 to 365')
      .min(1, 'must be a whole number of days from 1 to 365')
      .max(365, 'must be a whole number of days from 1 to 365')
      .default(DEFAULT_SESSION_SETTINGS.absoluteMs / (24 * HOUR_MS)),
  ),
  VOUCH_STATEMENT_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .refine((v) => v === 0 || (v >= 100 && v <= 3_600_000), {
        message: 'must be 0 (no timeout) or between 100 and 3600000 milliseconds',
      })
      .default(10_000),
  ),
  STRIPE_RATE_LIMIT_TEST: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1, 'must be at least 1').max(10_000).default(25),
  ),
  STRIPE_RATE_LIMIT_LIVE: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1, 'must be at least 1').max(10_000).default(100),
  ),
  STRIPE_API_BASE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
        message: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:12111',
      })
      .optional(),
  ),
  STRIPE_CONNECT_CLIENT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^ca_[A-Za-z0-9_]+$/, 'must be a Stripe Connect client id, ca_...')
      .optional(),
  ),
  STRIPE_CONNECT_SECRET_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^sk_(test|live)_[A-Za-z0-9_]+$/, "must be the platform's secret key, sk_...")
      .optional(),
  ),
  VOUCH_SANDBOX: z.preprocess(
    blankToUndefined,
    z.enum(['auto', 'on', 'off'], { message: 'must be auto, on or off' }).default('auto'),
  ),
  VOUCH_SANDBOX_PORT: port(12111),
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), {
        message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@smtp.example.com:587',
      })
      .optional(),
  ),
  VOUCH_EMAIL_FROM: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(300)
      .refine((v) => /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v.trim()), {
        message: 'must be an address or Name <address>, e.g. Acme Referrals <referrals@acme.com>',
      })
      .optional(),
  ),
  VOUCH_SMTP_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number of milliseconds from 100 to 600000' })
      .int('must be a whole number of milliseconds from 100 to 600000')
      .min(100, 'must be a whole number of milliseconds from 100 to 600000')
      .max(600_000, 'must be a whole number of milliseconds from 100 to 600000')
      .default(30_000),
  ),
  VOUCH_RETENTION_STRIPE_EVENTS_DAYS: days(
    DEFAULT_RETENTION.stripeEventsDays,
    STRIPE_EVENT_WINDOW_DAYS + 1,
    STRIPE_WINDOW,
  ),
  VOUCH_RETENTION_DEAD_STRIPE_EVENTS_DAYS: days(
    DEFAULT_RETENTION.deadStripeEventsDays,
    STRIPE_EVENT_WINDOW_DAYS + 1,
    STRIPE_WINDOW,
  ),
  VOUCH_RETENTION_DOMAIN_EVENTS_DAYS: days(DEFAULT_RETENTION.domainEventsDays, 1),
  VOUCH_RETENTION_DELIVERIES_DAYS: days(DEFAULT_RETENTION.deliveriesDays, 1),
  VOUCH_RETENTION_CLICKS_DAYS: days(DEFAULT_RETENTION.clicksDays, 1),
  VOUCH_RETENTION_EMAILS_DAYS: days(DEFAULT_RETENTION.emailsDays, 1),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Repeated statements run as named prepared statements (`db/prepared-statements.ts`). */
  databasePreparedStatements: boolean;
  dataDir: string;
  publicUrl: string;
  /** False when VOUCH_PUBLIC_URL was not given and `publicUrl` is the local default. */
  publicUrlSet: boolean;
  /** Undefined only in embedded mode before the data dir supplies one (see `resolveSecret`). */
  secret: string | undefined;
  bootstrapApiKey: string | undefined;
  bodyLimit: number;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client IP (rate limits). */
  trustProxy: boolean | string;
  /** Referral-link redirects per minute per client IP. */
  redirectRateLimit: number;
  /** Public sign-ups and wrong API keys, limited per client across all processes. */
  publicLimits: PublicLimits;
  /** Dashboard sessions: how long one may go unused, and how long it may last at most. */
  sessions: SessionSettings;
  /** Failed sign-ins allowed per account and per client in each window, across all processes. */
  signInLimits: SignInLimits;
  /** Longest a database statement may run before it is cancelled (0: no limit); Postgres server only. */
  statementTimeoutMs: number;
  /** Outgoing webhooks may go to loopback and private addresses too (VOUCH_WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Base URL of the Stripe API; unset means Stripe itself (or the sandbox when it runs). */
  stripeApiBase: string | undefined;
  /** Requests per second this process sends to one Stripe account, in test and in live mode. */
  stripeRateLimits: { test: number; live: number };
  /** Stripe Connect OAuth: both set, or neither. */
  stripeConnect: { clientId: string; platformKey: string } | undefined;
  /** Whether `vouch start` runs the Stripe emulator in-process; see `sandboxEnabled`. */
  sandbox: 'auto' | 'on' | 'off';
  sandboxPort: number;
  /** How long logs are kept by the prune-old-rows job. */
  retention: RetentionSettings;
  /**
   * Mail: the SMTP server (its URL holds the password: never log it whole, see describeSmtpUrl), the sender,
   * and how long the server has for each step. Without a URL, embedded mode keeps mail in a local mailbox.
   */
  email: { smtpUrl: string | undefined; from: string; timeoutMs: number };
};

function parseTrustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Parses the environment once. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const v = parsed.data;
  if (Boolean(v.STRIPE_CONNECT_CLIENT_ID) !== Boolean(v.STRIPE_CONNECT_SECRET_KEY)) {
    throw new ConfigError([
      `${v.STRIPE_CONNECT_CLIENT_ID ? 'STRIPE_CONNECT_SECRET_KEY' : 'STRIPE_CONNECT_CLIENT_ID'}: required with the other, for Stripe Connect OAuth`,
    ]);
  }
  if (v.SMTP_URL && !v.VOUCH_EMAIL_FROM) {
    throw new ConfigError([
      'VOUCH_EMAIL_FROM: required when SMTP_URL is set (the sender of every mail, e.g. Acme <referrals@acme.com>)',
    ]);
  }
  if (v.DATABASE_URL && !v.VOUCH_SECRET) {
    throw new ConfigError([
      'VOUCH_SECRET: required when DATABASE_URL is set (it encrypts stored secrets; try: openssl rand -hex 32)',
    ]);
  }
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    databasePreparedStatements: v.DATABASE_PREPARED_STATEMENTS === 'on',
    dataDir: v.VOUCH_DATA_DIR,
    publicUrl: (v.VOUCH_PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, ''),
    publicUrlSet: v.VOUCH_PUBLIC_URL !== undefined,
    secret: v.VOUCH_SECRET,
    bootstrapApiKey: v.VOUCH_BOOTSTRAP_API_KEY,
    bodyLimit: v.VOUCH_BODY_LIMIT,
    redirectRateLimit: v.VOUCH_REDIRECT_RATE_LIMIT,
    publicLimits: {
      signupsPerClient: v.VOUCH_SIGNUP_LIMIT_PER_CLIENT,
      signupsPerReferrer: v.VOUCH_SIGNUP_LIMIT_PER_REFERRER,
      authFailuresPerClient: v.VOUCH_AUTH_FAILURE_LIMIT,
    },
    sessions: {
      idleMs: v.VOUCH_SESSION_IDLE_HOURS * HOUR_MS,
      absoluteMs: v.VOUCH_SESSION_MAX_DAYS * 24 * HOUR_MS,
    },
    signInLimits: {
      perAccount: v.VOUCH_SIGNIN_LIMIT_PER_ACCOUNT,
      perClient: v.VOUCH_SIGNIN_LIMIT_PER_CLIENT,
      windowMs: v.VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES * 60_000,
    },
    statementTimeoutMs: v.VOUCH_STATEMENT_TIMEOUT_MS,
    webhookAllowPrivate: v.VOUCH_WEBHOOK_ALLOW_PRIVATE === 'true',
    trustProxy: parseTrustProxy(v.VOUCH_TRUST_PROXY),
    logLevel: v.LOG_LEVEL,
    stripeApiBase: v.STRIPE_API_BASE,
    stripeRateLimits: { test: v.STRIPE_RATE_LIMIT_TEST, live: v.STRIPE_RATE_LIMIT_LIVE },
    stripeConnect:
      v.STRIPE_CONNECT_CLIENT_ID && v.STRIPE_CONNECT_SECRET_KEY
        ? { clientId: v.STRIPE_CONNECT_CLIENT_ID, platformKey: v.STRIPE_CONNECT_SECRET_KEY }
        : undefined,
    sandbox: v.VOUCH_SANDBOX,
    sandboxPort: v.VOUCH_SANDBOX_PORT,
    retention: {
      ...DEFAULT_RETENTION,
      stripeEventsDays: v.VOUCH_RETENTION_STRIPE_EVENTS_DAYS,
      deadStripeEventsDays: v.VOUCH_RETENTION_DEAD_STRIPE_EVENTS_DAYS,
      domainEventsDays: v.VOUCH_RETENTION_DOMAIN_EVENTS_DAYS,
      deliveriesDays: v.VOUCH_RETENTION_DELIVERIES_DAYS,
      clicksDays: v.VOUCH_RETENTION_CLICKS_DAYS,
      emailsDays: v.VOUCH_RETENTION_EMAILS_DAYS,
    },
    email: {
      smtpUrl: v.SMTP_URL,
      from: v.VOUCH_EMAIL_FROM?.trim() ?? 'Vouch <vouch@localhost>',
      timeoutMs: v.VOUCH_SMTP_TIMEOUT_MS,
    },
  };
}

/**
 * The sandbox runs when asked (`on`), or by default (`auto`) in embedded mode when no Stripe API base is
 * configured: a laptop trial needs no Stripe account, and a server deployment never emulates by accident.
 */
export function sandboxEnabled(config: Config): boolean {
  if (config.sandbox === 'on') return true;
  if (config.sandbox === 'off') return false;
  return !config.databaseUrl && !config.stripeApiBase;
}
