import { createContext, useContext } from 'react';
import type { LoginRequest, SessionInfo, SessionRevokedEvent } from '@phonghop/shared';

/** Why the user landed on the login page, shown there as a notice. */
export type SignedOutNotice = SessionRevokedEvent['reason'] | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: SignedOutNotice }
  | { status: 'authenticated'; session: SessionInfo };

export interface SessionApi {
  state: SessionState;
  login: (request: LoginRequest) => Promise<SessionInfo>;
  logout: () => Promise<void>;
  /** Re-reads the session from the server (e.g. after a password change or a socket refusal). */
  refresh: () => Promise<void>;
  /** The server ended this session (socket revocation or a 401): drop it locally and show why. */
  signedOut: (notice: SignedOutNotice) => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}

/** The signed-in user; only call below the authenticated routes. */
export function useCurrentUser() {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser needs an authenticated session');
  return state.session.user;
}
