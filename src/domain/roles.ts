import { z } from 'zod';

/** Who may do what, lowest first; each role may do everything the ones before it may. */
export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;

export const roleSchema = z
  .enum(ROLES)
  .describe(
    'viewer: reads (all but the audit log and invites); editor: also campaigns, referrers, leads, codes, ' +
      'syncs and rewards; admin: also API keys, Stripe connections, webhook endpoints and the audit log; ' +
      'owner: also teammates and invites',
  );
export type Role = z.infer<typeof roleSchema>;

/** API keys act for a system, not a person: at most admin, so teammates are only ever managed by people. */
export const keyRoleSchema = z
  .enum(['viewer', 'editor', 'admin'])
  .describe('What the key may do, as a teammate of that role would (publishable keys: viewer, unused)');
export type KeyRole = z.infer<typeof keyRoleSchema>;

export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const actorKindSchema = z.enum(['user', 'api_key', 'cli']);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** Who did something: a signed-in teammate, an API key, or an operator at the command line. */
export type Actor = {
  kind: ActorKind;
  id: string;
  /** What a person reads in the audit log: the teammate's email, the key's name, the operator's login. */
  label: string;
};
