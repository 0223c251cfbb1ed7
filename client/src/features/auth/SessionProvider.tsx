import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest } from '@phonghop/shared';
import { ApiError, setUnauthorizedHandler } from '../../api/http';
import { clearAnnotationsOnDevice } from '../annotations/outbox';
import { packStore } from '../documents/pack/pack-store';
import { clearOfflineCopies } from '../offline/offline';
import { authApi } from './auth.api';
import { SessionContext, type SessionApi, type SessionState, type SignedOutNotice } from './session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  // Signed out for whatever reason: the meeting pack stored on this tablet goes too.
  const signedOut = useCallback((notice: SignedOutNotice) => {
    void packStore.clearAll();
    setState({ status: 'anonymous', notice });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const session = await authApi.session();
      setState({ status: 'authenticated', session });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setState((prev) => (prev.status === 'authenticated' ? { status: 'anonymous', notice: 'expired' } : { status: 'anonymous' }));
      } else {
        // Server unreachable: keep what we have if signed in, otherwise show the login page.
        setState((prev) => (prev.status === 'loading' ? { status: 'anonymous' } : prev));
      }
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .session(controller.signal)
      .then((session) => setState({ status: 'authenticated', session }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'anonymous' });
        void error;
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signedOut('expired'));
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const login = useCallback(async (request: LoginRequest) => {
    const session = await authApi.login(request);
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      void packStore.clearAll();
      void clearOfflineCopies();
      void clearAnnotationsOnDevice();
      setState({ status: 'anonymous', notice: 'logout' });
    }
  }, []);

  const api = useMemo<SessionApi>(() => ({ state, login, logout, refresh, signedOut }), [state, login, logout, refresh, signedOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
