import type { Database } from '../db/database.js';
import { apiKeysRepository } from '../db/repositories/api-keys.js';
import type { ApiKeyRow } from '../db/tables.js';
import { type ApiKeyKind, apiKeyKind, generateApiKey, hashApiKey } from '../domain/api-key-format.js';
import { createId } from '../domain/ids.js';
import { invalidParameter, notFound, VouchError } from '../errors.js';

export type ApiKey = {
  id: string;
  object: 'api_key';
  name: string;
  kind: ApiKeyKind;
  /** The last four characters, to tell keys apart without revealing them. */
  last_four: string;
  /** Publishable keys: the only campaigns the key may be used for; null for every campaign. */
  campaign_ids: string[] | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type CreatedApiKey = ApiKey & { secret: string };
export type AuthenticatedKey = { id: string; kind: ApiKeyKind; campaignIds: string[] | null };

const TOUCH_INTERVAL_MS = 60_000;

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    object: 'api_key',
    name: row.name,
    kind: row.kind,
    last_four: row.last_four,
    campaign_ids: row.campaign_ids,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

const unauthenticated = (code: string, message: string) =>
  new VouchError(401, 'authentication_error', code, message);

/** Creating, listing, revoking and checking API keys. The key itself is returned once, at creation. */
export function apiKeysService(database: Database, now: () => Date = () => new Date()) {
  const repo = apiKeysRepository(database.db);
  const lastTouched = new Map<string, number>();

  return {
    async create(input: {
      name: string;
      kind: ApiKeyKind;
      campaign_ids?: string[] | undefined;
    }): Promise<CreatedApiKey> {
      const campaignIds = input.campaign_ids ?? null;
      if (campaignIds) {
        if (input.kind !== 'publishable')
          throw invalidParameter('campaign_ids', 'Only publishable keys can be limited to campaigns.');
        if (campaignIds.length === 0)
          throw invalidParameter('campaign_ids', 'Name at least one campaign, or leave campaign_ids out.');
        const known = await database.db
          .selectFrom('campaigns')
          .select('id')
          .where('id', 'in', campaignIds)
          .execute();
        const missing = campaignIds.find((id) => !known.some((c) => c.id === id));
        if (missing) throw invalidParameter('campaign_ids', `No such campaign: '${missing}'`);
      }
      const secret = generateApiKey(input.kind);
      const row = await repo.insert({
        id: createId('key'),
        name: input.name,
        kind: input.kind,
        secret_hash: hashApiKey(secret),
        last_four: secret.slice(-4),
        campaign_ids: campaignIds ? [...new Set(campaignIds)] : null,
        created_at: now(),
      });
      return { ...toApiKey(row), secret };
    },

    /** Makes sure a given secret key exists (automated deploys); never revives a revoked one. */
    async ensure(secret: string, name = 'bootstrap'): Promise<'created' | 'exists'> {
      const kind = apiKeyKind(secret);
      if (kind !== 'secret') throw new Error('The bootstrap key must be a secret key (vch_sk_...)');
      const inserted = await repo.insertIfAbsent({
        id: createId('key'),
        name,
        kind,
        secret_hash: hashApiKey(secret),
        last_four: secret.slice(-4),
        created_at: now(),
      });
      return inserted ? 'created' : 'exists';
    },

    async list(query: { limit: number; startingAfter?: string; includeRevoked?: boolean }) {
      const rows = await repo.list({ ...query, includeRevoked: query.includeRevoked ?? false });
      return { data: rows.slice(0, query.limit).map(toApiKey), hasMore: rows.length > query.limit };
    },

    async retrieve(id: string): Promise<ApiKey> {
      const row = await repo.findById(id);
      if (!row) throw notFound('API key', id);
      return toApiKey(row);
    },

    async revoke(id: string): Promise<ApiKey> {
      const row = await repo.revoke(id, now());
      if (!row) throw notFound('API key', id);
      return toApiKey(row);
    },

    /** Checks an `Authorization` header value; throws 401 errors that say what to fix. */
    async authenticate(header: string | undefined): Promise<AuthenticatedKey> {
      if (!header) {
        throw unauthenticated(
          'api_key_missing',
          'No API key provided. Send it as "Authorization: Bearer vch_sk_..." (create one with `vouch keys create`).',
        );
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) {
        throw unauthenticated('api_key_invalid', 'The Authorization header must be "Bearer <api key>".');
      }
      const key = match[1]!;
      if (!apiKeyKind(key)) {
        throw unauthenticated(
          'api_key_invalid',
          'Invalid API key provided: Vouch keys start with vch_sk_ or vch_pk_.',
        );
      }
      const row = await repo.findActiveByHash(hashApiKey(key));
      if (!row) {
        throw unauthenticated(
          'api_key_invalid',
          `Invalid API key provided: ...${key.slice(-4)} (unknown or revoked).`,
        );
      }
      const at = now();
      const previous = lastTouched.get(row.id) ?? row.last_used_at?.getTime() ?? 0;
      if (at.getTime() - previous >= TOUCH_INTERVAL_MS) {
        lastTouched.set(row.id, at.getTime());
        await repo.touch(row.id, at);
      }
      return { id: row.id, kind: row.kind, campaignIds: row.campaign_ids };
    },
  };
}

export type ApiKeysService = ReturnType<typeof apiKeysService>;
