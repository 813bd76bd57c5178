import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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
  maintenance_runs: MaintenanceRunsTable;
  schema_migrations: SchemaMigrationsTable;
};

export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
