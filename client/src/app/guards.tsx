import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/session-context';
import { PackSyncProvider } from '../features/documents/pack/PackSyncProvider';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { FullPageSpinner } from '../ui/Spinner';

export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';

/** Signed-in area: waits for the session check, sends strangers to /login, forces a pending password change. */
export function RequireAuth() {
  const { state } = useSession();
  const { t } = useTranslation();
  const location = useLocation();

  if (state.status === 'loading') return <FullPageSpinner label={t('app.loading')} />;
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (state.session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <RealtimeProvider>
      <PackSyncProvider>
        <Outlet />
      </PackSyncProvider>
    </RealtimeProvider>
  );
}

export function RequireAdmin() {
  const { state } = useSession();
  if (state.status !== 'authenticated' || state.session.user.role !== 'admin') return <Navigate to="/" replace />;
  return <Outlet />;
}

/** The preparation pages: system secretaries only (the server enforces it too). */
export function RequireSecretary() {
  const { state } = useSession();
  if (state.status !== 'authenticated' || state.session.user.role !== 'secretary') return <Navigate to="/" replace />;
  return <Outlet />;
}
