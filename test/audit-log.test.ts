import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createId } from '../src/domain/ids.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { type Browser, PASSWORD, setCookie, signIn } from './helpers/teammates.js';
import { bearer } from './helpers/test-app.js';

let env: StripeEnv;
let owner: Browser;
beforeAll(async () => {
  env = await startStripeEnv();
  const setup = await env.app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: { email: 'owner@example.com', name: 'Olga', password: PASSWORD },
  });
  expect(setup.statusCode, setup.body).toBe(200);
  owner = await signIn(env.app, 'owner@example.com');
  expect(setCookie(setup.headers)).toBeDefined();
});
afterAll(async () => env.close());

type Entry = {
  id: string;
  actor: { kind: string; id: string; label: string };
  action: string;
  object_type: string;
  object_id: string;
  data: Record<string, unknown>;
};
type Who = { headers(write: boolean): Record<string, string> };
const key = (secret: string): Who => ({ headers: () => bearer(secret) });

async function call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await env.app.inject({
    method,
    url,
    headers: who.headers(method !== 'GET'),
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function entries(query = ''): Promise<Entry[]> {
  const all: Entry[] = [];
  let after = '';
  for (;;) {
    const page = await call(owner, 'GET', `/v1/audit_log?limit=7${query}${after}`);
    all.push(...page.data);
    if (!page.has_more) return all;
    after = `&starting_after=${page.data.at(-1).id}`;
  }
}

/** Every secret the test hands Vouch or is handed: none may be in the audit log. */
const secrets: string[] = [PASSWORD];

describe('the audit log', () => {
  it('records who changed what, across teammates, keys, campaigns, Stripe, webhooks and rewards', async () => {
    // Teammates: an invitation accepted, a role changed.
    const invite = await call(owner, 'POST', '/v1/invites', { email: 'ed@example.com', role: 'editor' });
    const token = new URL(invite.url).searchParams.get('token')!;
    secrets.push(token);
    const accepted = await env.app.inject({
      method: 'POST',
      url: '/v1/invites/accept',
      payload: { token, name: 'Ed', password: `${PASSWORD} too` },
    });
    secrets.push(`${PASSWORD} too`);
    const editor = await signIn(env.app, 'ed@example.com', `${PASSWORD} too`);
    const editorId = accepted.json().user.id as string;

    // Keys: one made by the owner, revoked with the bootstrap admin key.
    const made = await call(owner, 'POST', '/v1/api_keys', { name: 'ci', role: 'editor' });
    secrets.push(made.secret);
    await call(key(env.secretKey), 'POST', `/v1/api_keys/${made.id}/revoke`);

    // Campaigns, by the editor.
    const campaign = await call(editor, 'POST', '/v1/campaigns', { name: 'Spring', status: 'live' });
    await call(editor, 'POST', `/v1/campaigns/${campaign.id}`, {
      name: 'Spring 2',
      qualification: { method: 'spend', target_amount: 5000, window_days: 30 },
    });

    // Stripe: connected, disconnected, connected again (the same connection comes back).
    const stripeKey = 'sk_test_audit_connection_key_1234';
    secrets.push(stripeKey);
    const connection = await call(key(env.secretKey), 'POST', '/v1/stripe/connections', {
      api_key: stripeKey,
    });
    await call(key(env.secretKey), 'POST', `/v1/stripe/connections/${connection.id}/disconnect`);
    await call(owner, 'POST', '/v1/stripe/connections', { api_key: stripeKey });

    // Webhook endpoints: every change, and two secrets that must not be kept.
    const endpoint = await call(owner, 'POST', '/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/vouch',
      event_types: ['lead.created'],
    });
    secrets.push(endpoint.secret);
    await call(owner, 'POST', `/v1/webhook_endpoints/${endpoint.id}`, { status: 'disabled' });
    const rotated = await call(owner, 'POST', `/v1/webhook_endpoints/${endpoint.id}/rotate_secret`, {});
    secrets.push(rotated.secret);
    await call(owner, 'DELETE', `/v1/webhook_endpoints/${endpoint.id}`);

    // Rewards, moved by the editor (made here as the reward rules would have made them).
    const referrer = await call(key(env.secretKey), 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: 'ref@example.com',
      first_name: 'Ref',
    });
    const lead = await call(key(env.secretKey), 'POST', `/v1/campaigns/${campaign.id}/leads`, {
      email: 'friend@example.com',
      referrer: referrer.id,
    });
    const later = new Date(Date.now() + 30 * 24 * 60 * 60_000);
    const reward = (recipient: 'referrer' | 'friend', status: 'pending_approval' | 'failed') => ({
      id: createId('rwd'),
      campaign_id: campaign.id,
      lead_id: lead.id,
      referrer_id: referrer.id,
      recipient,
      connection_id: connection.id,
      kind: 'balance_credit' as const,
      amount: 500,
      currency: 'usd',
      status,
      issue_after: later,
    });
    const [toApprove, toRetry] = [reward('referrer', 'pending_approval'), reward('friend', 'failed')];
    await env.db.database.db.insertInto('rewards').values([toApprove, toRetry]).execute();
    await call(editor, 'POST', `/v1/rewards/${toApprove.id}/approve`);
    await call(editor, 'POST', `/v1/rewards/${toApprove.id}/cancel`);
    await call(editor, 'POST', `/v1/rewards/${toRetry.id}/retry`);
    await call(editor, 'POST', `/v1/campaigns/${campaign.id}/archive`);

    // The teammate's role changes, then they leave.
    await call(owner, 'PATCH', `/v1/users/${editorId}`, { role: 'viewer' });
    await call(owner, 'DELETE', `/v1/users/${editorId}`);

    const log = await entries();
    const actions = log.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'teammate.owner_set_up',
      'teammate.invited',
      'teammate.invite_accepted',
      'api_key.created',
      'api_key.revoked',
      'campaign.created',
      'campaign.updated',
      'stripe_connection.connected',
      'stripe_connection.disconnected',
      'stripe_connection.reconnected',
      'webhook_endpoint.created',
      'webhook_endpoint.updated',
      'webhook_endpoint.secret_rotated',
      'webhook_endpoint.deleted',
      'reward.approved',
      'reward.cancelled',
      'reward.retried',
      'campaign.archived',
      'teammate.role_changed',
      'teammate.removed',
    ]);
    const by = (action: string) => log.find((e) => e.action === action)!;
    const ownerActor = { kind: 'user', id: owner.user.id, label: 'owner@example.com' };
    const editorActor = { kind: 'user', id: editorId, label: 'ed@example.com' };
    const adminKeyId = (await call(key(env.secretKey), 'GET', '/v1/api_keys?limit=100')).data.find(
      (k: { name: string }) => k.name === 'test secret',
    ).id;
    const keyActor = { kind: 'api_key', id: adminKeyId, label: 'test secret' };

    expect(by('teammate.owner_set_up')).toMatchObject({ actor: ownerActor, object_type: 'user' });
    expect(by('teammate.invite_accepted')).toMatchObject({ actor: editorActor, object_id: invite.id });
    expect(by('api_key.created')).toMatchObject({
      actor: ownerActor,
      object_id: made.id,
      data: { name: 'ci', kind: 'secret', role: 'editor' },
    });
    expect(by('api_key.revoked')).toMatchObject({ actor: keyActor, object_id: made.id });
    expect(by('campaign.updated')).toMatchObject({
      actor: editorActor,
      object_type: 'campaign',
      object_id: campaign.id,
      data: { name: 'Spring 2' },
    });
    expect(JSON.parse(by('campaign.updated').data.qualification as string)).toMatchObject({
      target_amount: 5000,
    });
    expect(by('stripe_connection.connected')).toMatchObject({
      actor: keyActor,
      object_id: connection.id,
      data: { key_last4: '1234', mode: 'test' },
    });
    expect(by('stripe_connection.reconnected')).toMatchObject({
      actor: ownerActor,
      object_id: connection.id,
    });
    expect(by('webhook_endpoint.updated').data).toEqual({ status: 'disabled' });
    expect(by('reward.approved')).toMatchObject({
      actor: editorActor,
      object_id: toApprove.id,
      data: { from: 'pending_approval', to: 'held' },
    });
    expect(by('teammate.role_changed')).toMatchObject({
      actor: ownerActor,
      object_id: editorId,
      data: { email: 'ed@example.com', from: 'editor', to: 'viewer' },
    });
    // The removed teammate's entries stay, with who they were.
    expect(by('campaign.created').actor).toEqual(editorActor);

    const stored = JSON.stringify(await env.db.database.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).not.toContain('whsec_');
  });

  it('filters by actor and by object', async () => {
    const all = await entries();
    const editorId = all.find((e) => e.action === 'teammate.invite_accepted')!.actor.id;
    const byEditor = await entries(`&actor_id=${editorId}`);
    expect(byEditor.length).toBeGreaterThan(3);
    expect(byEditor.every((e) => e.actor.id === editorId)).toBe(true);
    const campaignId = all.find((e) => e.action === 'campaign.created')!.object_id;
    const campaign = await entries(`&object_type=campaign&object_id=${campaignId}`);
    expect(campaign.map((e) => e.action)).toEqual([
      'campaign.archived',
      'campaign.updated',
      'campaign.created',
    ]);
    const keys = await entries('&object_type=api_key');
    expect(keys.map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
  });
});
