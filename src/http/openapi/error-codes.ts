import type { ErrorType } from '../../errors.js';

export type ErrorCodeInfo = {
  /** The HTTP statuses the code comes with (most have one). */
  statuses: readonly number[];
  type: ErrorType;
  meaning: string;
};

/**
 * Every `error.code` the API answers with, its status and what it means. The OpenAPI document lists, per
 * operation, the codes it can return from this table; the API reference prints it whole. A test checks that
 * every code the source throws is here.
 */
export const ERROR_CODES = {
  // The request itself
  parameter_invalid: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'A parameter has a wrong value; `param` names it.',
  },
  parameter_missing: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'A required parameter is missing; `param` names it.',
  },
  parameter_unknown: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'A parameter the operation does not accept; `param` names it.',
  },
  invalid_json: { statuses: [400], type: 'invalid_request_error', meaning: 'The body is not valid JSON.' },
  invalid_content_length: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'Content-Length does not match the body.',
  },
  invalid_request: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The request could not be read; the message says why.',
  },
  invalid_url: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The URL is not valid (a bad percent escape).',
  },
  bad_request: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The request could not be read as HTTP.',
  },
  body_not_allowed: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The operation takes no body; send none.',
  },
  body_too_large: {
    statuses: [413],
    type: 'invalid_request_error',
    meaning: 'The body is larger than the server accepts.',
  },
  unsupported_media_type: {
    statuses: [415],
    type: 'invalid_request_error',
    meaning: 'The Content-Type is not one the operation accepts.',
  },
  uri_too_long: {
    statuses: [414],
    type: 'invalid_request_error',
    meaning: 'A path parameter is too long (ids are at most 64 characters).',
  },
  headers_too_large: {
    statuses: [431],
    type: 'invalid_request_error',
    meaning: 'The request headers are too large.',
  },
  request_timeout: {
    statuses: [408],
    type: 'invalid_request_error',
    meaning: 'The request was not received in time.',
  },
  route_not_found: {
    statuses: [404],
    type: 'invalid_request_error',
    meaning: 'No operation answers this method and URL.',
  },
  resource_missing: {
    statuses: [404],
    type: 'invalid_request_error',
    meaning: 'No such object; `param` names the id at fault.',
  },
  csv_invalid: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The CSV file cannot be read or lacks a required column.',
  },
  csv_too_many_rows: {
    statuses: [413],
    type: 'invalid_request_error',
    meaning: 'The CSV file has more rows than one import takes.',
  },
  // Authentication and permission
  api_key_missing: {
    statuses: [401],
    type: 'authentication_error',
    meaning: 'No API key in the Authorization header.',
  },
  api_key_invalid: {
    statuses: [401],
    type: 'authentication_error',
    meaning: 'The API key is malformed, unknown or revoked.',
  },
  session_missing: {
    statuses: [401],
    type: 'authentication_error',
    meaning: 'Not signed in: no session cookie (the operation is for the dashboard).',
  },
  session_expired: {
    statuses: [401],
    type: 'authentication_error',
    meaning: 'The session cookie belongs to a session that ended (signed out, idle, past its lifetime).',
  },
  sign_in_failed: {
    statuses: [401],
    type: 'authentication_error',
    meaning: 'Wrong email or password (the same answer for both).',
  },
  csrf_token_invalid: {
    statuses: [403],
    type: 'permission_error',
    meaning: 'A signed-in write without the x-csrf-token header of GET /v1/session.',
  },
  role_forbidden: {
    statuses: [403],
    type: 'permission_error',
    meaning: "The caller's role is below the one the operation needs; the message names it.",
  },
  setup_token_required: {
    statuses: [403],
    type: 'permission_error',
    meaning: 'Creating the first owner from another machine takes the set-up link Vouch logged.',
  },
  setup_token_invalid: {
    statuses: [403],
    type: 'permission_error',
    meaning: 'The set-up link is not valid or has expired.',
  },
  secret_key_required: {
    statuses: [403],
    type: 'permission_error',
    meaning: 'A publishable key was sent to an operation that needs a secret key.',
  },
  campaign_not_allowed: {
    statuses: [403],
    type: 'permission_error',
    meaning: 'The publishable key is limited to other campaigns.',
  },
  origin_not_allowed: {
    statuses: [403],
    type: 'permission_error',
    meaning: "The browser's Origin is not among the campaign's allowed_origins.",
  },
  rate_limited: {
    statuses: [429],
    type: 'rate_limit_error',
    meaning: 'Too many requests (or wrong API keys) from this client; retry after Retry-After seconds.',
  },
  // The state of the objects
  setup_done: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'Vouch has an owner already; sign in instead.',
  },
  last_owner: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The only owner cannot be demoted or removed; make another teammate an owner first.',
  },
  user_exists: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'A teammate with this email exists already.',
  },
  invite_invalid: {
    statuses: [404],
    type: 'invalid_request_error',
    meaning: 'The invitation link is not one Vouch made.',
  },
  invite_expired: {
    statuses: [410],
    type: 'invalid_request_error',
    meaning: 'The invitation has expired (after 7 days).',
  },
  invite_revoked: {
    statuses: [410],
    type: 'invalid_request_error',
    meaning: 'The invitation was withdrawn.',
  },
  invite_accepted: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The invitation was accepted already.',
  },
  campaign_archived: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign is archived and cannot change or take part.',
  },
  campaign_paused: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign is paused and takes no new referrers or leads.',
  },
  campaign_draft: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign is a draft and takes no referrers or leads yet.',
  },
  use_archive: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'Archive a campaign with its archive operation, not by setting its status.',
  },
  invalid_status_change: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign cannot move from its status to the one asked.',
  },
  participant_limit_reached: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign has as many referrers as its participant limit allows.',
  },
  participant_limit_below_count: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The new participant limit is below the referrers the campaign already has.',
  },
  referrer_exists: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'A referrer with this email already takes part in the campaign.',
  },
  referral_code_taken: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'Another referrer of the campaign has this referral code.',
  },
  referrer_removed: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The referrer was removed.',
  },
  reward_status: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The reward is not in a status that allows this.',
  },
  no_stripe_connection: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign has no Stripe connection.',
  },
  referrers_not_sent: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign does not send referrers to Stripe (customers.referrers_to_stripe is false).',
  },
  connection_disconnected: {
    statuses: [409, 410],
    type: 'invalid_request_error',
    meaning: 'The Stripe connection is disconnected (410 to incoming Stripe webhooks).',
  },
  already_connected: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'This Stripe account and mode are already connected.',
  },
  no_coupon: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign has no coupon to make promotion codes from.',
  },
  coupon_invalid: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The Stripe coupon cannot be used for referral codes.',
  },
  coupon_deleted: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The Stripe coupon was deleted.',
  },
  sync_in_progress: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The campaign already has a running or ongoing sync.',
  },
  webhook_endpoint_disabled: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'The webhook endpoint is disabled.',
  },
  webhook_delivery_in_progress: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'An attempt of this delivery is under way.',
  },
  oauth_not_configured: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'Stripe Connect OAuth is not set up on this server.',
  },
  oauth_code_missing: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'Stripe sent the owner back without an authorization code.',
  },
  oauth_state_invalid: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The OAuth state is not one this server issued.',
  },
  oauth_state_expired: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The OAuth link expired; start again.',
  },
  oauth_exchange_failed: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'Stripe refused the authorization code.',
  },
  // Incoming Stripe webhooks
  signature_missing: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The Stripe-Signature header is missing.',
  },
  signature_invalid: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: "The Stripe-Signature does not match the connection's signing secret.",
  },
  webhook_secret_missing: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The connection has no webhook signing secret to check events with.',
  },
  event_malformed: {
    statuses: [400],
    type: 'invalid_request_error',
    meaning: 'The signed body is not a Stripe event.',
  },
  // Stripe's answers
  stripe_authentication_failed: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: "Stripe refused the connection's API key.",
  },
  stripe_permission_denied: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: "The connection's key may not do what this needs in Stripe.",
  },
  stripe_idempotency_error: {
    statuses: [409],
    type: 'invalid_request_error',
    meaning: 'Stripe saw the same idempotency key with other parameters.',
  },
  'stripe_<code>': {
    statuses: [400],
    type: 'invalid_request_error',
    meaning:
      "Stripe refused the request: `<code>` is Stripe's own code (stripe_resource_missing), the message quotes Stripe.",
  },
  stripe_unreachable: {
    statuses: [502],
    type: 'api_error',
    meaning: 'Stripe could not be reached; retry shortly.',
  },
  stripe_unavailable: {
    statuses: [502, 503],
    type: 'api_error',
    meaning: 'Stripe answered with an error of its own, or this server has no Stripe access; retry shortly.',
  },
  stripe_rate_limited: {
    statuses: [503],
    type: 'api_error',
    meaning: "Stripe's rate limit for the account is in use; retry after Retry-After seconds.",
  },
  // This server
  internal_error: {
    statuses: [500],
    type: 'api_error',
    meaning: 'Something failed on the server; quote the request id.',
  },
  database_unavailable: {
    statuses: [503],
    type: 'api_error',
    meaning: 'The database did not answer in time; retry shortly.',
  },
  migrations_pending: {
    statuses: [503],
    type: 'api_error',
    meaning: 'The database is behind the code; run `vouch migrate`.',
  },
  queue_unavailable: {
    statuses: [503],
    type: 'api_error',
    meaning: 'Background jobs are not running in this process.',
  },
  shutting_down: {
    statuses: [503],
    type: 'api_error',
    meaning: 'This server is stopping; retry the request.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
