import type { Logger } from 'pino';
import type { PublicLimits, SessionSettings, SignInLimits } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../jobs/queue.js';
import type { ApiKeysService } from '../services/api-keys.js';
import type { InboxWaker } from '../services/stripe-inbox.js';
import type { OAuthSettings } from '../services/stripe-oauth.js';
import type { DeliveryOptions } from '../services/webhook-sender.js';
import type { StripeGateway } from '../stripe/gateway.js';

/** Everything the HTTP API talks to, passed in so that tests run the real thing. */
export type AppDeps = {
  database: Database;
  logger: Logger;
  apiKeys: ApiKeysService;
  /** Enqueues background work; absent only in tests that need no jobs. */
  queue?: JobQueue;
  /** This process's Stripe inbox worker, woken when a webhook arrives; absent in API-only processes. */
  inboxWorker?: InboxWaker | undefined;
  /** This process's sync runner, woken when a sync starts; absent in API-only processes. */
  syncRunner?: { wake(): void } | undefined;
  /** This process's promotion code runner, woken when codes are queued; absent in API-only processes. */
  promotionCodeRunner?: { wake(): void } | undefined;
  /** This process's task runner (a friend's or a referrer's Stripe customer); absent in API-only processes. */
  taskRunner?: { wake(): void } | undefined;
  /** This process's email runner, woken when a once-off send starts. */
  emailRunner?: { wake(): void } | undefined;
  /** This process's reward runner, woken when a reward is approved or retried. */
  rewardRunner?: { wake(): void } | undefined;
  /** Base of referral links and hosted pages (VOUCH_PUBLIC_URL). */
  publicUrl: string;
  /** Stripe, behind one wall; absent only in tests that never reach Stripe. */
  gateway?: StripeGateway;
  /** Seals stored secrets with VOUCH_SECRET. */
  box?: SecretBox;
  /** Stripe Connect OAuth (client id and platform key); absent: connect by API key only. */
  oauth?: OAuthSettings | undefined;
  /** The migration the code expects; /readyz reports not ready below it. */
  expectedMigration: number;
  bodyLimit: number;
  /** Which reverse proxies to believe about the client address (VOUCH_TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** True when Stripe is the in-process emulator; /readyz says so. */
  sandbox?: boolean;
  /** Requests per minute per client IP on public endpoints, in this process (load shedding). */
  publicRateLimit?: number;
  /** Public sign-ups and wrong API keys per client, shared by every process. */
  publicLimits?: PublicLimits | undefined;
  /** Dashboard sessions: idle and absolute lifetimes. */
  sessions?: SessionSettings | undefined;
  /** Failed sign-ins per account and per client, shared by every process. */
  signInLimits?: SignInLimits | undefined;
  /** Referral-link redirects per minute per client IP (links are shared widely, so this is higher). */
  redirectRateLimit?: number;
  /** How long a resolved referral link is remembered (a campaign change shows after this). */
  linkCacheMs?: number;
  /** How often batched link clicks are written. */
  clickFlushMs?: number;
  /** Outgoing webhooks sent from the API (test pings, replays): where they may go (allowPrivate), timeouts. */
  outgoingWebhooks?: DeliveryOptions;
  now?: () => Date;
};
