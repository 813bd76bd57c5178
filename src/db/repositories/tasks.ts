import { sql } from 'kysely';
import { createId } from '../../domain/ids.js';
import type { Executor } from '../database.js';
import type { TaskKind, TaskRow } from '../tables.js';

export function tasksRepository(db: Executor) {
  return {
    /**
     * Asks for a task, in the caller's transaction: it exists only if that commits. Asking again for a task
     * already there makes it due now and starts its attempts afresh; a run in progress then leaves it for
     * another run instead of deleting it (the generation moved on).
     */
    async enqueue(kind: TaskKind, subjectId: string, at: Date): Promise<void> {
      await db
        .insertInto('tasks')
        .values({
          id: createId('tsk'),
          kind,
          subject_id: subjectId,
          available_at: at,
          created_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['kind', 'subject_id']).doUpdateSet({
            generation: sql<number>`tasks.generation + 1`,
            available_at: sql<Date>`excluded.available_at`,
            attempts: 0,
            last_error: null,
            failed_at: null,
          }),
        )
        .execute();
    },

    /**
     * Takes up to `limit` tasks due now that nobody holds, and holds them until `lockedUntil`. One statement:
     * two processes never take the same task, and a task whose holder died is taken once its lease ends.
     */
    async claimDue(now: Date, lockedUntil: Date, limit: number): Promise<TaskRow[]> {
      const due = db
        .selectFrom('tasks')
        .select('id')
        .where('failed_at', 'is', null)
        .where('available_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .orderBy('available_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return db
        .updateTable('tasks')
        .set({ locked_until: lockedUntil })
        .where('id', 'in', due)
        .returningAll()
        .execute();
    },

    /** Extends the leases of tasks still running here (the heartbeat). */
    async renew(ids: string[], lockedUntil: Date): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('tasks').set({ locked_until: lockedUntil }).where('id', 'in', ids).execute();
    },

    /** A run succeeded: the task is gone, unless it was asked for again meanwhile (then it is released). */
    async complete(task: Pick<TaskRow, 'id' | 'generation'>): Promise<void> {
      const deleted = await db
        .deleteFrom('tasks')
        .where('id', '=', task.id)
        .where('generation', '=', task.generation)
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n)
        await db.updateTable('tasks').set({ locked_until: null }).where('id', '=', task.id).execute();
    },

    /** A run failed: tried again at `retryAt`, or (null) given up and kept with its error. */
    async fail(task: Pick<TaskRow, 'id'>, error: string, retryAt: Date | null, now: Date): Promise<void> {
      await db
        .updateTable('tasks')
        .set({
          attempts: sql<number>`attempts + 1`,
          last_error: error.slice(0, 1000),
          locked_until: null,
          ...(retryAt ? { available_at: retryAt } : { failed_at: now }),
        })
        .where('id', '=', task.id)
        .execute();
    },

    async find(kind: TaskKind, subjectId: string): Promise<TaskRow | undefined> {
      return db
        .selectFrom('tasks')
        .selectAll()
        .where('kind', '=', kind)
        .where('subject_id', '=', subjectId)
        .executeTakeFirst();
    },
  };
}
