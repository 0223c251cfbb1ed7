import type { ChangePasswordRequest, LoginRequest, SessionInfo } from '@phonghop/shared';
import { http } from '../../api/http';

export const authApi = {
  session: (signal?: AbortSignal) => http.get<SessionInfo>('/api/auth/session', { signal }),
  login: (body: LoginRequest) => http.post<SessionInfo>('/api/auth/login', body),
  logout: () => http.post('/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) => http.post('/api/auth/change-password', body),
};
