import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api';
import { ErrorView } from '../ui/error-view';
import { roleAtLeast, SessionContext, sessionQuery } from './session';
import { onUnauthorized } from './unauthorized';

const signInPath = (here: string) => `/sign-in?next=${encodeURIComponent(here)}`;

/**
 * The signed-in part of the dashboard: loads the session first, and sends to sign-in (keeping the page to come
 * back to) when there is none, or when any request later answers 401.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  const location = useLocation();
  const navigate = useNavigate();
  const here = `${location.pathname}${location.search}`;
  const hereRef = useRef(here);
  hereRef.current = here;

  useEffect(() => {
    onUnauthorized(() => navigate(signInPath(hereRef.current), { replace: true }));
    return () => onUnauthorized(null);
  }, [navigate]);

  const user = session.data?.user;
  const value = useMemo(
    () =>
      user
        ? { user, can: (needed: Parameters<typeof roleAtLeast>[1]) => roleAtLeast(user.role, needed) }
        : null,
    [user],
  );

  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      return <Navigate to={signInPath(here)} replace />;
    }
    return (
      <Center mih="100vh" p="md">
        <ErrorView error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!value) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading your session" role="status" />
      </Center>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
