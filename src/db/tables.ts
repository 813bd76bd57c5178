import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CampaignStatus, LimitCounts } from '../domain/campaign.js';
import type { RedemptionSource } from '../domain/code-performance.js';
import type {
  EmailKind,
  EmailOutcome,
  EmailStatus,
  SuppressionReason,
  TemplateKind,
} from '../domain/email-templates.js';
import type { CustomerLinkHow, LeadSource, LeadStatus, RejectionReason } from '../domain/lead.js';
import type { PromotionCodeStatus } from '../domain/promotion-code.js';
import type { ReferrerSource } from '../domain/referrer.js';
import type { RewardCancelReason, RewardKind, RewardRecipient, RewardStatus } from '../domain/reward.js';
import type { ActorKind, KeyRole, Role } from '../domain/roles.js';
import type { SyncKind, SyncSkipReason, SyncStatus } from '../domain/sync-config.js';

/** The enums are defined once, in the domain; the database checks the same values. */
export type {
  ActorKind,
  CampaignStatus,
  CustomerLinkHow,
  KeyRole,
  LeadSource,
  LeadStatus,
  LimitCounts,
  PromotionCodeStatus,
  RedemptionSource,
  ReferrerSource,
  RejectionReason,
  RewardCancelReason,
  RewardKind,
  RewardRecipient,
  RewardStatus,
  Role,
  SyncKind,
  SyncSkipReason,
  SyncStatus,
};

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type ApiKeysTable = {
  id: string;
  name: string;
  kind: 'secret' | 'publishable';
  secret_hash: Buffer;
  last_four: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** Publishable keys limited to these campaigns; null reaches every campaign. */
  campaign_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** What a secret key may do; publishable keys are viewer (their reach is the public endpoints). */
  role: ColumnType<KeyRole, KeyRole | undefined, KeyRole>;
};

export type MaintenanceRunsTable = {
  id: string;
  ran_at: CreatedAt;
  pruned_rows: Generated<number>;
};

export type SchemaMigrationsTable = {
  version: number;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
};

export type Tables = {
  api_keys: ApiKeysTable;
  campaigns: CampaignsTable;
  referrers: ReferrersTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  clicks: ClicksTable;
  click_days: ClickDaysTable;
  revenue_days: RevenueDaysTable;
  campaign_revenue_days: CampaignRevenueDaysTable;
  campaign_days: CampaignDaysTable;
  connections: ConnectionsTable;
  stripe_events: StripeEventsTable;
  syncs: SyncsTable;
  sync_skips: SyncSkipsTable;
  sync_customers: SyncCustomersTable;
  sync_writes: SyncWritesTable;
  campaign_coupons: CampaignCouponsTable;
  promotion_codes: PromotionCodesTable;
  code_redemptions: CodeRedemptionsTable;
  rewards: RewardsTable;
  reward_events: RewardEventsTable;
  customer_links: CustomerLinksTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  disputes: DisputesTable;
  domain_events: DomainEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  maintenance_runs: MaintenanceRunsTable;
  rate_limit_windows: RateLimitWindowsTable;
  tasks: TasksTable;
  users: UsersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  portal_sessions: PortalSessionsTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  email_templates: EmailTemplatesTable;
  email_sends: EmailSendsTable;
  email_outbox: EmailOutboxTable;
  email_attempts: EmailAttemptsTable;
  email_suppressions: EmailSuppressionsTable;
  schema_migrations: SchemaMigrationsTable;
};

export type UsersTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  created_at: Date;
  updated_at: Date;
  last_sign_in_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};
export type UserRow = Selectable<UsersTable>;

export type SessionsTable = {
  /** SHA-256 of the cookie's token. */
  id: Buffer;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type PortalSessionsTable = {
  id: string;
  kind: 'link' | 'browser';
  campaign_id: string;
  referrer_id: string;
  token_hash: Buffer;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};
export type PortalSessionRow = Selectable<PortalSessionsTable>;

export type InvitesTable = {
  id: string;
  email: string;
  role: Role;
  token_hash: Buffer;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};
export type InviteRow = Selectable<InvitesTable>;

export type SetupTokensTable = {
  token_hash: Buffer;
  created_at: Date;
  expires_at: Date;
};

export type AuditLogTable = {
  id: string;
  actor_kind: ActorKind;
  actor_id: string;
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string;
  data: Json;
  created_at: Date;
};
export type AuditLogRow = Selectable<AuditLogTable>;

export type RateLimitWindowsTable = {
  key: string;
  window_start: Date;
  hits: number;
};

export type TaskKind = 'stripe_lead_customer' | 'stripe_referrer_customer';

export type TasksTable = {
  id: string;
  kind: TaskKind;
  subject_id: string;
  generation: ColumnType<number, number | undefined, number>;
  available_at: Date;
  locked_until: Date | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  failed_at: Date | null;
  created_at: Date;
};
export type TaskRow = Selectable<TasksTable>;

export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;

type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export type CampaignsTable = {
  id: string;
  name: string;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  destination_url: string | null;
  participant_limit: number | null;
  participant_count: ColumnType<number, number | undefined, number>;
  participant_limit_counts: ColumnType<LimitCounts, LimitCounts | undefined, LimitCounts>;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  cookie_days: ColumnType<number, number | undefined, number>;
  auto_referral_codes: ColumnType<boolean, boolean | undefined, boolean>;
  settings: Json;
  connection_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
};

export type ReferrersTable = {
  id: string;
  campaign_id: string;
  email: string;
  email_normalized: string;
  first_name: string;
  last_name: string | null;
  metadata: Json;
  source: ReferrerSource;
  slug: string;
  referral_code: string | null;
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Holds a place under the participant limit (see LimitCounts). */
  counted: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type LeadsTable = {
  id: string;
  campaign_id: string;
  referrer_id: string;
  email: string;
  email_normalized: string;
  first_name: string | null;
  last_name: string | null;
  metadata: Json;
  source: LeadSource;
  status: ColumnType<LeadStatus, LeadStatus | undefined, LeadStatus>;
  rejection_reason: RejectionReason | null;
  referred_at: Date;
  qualified_at: Date | null;
  net_spend: ColumnType<number, number | undefined, number>;
  /** The Stripe customers that had the friend's email when the lead was recorded; null: not looked up. */
  customers_at_signup: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** What a browser was given for this sign-up (rcpt_...), in place of the lead's id. */
  receipt_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Holds a place under the participant limit (see LimitCounts). */
  counted: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type LeadEventsTable = {
  id: string;
  lead_id: string;
  type: string;
  message: string;
  status: LeadStatus;
  data: Json;
  created_at: CreatedAt;
};

export type ClicksTable = {
  referrer_id: string;
  hour: Date;
  campaign_id: string;
  count: number;
};

/** Link clicks per campaign per UTC day (0016_analytics.sql). */
export type ClickDaysTable = {
  campaign_id: string;
  day: string;
  clicks: number;
};

/** What referred customers paid per campaign, referrer, UTC day and currency, refunds taken away. */
export type RevenueDaysTable = {
  campaign_id: string;
  referrer_id: string;
  day: string;
  currency: string;
  amount: number;
  /** False while the row is a change appended by a write, true once `fold_analytics()` made it a key's sum. */
  folded: Generated<boolean>;
};

/** revenue_days added up per campaign, day and currency. */
export type CampaignRevenueDaysTable = {
  campaign_id: string;
  day: string;
  currency: string;
  amount: number;
  folded: Generated<boolean>;
};

/**
 * Sign-ups, leads, qualifications and rewards per campaign per UTC day (0016_analytics.sql): a key's figures
 * are the sum of its rows (0019_analytics_appends.sql).
 */
export type CampaignDaysTable = {
  campaign_id: string;
  day: string;
  sign_ups: number;
  leads: number;
  leads_qualified: number;
  qualified: number;
  rewards_issued: number;
  folded: Generated<boolean>;
};

export type CampaignRow = Selectable<CampaignsTable>;
export type ReferrerRow = Selectable<ReferrersTable>;
export type LeadRow = Selectable<LeadsTable>;
export type LeadEventRow = Selectable<LeadEventsTable>;

export type ConnectionsTable = {
  id: string;
  name: string;
  method: 'api_key' | 'oauth';
  mode: 'test' | 'live';
  stripe_account_id: string;
  default_currency: string;
  secret_key_sealed: string;
  key_last4: string;
  /** automatic: Vouch's endpoint; manual: one set up by hand; none: Stripe refused the endpoint (polling). */
  webhook_setup: 'automatic' | 'manual' | 'none';
  /** Why there is no working endpoint, in Stripe's words (the refusal when connecting or repairing). */
  webhook_error: ColumnType<string | null, string | null | undefined, string | null>;
  webhook_endpoint_id: string | null;
  webhook_secret_sealed: string | null;
  previous_webhook_secret_sealed: string | null;
  status: ColumnType<
    'active' | 'disconnected',
    'active' | 'disconnected' | undefined,
    'active' | 'disconnected'
  >;
  last_event_at: Date | null;
  reconciled_until: Date | null;
  /** Polling: the newest event read so far, when a poll last succeeded, the last failure. */
  events_cursor: ColumnType<string | null, string | null | undefined, string | null>;
  events_polled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  events_poll_error: ColumnType<string | null, string | null | undefined, string | null>;
  events_poll_failures: ColumnType<number, number | undefined, number>;
  events_poll_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  reconcile_error: ColumnType<string | null, string | null | undefined, string | null>;
  reconcile_failures: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  disconnected_at: Date | null;
};

export type StripeEventsTable = {
  connection_id: string;
  id: string;
  type: string;
  created_at: Date;
  payload: Json;
  source: 'webhook' | 'reconciliation' | 'polling';
  received_at: CreatedAt;
  processed_at: Date | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  dead_at: Date | null;
  /** When the worker may next try it: on arrival, or after a failure's backoff. */
  available_at: ColumnType<Date, Date | undefined, Date>;
};

export type ConnectionRow = Selectable<ConnectionsTable>;
export type StripeEventRow = Selectable<StripeEventsTable>;

export type CustomerLinksTable = {
  connection_id: string;
  customer_id: string;
  lead_id: string | null;
  referrer_id: string | null;
  how: CustomerLinkHow;
  created_at: CreatedAt;
};

type FactColumns = {
  connection_id: string;
  settled_amount: number;
  status: string;
  created_at: Date;
  observed_at: number;
};

export type PaymentsTable = FactColumns & {
  charge_id: string;
  customer_id: string | null;
  amount: number;
  currency: string;
};
export type RefundsTable = FactColumns & { refund_id: string; charge_id: string; amount: number };
export type DisputesTable = FactColumns & { dispute_id: string; charge_id: string; amount: number };

export type DomainEventsTable = {
  id: string;
  type: string;
  campaign_id: string;
  lead_id: string | null;
  referrer_id: string | null;
  data: Json;
  created_at: CreatedAt;
  /** When the outgoing webhook runner made its deliveries; null while it has still to. */
  dispatched_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type WebhookEndpointStatus = 'active' | 'disabled';

export type WebhookEndpointsTable = {
  id: string;
  url: string;
  description: string | null;
  event_types: ColumnType<string[], string[], string[]>;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  status: ColumnType<WebhookEndpointStatus, WebhookEndpointStatus | undefined, WebhookEndpointStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export type WebhookDeliveriesTable = {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: Json;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date | null;
  locked_until: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: CreatedAt;
};
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export type WebhookAttemptTrigger = 'automatic' | 'replay' | 'test';

export type WebhookAttemptsTable = {
  id: Generated<number>;
  delivery_id: string;
  trigger: WebhookAttemptTrigger;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
};
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;

export type SyncsTable = {
  id: string;
  campaign_id: string;
  connection_id: string;
  kind: SyncKind;
  dry_run: boolean;
  config: Json;
  status: SyncStatus;
  stop_reason: string | null;
  cursor: string | null;
  listing_done: boolean;
  passes: ColumnType<number, number | undefined, number>;
  seen: ColumnType<number, number | undefined, number>;
  created: ColumnType<number, number | undefined, number>;
  matched: ColumnType<number, number | undefined, number>;
  skipped: Json;
  written: ColumnType<number, number | undefined, number>;
  already_current: ColumnType<number, number | undefined, number>;
  write_failures: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  started_at: ColumnType<Date, Date | undefined, Date>;
  listing_done_at: Date | null;
  finished_at: Date | null;
  next_pass_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type SyncRow = Selectable<SyncsTable>;

/** What became of a customer in a sync: made a referrer, already one, or skipped (and why). */
export type SyncStanding = 'created' | 'matched' | SyncSkipReason;

export type SyncCustomersTable = {
  sync_id: string;
  customer_id: string;
  standing: SyncStanding;
  /** A dry run's would-be referrer: its normalized email; null otherwise. */
  email_normalized: string | null;
};

export type SyncSkipsTable = {
  sync_id: string;
  customer_id: string;
  reason: SyncSkipReason;
  detail: string | null;
  created_at: CreatedAt;
};

export type SyncWritesTable = {
  id: Generated<number>;
  sync_id: string;
  customer_id: string;
  referrer_id: string;
  params: Json;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  done_at: Date | null;
  created_at: CreatedAt;
};

export type CampaignCouponsTable = {
  campaign_id: string;
  connection_id: string;
  coupon_id: string;
  origin: 'created' | 'existing';
  details: Json;
  deleted_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type CampaignCouponRow = Selectable<CampaignCouponsTable>;

export type PromotionCodesTable = {
  id: string;
  campaign_id: string;
  referrer_id: string;
  connection_id: string;
  coupon_id: string;
  code: string | null;
  rules: Json;
  stripe_id: string | null;
  status: PromotionCodeStatus;
  error_code: string | null;
  last_error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type PromotionCodeRow = Selectable<PromotionCodesTable>;

export type RedemptionRefusal =
  | 'expired'
  | 'max_redemptions'
  | 'minimum_amount'
  | 'not_first_order'
  | 'already_lead'
  | 'self_referral'
  | 'campaign_limit'
  | 'campaign_not_live'
  | 'referrer_removed';

export type CodeRedemptionsTable = {
  id: string;
  campaign_id: string;
  referrer_id: string;
  lead_id: string | null;
  promotion_code_id: string | null;
  source: RedemptionSource;
  reference: string;
  customer_id: string | null;
  amount: number | null;
  currency: string | null;
  counted: boolean;
  refusal: RedemptionRefusal | null;
  redeemed_at: Date;
  created_at: CreatedAt;
};
export type CodeRedemptionRow = Selectable<CodeRedemptionsTable>;

export type RewardsTable = {
  id: string;
  campaign_id: string;
  lead_id: string;
  referrer_id: string;
  recipient: RewardRecipient;
  connection_id: string;
  kind: RewardKind;
  amount: number | null;
  currency: string | null;
  coupon_id: string | null;
  status: RewardStatus;
  cancel_reason: RewardCancelReason | null;
  issue_after: Date;
  customer_id: string | null;
  stripe_object: string | null;
  promotion_code: string | null;
  reversal_object: string | null;
  review: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  issued_at: Date | null;
  cancelled_at: Date | null;
  reversed_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type RewardRow = Selectable<RewardsTable>;

export type RewardEventsTable = {
  id: string;
  reward_id: string;
  type: string;
  message: string;
  status: RewardStatus;
  data: Json;
  created_at: CreatedAt;
};
export type RewardEventRow = Selectable<RewardEventsTable>;

export type EmailTemplatesTable = {
  campaign_id: string;
  kind: TemplateKind;
  enabled: boolean;
  subject: string;
  html: string;
  text: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type EmailSendsTable = {
  id: string;
  campaign_id: string;
  subject: string;
  html: string;
  text: string;
  audience: Json;
  rate_per_minute: number;
  recipient_count: number;
  created_by: string | null;
  created_at: CreatedAt;
};
export type EmailSendRow = Selectable<EmailSendsTable>;

export type EmailOutboxTable = {
  id: Generated<string>;
  dedupe_key: string;
  campaign_id: string | null;
  referrer_id: string | null;
  send_id: string | null;
  kind: EmailKind;
  to_address: string;
  variables: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  locked_until: Date | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  message_id: string | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: CreatedAt;
};
export type EmailOutboxRow = Selectable<EmailOutboxTable>;

export type EmailAttemptsTable = {
  id: Generated<string>;
  outbox_id: string;
  attempted_at: Date;
  outcome: EmailOutcome;
  smtp_response: string | null;
  error: string | null;
  duration_ms: number;
};
export type EmailAttemptRow = Selectable<EmailAttemptsTable>;

export type EmailSuppressionsTable = {
  email: string;
  reason: SuppressionReason;
  campaign_id: string | null;
  created_at: CreatedAt;
};
