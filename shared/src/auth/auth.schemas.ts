import { z } from 'zod';

export const SYSTEM_ROLES = ['admin', 'secretary', 'member'] as const;
export const systemRoleSchema = z.enum(SYSTEM_ROLES);
export type SystemRole = z.infer<typeof systemRoleSchema>;

/** Usernames are ASCII so they type the same on every tablet keyboard. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự.')
  .max(64, 'Tên đăng nhập tối đa 64 ký tự.')
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.');

export const passwordSchema = z
  .string()
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự.')
  .max(200, 'Mật khẩu tối đa 200 ký tự.');

export const loginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Vui lòng nhập tên đăng nhập.').max(64),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại.').max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The signed-in user as the client sees it. */
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unit: string;
  role: SystemRole;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  user: SessionUser;
  expiresAt: string;
}
