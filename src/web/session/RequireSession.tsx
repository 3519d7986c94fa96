import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../app/api';
import { LoadingState, ErrorState } from '../app/states';
import { useSession } from './useSession';

export const CHANGE_PASSWORD_PATH = '/byt-losenord';

/** Renders children only with a session; 401 from GET /api/session goes to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.data) {
    // a password set by an administrator is changed before anything else (the server refuses the rest)
    if (session.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
    return <>{children}</>;
  }
  if (session.isPending) return <LoadingState fullPage />;
  if (isApiError(session.error, 401)) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return <ErrorState error={session.error} onRetry={() => void session.refetch()} fullPage />;
}
