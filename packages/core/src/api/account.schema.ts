import { z } from 'zod';
import { APP_ROLES } from '../access/access.rules.js';
import { ConfidentialitySchema, IdSchema, TextSchema } from './common.schema.js';
import { GrantSchema } from './person.schema.js';

/**
 * Passwords are checked by the policy (checkPassword) in the service, which knows the username and answers in
 * Vietnamese with every reason; the schema only bounds the size of the request.
 */
const NewPasswordSchema = z
  .string()
  .max(1000)
  .meta({ description: 'Mật khẩu mới: 10–200 ký tự, không phổ biến, không chứa tên đăng nhập' });

export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[a-z0-9._-]+$/, { message: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch' });

export const UserSchema = z
  .object({
    id: IdSchema,
    username: z.string(),
    displayName: z.string(),
    personId: IdSchema.nullable(),
    clearance: z.number().int(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    activeSessions: z.number().int(),
    grants: z.array(GrantSchema.extend({ orgName: z.string() })),
  })
  .meta({ id: 'User' });

export const CreateUserSchema = z.strictObject({
  username: UsernameSchema,
  password: NewPasswordSchema,
  displayName: TextSchema(200),
  personId: IdSchema.nullable().optional(),
  clearance: ConfidentialitySchema.optional(),
  grants: z
    .array(z.strictObject({ role: z.enum(APP_ROLES), orgId: IdSchema }))
    .min(1)
    .max(50),
});

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().max(1000),
  newPassword: NewPasswordSchema,
});
export const ResetPasswordSchema = z.strictObject({ newPassword: NewPasswordSchema });
