import { z } from 'zod';
import { passwordSchema, systemRoleSchema, usernameSchema } from '../auth/auth.schemas.js';

const personName = z.string().trim().min(2, 'Vui lòng nhập họ và tên.').max(120, 'Họ và tên tối đa 120 ký tự.');
const shortText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`);

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  fullName: personName,
  position: shortText(120).default(''),
  unit: shortText(160).default(''),
  role: systemRoleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  fullName: personName.optional(),
  position: shortText(120).optional(),
  unit: shortText(160).optional(),
  role: systemRoleSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ newPassword: passwordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export interface UserDto {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unit: string;
  role: z.infer<typeof systemRoleSchema>;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface DirectoryEntryDto {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unit: string;
  role: z.infer<typeof systemRoleSchema>;
}
