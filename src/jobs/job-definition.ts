import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

/** What every job handler receives besides its payload. */
export type JobContext = {
  database: Database;
  logger: Logger;
  now: () => Date;
};

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  handle(data: T, context: JobContext): Promise<void>;
};

/** Keeps the payload type of each definition while letting the registry hold them together. */
export const defineJob = <T extends object>(definition: JobDefinition<T>) =>
  definition as unknown as JobDefinition;
