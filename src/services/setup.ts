import { hashPassword } from '../crypto/passwords.js';
import { newToken, tokenDigest } from '../crypto/tokens.js';
import type { Database } from '../db/database.js';
import { setupTokensRepository } from '../db/repositories/setup-tokens.js';
import { usersRepository } from '../db/repositories/users.js';
import { conflict, VouchError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import type { SharedRateLimiter } from './rate-limits.js';
import { WRONG_LINK_TOKENS } from './rate-limits.js';
import type { SessionsService, StartedSession } from './sessions.js';
import { insertUser, userActor } from './users.js';

/** A set-up link works for a day; a Vouch left waiting longer makes a new one at its next start. */
const SETUP_TOKEN_TTL_MS = 24 * 60 * 60_000;

const alreadySetUp = () =>
  conflict(
    'setup_done',
    'Vouch has an owner already: sign in (POST /v1/sessions) or ask an owner for an invite.',
  );

/**
 * At start-up: a one-time set-up token while no one exists to sign in (only its digest is kept), or
 * undefined once someone does. Each process makes its own; the first owner's creation voids them all.
 */
export async function issueSetupToken(database: Database, at = new Date()): Promise<string | undefined> {
  if (await usersRepository(database.db).any()) return undefined;
  const token = newToken();
  const expiresAt = new Date(at.getTime() + SETUP_TOKEN_TTL_MS);
  await setupTokensRepository(database.db).insert(tokenDigest(token), at, expiresAt);
  return token;
}

/**
 * The first owner. While no one can sign in, anyone who reaches the set-up endpoint could claim Vouch, so it
 * takes either a request from the server itself (loopback) or the one-time link Vouch logs at start-up.
 */
export function setupService(deps: {
  database: Database;
  sessions: SessionsService;
  limiter: SharedRateLimiter;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;

  return {
    /** True until the first teammate exists. */
    async needed(): Promise<boolean> {
      return !(await usersRepository(db).any());
    },

    /** Creates the first owner and signs them in. */
    async complete(
      input: { email: string; name: string; password: string; token?: string | undefined },
      client: { ip: string; loopback: boolean },
    ): Promise<StartedSession> {
      if (await usersRepository(db).any()) throw alreadySetUp();
      if (!client.loopback) {
        deps.limiter.check(WRONG_LINK_TOKENS, client.ip);
        if (!input.token)
          throw new VouchError(
            403,
            'permission_error',
            'setup_token_required',
            'Creating the first owner from another machine takes the set-up link Vouch logged when it started ' +
              '(/dashboard/setup?token=...); or open the set-up page on the server itself.',
            'token',
          );
        if (!(await setupTokensRepository(db).valid(tokenDigest(input.token), now()))) {
          await deps.limiter.hit(WRONG_LINK_TOKENS, client.ip);
          throw new VouchError(
            403,
            'permission_error',
            'setup_token_invalid',
            'This set-up link is not valid or has expired (it lasts a day); restart Vouch for a new one, in its log.',
            'token',
          );
        }
      }
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction().execute(async (tx) => {
        // Two set-ups at once: the second waits here, then finds the first's owner.
        await usersRepository(tx).lockAgainstInserts();
        if (await usersRepository(tx).any()) throw alreadySetUp();
        const at = now();
        const row = await insertUser(tx, { ...input, role: 'owner', passwordHash }, at);
        await setupTokensRepository(tx).deleteAll();
        await recordAudit(
          tx,
          userActor(row),
          {
            action: 'teammate.owner_set_up',
            objectType: 'user',
            objectId: row.id,
            data: { email: row.email },
          },
          at,
        );
        return row;
      });
      return deps.sessions.start({ id: user.id, email: user.email, name: user.name, role: user.role });
    },
  };
}

export type SetupService = ReturnType<typeof setupService>;
