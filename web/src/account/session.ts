import { createContext, useContext } from 'react';
import { api, type Success, setCsrfToken, unwrap } from '../api';

export type Session = Success<'/v1/session', 'get'>;
export type User = Session['user'];
export type Role = User['role'];

/**
 * The roles, lowest first, as the API declares them: each may do what the ones before it may. Listed here so
 * the page can leave out what a role may not do; the server still decides, and refuses it (403) if asked.
 */
const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const satisfies readonly Role[];
// Fails the typecheck when the API gains a role this list does not know.
const everyRole: readonly (typeof ROLES)[number][] = [] as Role[];
void everyRole;

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'viewer', label: 'Viewer: reads everything but the audit log' },
  { value: 'editor', label: 'Editor: also campaigns, referrers, leads, codes and rewards' },
  { value: 'admin', label: 'Admin: also API keys, Stripe, webhooks and the audit log' },
  { value: 'owner', label: 'Owner: also teammates and invitations' },
];

export const sessionKey = ['session'] as const;

/**
 * The signed-in teammate. Loading it also hands its CSRF token to the API client, in memory only: the cookie
 * authenticates, the token proves a write comes from this page.
 */
export const sessionQuery = {
  queryKey: sessionKey,
  queryFn: async (): Promise<Session> => {
    const session = await unwrap(api.GET('/v1/session'));
    setCsrfToken(session.csrf_token);
    return session;
  },
};

export type SessionValue = {
  user: User;
  /** Whether the signed-in teammate's role is `needed` or above. */
  can(needed: Role): boolean;
};

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in teammate; only inside the pages that need one (RequireSession). */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession');
  return session;
}

/** Where to go after signing in: a path of the dashboard only, never another site (`//evil.example`). */
export function returnPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
