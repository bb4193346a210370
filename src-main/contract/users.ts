/** Signing in (auth.*) and the agency's user accounts (users.*): who may call what is in access.ts. */
import { z } from 'zod'
import { PrincipalSchema } from '../core/roles'
import {
  DemoAccountSchema,
  DirectoryEntrySchema,
  IdleMinutesSchema,
  RolesSchema,
  UserSchema,
  loginField,
  passwordField,
  userNameField
} from '../core/users'
import { idInput, type ChannelMap } from './shared'

const officerLink = z.number().int().positive().nullable()

export const usersChannels = {
  'auth.status': {
    input: z.object({}),
    output: z.object({
      /** the home has no users yet: the first admin must be created (users.bootstrap) */
      setupRequired: z.boolean(),
      principal: PrincipalSchema.nullable(),
      /** idle sessions end after this many minutes and the UI locks its screen */
      idleMinutes: z.number().int(),
      /** the channels the caller's roles may call (per-case rules still apply): the UI offers only these */
      may: z.array(z.string()),
      /** on a home where the demo was loaded: its accounts and their one password, for the sign-in screen */
      demo: z.object({ password: z.string(), accounts: z.array(DemoAccountSchema) }).nullable()
    })
  },
  'auth.signIn': {
    input: z.object({ login: z.string().trim().min(1, { message: '请输入登录名' }).max(64), password: passwordField }),
    output: PrincipalSchema
  },
  /** ends the door's session (the harness cookie, the window's sign-in); the entry names who signed out */
  'auth.signOut': { input: z.object({ reason: z.enum(['user', 'idle', 'lock']).default('user') }), output: z.object({}) },
  'auth.setIdleMinutes': { input: z.object({ minutes: IdleMinutesSchema }), output: z.object({ idleMinutes: z.number().int() }) },
  'auth.changePassword': {
    input: z.object({ current: passwordField, next: passwordField }),
    output: UserSchema
  },
  'users.bootstrap': {
    input: z.object({ login: loginField, name: userNameField, password: passwordField, officerId: officerLink.default(null) }),
    output: UserSchema
  },
  'users.list': { input: z.object({}), output: z.array(UserSchema) },
  'users.add': {
    input: z.object({
      login: loginField,
      name: userNameField,
      roles: RolesSchema,
      officerId: officerLink.default(null),
      password: passwordField
    }),
    output: UserSchema
  },
  'users.edit': {
    input: idInput.extend({
      patch: z.object({
        name: userNameField.optional(),
        roles: RolesSchema.optional(),
        officerId: officerLink.optional(),
        active: z.boolean().optional()
      })
    }),
    output: UserSchema
  },
  'users.resetPassword': { input: idInput.extend({ password: passwordField }), output: UserSchema },
  /** the active users, for the pickers of everyone signed in (attendees, chairs): no secrets, no lock state */
  'users.directory': { input: z.object({}), output: z.array(DirectoryEntrySchema) }
} as const satisfies ChannelMap
