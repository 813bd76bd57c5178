import type { TaskKind } from '../db/tables.js';
import type { JobContext } from './job-definition.js';

/**
 * Work a person waits on, one row per subject in `tasks` (see task-runner.ts): short, safe to run twice
 * (idempotency keys, unique links), and taken over within seconds when the process running it dies.
 */
export type TaskDefinition = {
  kind: TaskKind;
  /** Attempts before the task is given up and kept with its error (default 8). */
  maxAttempts?: number;
  handle(subjectId: string, context: JobContext): Promise<void>;
  /** Tells the subject's owner the work was given up (a line on a lead's timeline). */
  onGiveUp?(subjectId: string, error: Error, context: JobContext): Promise<void>;
};
