import type { SyncRow } from '../db/tables.js';
import type { InboundMapping, NameVersion, ReturnMapping } from '../domain/sync-mapping.js';

/** A sync's settings as stored (validated by the API). */
export type SyncConfig = {
  inbound: InboundMapping;
  return: ReturnMapping;
  name_version: NameVersion;
  /** Write the return fields to Stripe (off: bring customers in only). */
  write_back: boolean;
  /** This sync's own pace, below the account's budget; null: the budget alone. */
  requests_per_second: number | null;
};

export const readSyncConfig = (sync: SyncRow) => sync.config as unknown as SyncConfig;
