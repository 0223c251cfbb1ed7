import type { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, UserDto } from '@phonghop/shared';
import { http } from '../../api/http';

export const usersApi = {
  list: (signal?: AbortSignal) => http.get<UserDto[]>('/api/users', { signal }),
  create: (body: CreateUserRequest) => http.post<UserDto>('/api/users', body),
  update: (id: string, body: UpdateUserRequest) => http.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, body: ResetPasswordRequest) => http.post(`/api/users/${encodeURIComponent(id)}/reset-password`, body),
};
