import { z } from 'zod';
import { isoTime } from './api-shapes.js';
import { actorKindSchema, roleSchema } from './roles.js';

/** Teammates (the people who sign in to the dashboard), their sessions, invites and the audit log. */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Length is the only rule: long passphrases beat composition rules, and the limit keeps hashing bounded. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .describe(`At least ${PASSWORD_MIN_LENGTH} characters`);

/** Why a password cannot be used, in words; undefined when it can. */
export function passwordProblem(password: string): string | undefined {
  const result = passwordSchema.safeParse(password);
  return result.success ? undefined : `The password ${result.error.issues[0]!.message}.`;
}

export const personNameSchema = z.string().trim().min(1, 'must not be empty').max(100);

export const userSchema = z.object({
  id: z.string(),
  object: z.literal('user'),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  created_at: isoTime,
  last_sign_in_at: isoTime.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  object: z.literal('session'),
  user: userSchema.pick({ id: true, email: true, name: true, role: true }),
  csrf_token: z
    .string()
    .describe(
      'Send it as the x-csrf-token header with every request that changes something; keep it in memory',
    ),
  expires_at: isoTime.describe('The session ends then, however active'),
  idle_expires_at: isoTime.describe('The session ends then unless it is used before'),
});
export type Session = z.infer<typeof sessionSchema>;

export const signOutSchema = z.object({
  object: z.literal('sign_out'),
  sessions_ended: z.number().describe('How many sessions ended: 1, or every one of the teammate'),
});

export const setupSchema = z.object({
  object: z.literal('setup'),
  needed: z.boolean().describe('True until the first owner is created'),
});

export const inviteSchema = z.object({
  id: z.string(),
  object: z.literal('invite'),
  email: z.string(),
  role: roleSchema,
  invited_by: z
    .string()
    .nullable()
    .describe('The id of the teammate who invited; null once they are removed'),
  created_at: isoTime,
  expires_at: isoTime,
});
export type Invite = z.infer<typeof inviteSchema>;

export const createdInviteSchema = inviteSchema.extend({
  url: z.string().describe('The link to send the invitee; shown only in this response'),
});

export const inviteLookupSchema = z.object({
  object: z.literal('invite'),
  email: z.string(),
  role: roleSchema,
  expires_at: isoTime,
});

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export const auditDataSchema = z
  .record(z.string(), auditValue)
  .describe('What changed: field names and their new values (an object as JSON text), never secrets');
export type AuditData = z.infer<typeof auditDataSchema>;

/** Changes as an audit entry keeps them: flat values as they are, objects as JSON text, nothing undefined. */
export function auditData(changes: Record<string, unknown>): AuditData {
  const data: AuditData = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const flat =
      value === null ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    data[key] = flat ? (value as AuditData[string]) : JSON.stringify(value);
  }
  return data;
}

export const auditEntrySchema = z.object({
  id: z.string(),
  object: z.literal('audit_entry'),
  actor: z.object({
    kind: actorKindSchema,
    id: z.string().describe("A user's or API key's id; cli for the command line"),
    label: z.string().describe("The teammate's email, the key's name, or the operator's login"),
  }),
  action: z.string().describe('What was done: campaign.updated, api_key.created, teammate.role_changed, ...'),
  object_type: z.string(),
  object_id: z.string(),
  data: auditDataSchema,
  created_at: isoTime,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
