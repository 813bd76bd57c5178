import type { Database } from '../db/database.js';
import { apiKeysRepository } from '../db/repositories/api-keys.js';
import type { ApiKeyRow } from '../db/tables.js';
import { type ApiKeyKind, apiKeyKind, generateApiKey, hashApiKey } from '../domain/api-key-format.js';
import { createId } from '../domain/ids.js';
import type { Actor, KeyRole } from '../domain/roles.js';
import { invalidParameter, notFound, VouchError } from '../errors.js';
import { recordAudit } from './audit-log.js';

export type ApiKey = {
  id: string;
  object: 'api_key';
  name: string;
  kind: ApiKeyKind;
  role: KeyRole;
  /** The last four characters, to tell keys apart without revealing them. */
  last_four: string;
  /** Publishable keys: the only campaigns the key may be used for; null for every campaign. */
  campaign_ids: string[] | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type CreatedApiKey = ApiKey & { secret: string };
export type AuthenticatedKey = {
  id: string;
  name: string;
  kind: ApiKeyKind;
  role: KeyRole;
  campaignIds: string[] | null;
};

const TOUCH_INTERVAL_MS = 60_000;

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    object: 'api_key',
    name: row.name,
    kind: row.kind,
    role: row.role,
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
    async create(
      input: {
        name: string;
        kind: ApiKeyKind;
        role?: KeyRole | undefined;
        campaign_ids?: string[] | undefined;
      },
      actor?: Actor,
    ): Promise<CreatedApiKey> {
      const campaignIds = input.campaign_ids ?? null;
      // A publishable key reaches only the public endpoints, whatever role it would be given.
      if (input.kind === 'publishable' && input.role && input.role !== 'viewer')
        throw invalidParameter('role', 'Only secret keys have a role; leave role out for a publishable key.');
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
      const at = now();
      const row = await database.db.transaction().execute(async (tx) => {
        const inserted = await apiKeysRepository(tx).insert({
          id: createId('key'),
          name: input.name,
          kind: input.kind,
          role: input.kind === 'publishable' ? 'viewer' : (input.role ?? 'admin'),
          secret_hash: hashApiKey(secret),
          last_four: secret.slice(-4),
          campaign_ids: campaignIds ? [...new Set(campaignIds)] : null,
          created_at: at,
        });
        const data = { name: inserted.name, kind: inserted.kind, role: inserted.role };
        await recordAudit(
          tx,
          actor,
          { action: 'api_key.created', objectType: 'api_key', objectId: inserted.id, data },
          at,
        );
        return inserted;
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

    async revoke(id: string, actor?: Actor): Promise<ApiKey> {
      const at = now();
      const row = await database.db.transaction().execute(async (tx) => {
        const revoked = await apiKeysRepository(tx).revoke(id, at);
        if (!revoked) throw notFound('API key', id);
        // Revoking a revoked key changes nothing, and is not recorded again.
        if (revoked.revoked_at?.getTime() === at.getTime()) {
          const data = { name: revoked.name, kind: revoked.kind };
          await recordAudit(
            tx,
            actor,
            { action: 'api_key.revoked', objectType: 'api_key', objectId: id, data },
            at,
          );
        }
        return revoked;
      });
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
      return { id: row.id, name: row.name, kind: row.kind, role: row.role, campaignIds: row.campaign_ids };
    },
  };
}

export type ApiKeysService = ReturnType<typeof apiKeysService>;
