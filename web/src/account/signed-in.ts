import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { setCsrfToken } from '../api';
import { returnPath, type Session, sessionKey } from './session';

/**
 * After set-up, sign-in or an accepted invitation: the answer is the new session. Whatever was cached for a
 * previous teammate (or for no one) is dropped, and the page asked for before signing in opens.
 */
export function useSignedIn(): (session: Session) => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (session) => {
    setCsrfToken(session.csrf_token);
    client.clear();
    client.setQueryData(sessionKey, session);
    navigate(returnPath(params.get('next')), { replace: true });
  };
}

/**
 * After signing out: a full load of the sign-in page, so nothing of the session (its CSRF token, cached data)
 * stays in memory.
 */
export function signedOut(): void {
  setCsrfToken(null);
  window.location.assign('/dashboard/sign-in');
}
