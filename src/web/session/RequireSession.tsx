import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../app/api';
import { LoadingState, ErrorState } from '../app/states';
import { useSession } from './useSession';

/** Renders children only with a session; 401 from GET /api/session goes to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.data) return <>{children}</>;
  if (session.isPending) return <LoadingState fullPage />;
  if (isApiError(session.error, 401)) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return <ErrorState error={session.error} onRetry={() => void session.refetch()} fullPage />;
}
