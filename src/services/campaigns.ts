import type { Database, Executor } from '../db/database.js';
import { type CampaignListQuery, campaignsRepository } from '../db/repositories/campaigns.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import type { CampaignRow } from '../db/tables.js';
import { auditData } from '../domain/accounts.js';
import type { Campaign, CampaignChanges, CampaignInput } from '../domain/campaign.js';
import { refuseStatusChange } from '../domain/campaign-rules.js';
import {
  type CodeRules,
  DEFAULT_BRANDING,
  DEFAULT_CODE_SETTINGS,
  DEFAULT_CUSTOMER_RULES,
  readSettings,
} from '../domain/campaign-settings.js';
import { checkCodeRules } from '../domain/code-rules.js';
import { createId } from '../domain/ids.js';
import type { Actor } from '../domain/roles.js';
import { patchSettings, SETTINGS_FIELDS, settingsFromInput } from '../domain/settings-patch.js';
import { conflict, invalidParameter, notFound, VouchError } from '../errors.js';
import { recordAudit } from './audit-log.js';

export type { Campaign, CampaignChanges, CampaignInput } from '../domain/campaign.js';

export function toCampaign(row: CampaignRow, publicUrl: string): Campaign {
  const settings = readSettings(row.settings);
  const codes = settings.codes ?? DEFAULT_CODE_SETTINGS;
  return {
    id: row.id,
    object: 'campaign',
    name: row.name,
    status: row.status,
    destination_url: row.destination_url,
    participant_limit: row.participant_limit,
    participant_limit_counts: row.participant_limit_counts,
    participants_count: row.participant_count,
    allowed_origins: row.allowed_origins,
    cookie_days: row.cookie_days,
    auto_referral_codes: row.auto_referral_codes,
    connection_id: row.connection_id,
    qualification: settings.qualification ?? null,
    customers: settings.customers ?? DEFAULT_CUSTOMER_RULES,
    code_rules: codes.rules,
    auto_promotion_codes: codes.auto_promotion_codes,
    rewards: settings.rewards ?? null,
    branding: settings.branding ?? DEFAULT_BRANDING,
    join_url: `${publicUrl}/join/${row.id}`,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    archived_at: row.archived_at?.toISOString() ?? null,
  };
}

function checkRules(rules: CodeRules, at: Date): void {
  const problem = checkCodeRules(rules, at);
  if (problem) throw invalidParameter(problem.param, `${problem.param} ${problem.message}.`);
}

/** Origins compare as the browser sends them: scheme, host and port, no path or trailing slash. */
export const normalizeOrigin = (origin: string) => new URL(origin).origin;

export function campaignsService(database: Database, publicUrl: string, now: () => Date = () => new Date()) {
  const repo = campaignsRepository(database.db);
  const present = (row: CampaignRow) => toCampaign(row, publicUrl);

  async function checkConnection(
    id: string | null | undefined,
    db: Executor = database.db,
  ): Promise<string | null> {
    if (!id) return null;
    const row = await db
      .selectFrom('connections')
      .select(['id', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Stripe connection', id, 'connection_id');
    if (row.status !== 'active')
      throw conflict(
        'connection_disconnected',
        `The Stripe connection ${id} is disconnected.`,
        'connection_id',
      );
    return row.id;
  }

  async function load(id: string): Promise<CampaignRow> {
    const row = await repo.findById(id);
    if (!row) throw notFound('campaign', id);
    return row;
  }

  return {
    load,

    async create(input: CampaignInput, actor?: Actor): Promise<Campaign> {
      const at = now();
      if (input.code_rules) checkRules(input.code_rules, at);
      const connectionId = await checkConnection(input.connection_id);
      const row = await database.db.transaction().execute(async (tx) => {
        const inserted = await campaignsRepository(tx).insert({
          id: createId('cmp'),
          name: input.name,
          status: input.status ?? 'draft',
          destination_url: input.destination_url ?? null,
          participant_limit: input.participant_limit ?? null,
          participant_limit_counts: input.participant_limit_counts ?? 'verified',
          allowed_origins: (input.allowed_origins ?? []).map(normalizeOrigin),
          cookie_days: input.cookie_days ?? 30,
          auto_referral_codes: input.auto_referral_codes ?? false,
          connection_id: connectionId,
          settings: JSON.stringify(settingsFromInput(input)),
          created_at: at,
          updated_at: at,
        });
        const data = auditData({ ...input });
        await recordAudit(
          tx,
          actor,
          { action: 'campaign.created', objectType: 'campaign', objectId: inserted.id, data },
          at,
        );
        return inserted;
      });
      return present(row);
    },

    async retrieve(id: string): Promise<Campaign> {
      return present(await load(id));
    },

    async list(query: CampaignListQuery) {
      const rows = await repo.list(query);
      return { data: rows.slice(0, query.limit).map(present), hasMore: rows.length > query.limit };
    },

    async update(id: string, changes: CampaignChanges, actor?: Actor): Promise<Campaign> {
      return database.db.transaction().execute(async (tx) => {
        const txRepo = campaignsRepository(tx);
        const current = await txRepo.lock(id);
        if (!current) throw notFound('campaign', id);
        if (current.status === 'archived')
          throw conflict('campaign_archived', 'An archived campaign cannot be changed.');
        if (changes.status) {
          const refusal = refuseStatusChange(current.status, changes.status);
          if (refusal) throw conflict(refusal.code, refusal.message, 'status');
        }
        if (changes.participant_limit != null && changes.participant_limit < current.participant_count) {
          throw conflict(
            'participant_limit_below_count',
            `The campaign already has ${current.participant_count} participants; the limit cannot be lower.`,
            'participant_limit',
          );
        }
        const {
          allowed_origins,
          connection_id,
          qualification,
          customers,
          code_rules,
          auto_promotion_codes,
          rewards,
          branding,
          ...columns
        } = changes;
        let settings: string | undefined;
        if (SETTINGS_FIELDS.some((f) => changes[f] !== undefined)) {
          const patched = patchSettings(readSettings(current.settings), {
            qualification,
            customers,
            code_rules,
            auto_promotion_codes,
            rewards,
            branding,
          });
          if ('problem' in patched) {
            const { code, message, param } = patched.problem;
            throw new VouchError(400, 'invalid_request_error', code, message, param);
          }
          // A stored expiry that has passed since is not this change's fault: only a new one is checked.
          if (code_rules?.expires_at) checkRules(patched.settings.codes!.rules, now());
          settings = JSON.stringify(patched.settings);
        }
        const row = await txRepo.update(id, {
          ...(Object.fromEntries(
            Object.entries(columns).filter(([, v]) => v !== undefined),
          ) as typeof columns),
          ...(allowed_origins !== undefined ? { allowed_origins: allowed_origins.map(normalizeOrigin) } : {}),
          ...(connection_id !== undefined ? { connection_id: await checkConnection(connection_id, tx) } : {}),
          ...(settings !== undefined ? { settings } : {}),
          updated_at: now(),
        });
        const data = auditData({ ...changes });
        await recordAudit(
          tx,
          actor,
          { action: 'campaign.updated', objectType: 'campaign', objectId: id, data },
          now(),
        );
        return present(row!);
      });
    },

    /** Archiving is final: the campaign keeps its data, takes no one new and records nothing. */
    async archive(id: string, actor?: Actor): Promise<Campaign> {
      const current = await load(id);
      if (current.status === 'archived') return present(current);
      const at = now();
      const row = await database.db.transaction().execute(async (tx) => {
        // Its referrers' promotion codes are switched off in Stripe by the promotion code runner.
        await promotionCodesRepository(tx).deactivate({ campaignId: id }, at);
        await recordAudit(
          tx,
          actor,
          { action: 'campaign.archived', objectType: 'campaign', objectId: id },
          at,
        );
        return campaignsRepository(tx).update(id, { status: 'archived', archived_at: at, updated_at: at });
      });
      return present(row!);
    },
  };
}

export type CampaignsService = ReturnType<typeof campaignsService>;
