import type { Role } from '../../domain/roles.js';
import type { AuthLevel } from '../plugins/auth.js';
import type { ErrorCode } from './error-codes.js';

/** What an operation's declaration tells about the errors it can answer with. */
export type OperationFacts = {
  method: string;
  /** In OpenAPI form: `/v1/campaigns/{id}`. */
  path: string;
  auth: AuthLevel;
  /** The least role the operation needs (none on public operations). */
  role: Role | undefined;
  rateLimited: boolean;
  hasBody: boolean;
  hasQuery: boolean;
  hasParams: boolean;
};

const STRIPE_CALL: ErrorCode[] = [
  'stripe_<code>',
  'stripe_authentication_failed',
  'stripe_permission_denied',
  'stripe_idempotency_error',
  'stripe_unreachable',
  'stripe_unavailable',
  'stripe_rate_limited',
];
/** A campaign's Stripe account, needed before Stripe is called for it. */
const CAMPAIGN_STRIPE: ErrorCode[] = ['no_stripe_connection', 'connection_disconnected', ...STRIPE_CALL];
const JOIN: ErrorCode[] = [
  'campaign_archived',
  'campaign_paused',
  'campaign_draft',
  'participant_limit_reached',
  'referrer_exists',
  'referral_code_taken',
];
const ATTRIBUTE: ErrorCode[] = ['campaign_archived', 'campaign_paused', 'campaign_draft'];
const REWARD_MOVE: ErrorCode[] = ['reward_status'];
const QUEUE: ErrorCode[] = ['queue_unavailable'];
const INVITE_LINK: ErrorCode[] = [
  'invite_invalid',
  'invite_expired',
  'invite_revoked',
  'invite_accepted',
  'rate_limited',
];

/**
 * The codes each operation can answer with beyond those its declaration implies (authentication, parameters,
 * a missing object), read from the services it calls. Keyed by `METHOD /path`.
 */
export const OPERATION_ERRORS: Record<string, ErrorCode[]> = {
  'GET /readyz': ['migrations_pending'],
  'POST /v1/setup': [
    'setup_done',
    'setup_token_required',
    'setup_token_invalid',
    'user_exists',
    'rate_limited',
  ],
  'POST /v1/sessions': ['sign_in_failed', 'rate_limited'],
  'PATCH /v1/users/{id}': ['last_owner'],
  'DELETE /v1/users/{id}': ['last_owner'],
  'POST /v1/invites': ['user_exists'],
  'DELETE /v1/invites/{id}': ['invite_accepted'],
  'GET /v1/invites/lookup': [...INVITE_LINK],
  'POST /v1/invites/accept': [...INVITE_LINK, 'user_exists'],
  'POST /v1/api_keys': ['resource_missing'],
  'POST /v1/campaigns': ['resource_missing', 'connection_disconnected'],
  'POST /v1/campaigns/{id}': [
    'resource_missing',
    'connection_disconnected',
    'campaign_archived',
    'use_archive',
    'invalid_status_change',
    'participant_limit_below_count',
  ],
  'POST /v1/campaigns/{id}/referrers': [...JOIN, 'origin_not_allowed', 'campaign_not_allowed'],
  'POST /v1/referrers/{id}': ['referrer_removed', 'referral_code_taken'],
  'POST /v1/referrers/{id}/referral_code': ['referrer_removed'],
  'POST /v1/campaigns/{id}/referrers/import': [...JOIN, 'csv_invalid', 'csv_too_many_rows'],
  'POST /v1/campaigns/{id}/referral_codes': ['campaign_archived', ...QUEUE],
  'POST /v1/campaigns/{id}/leads/send_to_stripe': [
    'no_stripe_connection',
    'connection_disconnected',
    ...QUEUE,
  ],
  'POST /v1/campaigns/{id}/referrers/send_to_stripe': [
    'no_stripe_connection',
    'referrers_not_sent',
    ...QUEUE,
  ],
  'POST /v1/campaigns/{id}/leads': [
    ...ATTRIBUTE,
    'origin_not_allowed',
    'campaign_not_allowed',
    ...STRIPE_CALL,
  ],
  'POST /v1/leads/{id}/customers': [...CAMPAIGN_STRIPE],
  'POST /v1/stripe/connections': ['already_connected', ...STRIPE_CALL],
  'POST /v1/stripe/connections/{id}/disconnect': [...STRIPE_CALL],
  'POST /v1/stripe/connections/{id}/webhook_secret': ['connection_disconnected'],
  'POST /v1/stripe/connections/{id}/webhook': ['connection_disconnected', ...STRIPE_CALL],
  'GET /v1/stripe/connections/{id}/health': [],
  'POST /v1/stripe/connections/{id}/reconcile': [...QUEUE],
  'POST /webhooks/stripe/{connection_id}': [
    'signature_missing',
    'signature_invalid',
    'webhook_secret_missing',
    'event_malformed',
    'connection_disconnected',
  ],
  'POST /v1/stripe/oauth/authorize': ['oauth_not_configured'],
  'POST /v1/campaigns/{id}/syncs': [...CAMPAIGN_STRIPE, 'campaign_archived', 'sync_in_progress'],
  'GET /v1/campaigns/{id}/syncs/name_preview': [...CAMPAIGN_STRIPE],
  'POST /v1/campaigns/{id}/coupon': [...CAMPAIGN_STRIPE, 'campaign_archived', 'coupon_invalid'],
  'GET /v1/stripe/connections/{id}/coupons': ['connection_disconnected', ...STRIPE_CALL],
  'POST /v1/campaigns/{id}/promotion_codes': [
    ...CAMPAIGN_STRIPE,
    'campaign_archived',
    'referrer_removed',
    'no_coupon',
    'coupon_deleted',
  ],
  'GET /v1/campaigns/{id}/codes/summary': [...STRIPE_CALL],
  'GET /v1/referrers/{id}/codes/summary': [...STRIPE_CALL],
  'POST /v1/rewards/{id}/approve': REWARD_MOVE,
  'POST /v1/rewards/{id}/retry': REWARD_MOVE,
  'POST /v1/rewards/{id}/cancel': REWARD_MOVE,
  'POST /v1/webhook_endpoints/{id}/test': ['webhook_endpoint_disabled'],
  'POST /v1/webhook_deliveries/{id}/replay': ['webhook_delivery_in_progress'],
};

/** Every operation can meet these: a failure of its own, a database that does not answer, a server stopping. */
const ALWAYS: ErrorCode[] = ['internal_error', 'database_unavailable', 'shutting_down'];

/** The codes an operation can answer with: those its declaration implies, then its own. */
export function operationErrors(op: OperationFacts): ErrorCode[] {
  const codes: ErrorCode[] = [];
  const writes = !['GET', 'HEAD', 'OPTIONS'].includes(op.method);
  if (op.auth === 'session') codes.push('session_missing', 'session_expired', 'rate_limited');
  else if (op.auth !== 'public')
    codes.push('api_key_missing', 'api_key_invalid', 'session_expired', 'rate_limited');
  if (op.auth === 'secret') codes.push('secret_key_required');
  if (op.auth !== 'public' && writes) codes.push('csrf_token_invalid');
  if (op.role && op.role !== 'viewer') codes.push('role_forbidden');
  if (op.rateLimited) codes.push('rate_limited');
  if (op.hasParams || op.hasQuery || op.hasBody) codes.push('parameter_invalid', 'parameter_unknown');
  if (op.hasParams) codes.push('resource_missing');
  if (op.hasBody) {
    codes.push(
      'parameter_missing',
      'invalid_json',
      'invalid_content_length',
      'body_too_large',
      'unsupported_media_type',
    );
  } else if (op.path.startsWith('/v1/')) {
    codes.push('parameter_unknown', 'body_not_allowed');
  }
  codes.push(...(OPERATION_ERRORS[`${op.method} ${op.path}`] ?? []), ...ALWAYS);
  return [...new Set(codes)];
}
