import { existsSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './domain/accounts.js';
import { type Actor, keyRoleSchema, roleSchema } from './domain/roles.js';
import { OperatorError, VouchError } from './errors.js';
import type { ApiKeysService } from './services/api-keys.js';
import type { UsersService } from './services/users.js';

/**
 * In embedded mode one process owns the database, so the CLI asks that process over a Unix socket in
 * the data dir. The socket is mode 0600 inside a 0700 directory: whoever may use it may read the
 * database files anyway.
 */
export const adminSocketPath = (dataDir: string) => join(dataDir, 'admin.sock');

/** Unix socket paths are limited to about 100 bytes; a longer data dir path gets no admin socket. */
export const adminSocketPathTooLong = (dataDir: string) => Buffer.byteLength(adminSocketPath(dataDir)) > 100;

/** What the running server says about itself (`info`), so the CLI acts on the Vouch it serves. */
export const serverInfoSchema = z.object({
  pid: z.number().int(),
  version: z.string(),
  role: z.enum(['api', 'worker', 'all']),
  /** Where its API listens; null for the worker role. */
  url: z.string().nullable(),
  database: z.enum(['pglite', 'postgres']),
  /** Its data dir, as an absolute path. */
  data_dir: z.string(),
  /** Where its Stripe calls go: its sandbox, STRIPE_API_BASE, or (null) Stripe itself. */
  stripe_api_base: z.string().nullable(),
  /** Its in-process Stripe emulator, when it runs one. */
  sandbox: z.object({ api_base: z.string(), api_key: z.string(), account_id: z.string() }).nullable(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

/** Who runs a command: the operator's login name, for the audit log. */
const operator = z.string().min(1).max(100);

const commandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('keys.create'),
    name: z.string().min(1).max(100),
    kind: z.enum(['secret', 'publishable']),
    role: keyRoleSchema.optional(),
    campaign_ids: z.array(z.string().min(1).max(64)).min(1).optional(),
    operator,
  }),
  z.object({ command: z.literal('keys.list'), include_revoked: z.boolean() }),
  z.object({ command: z.literal('keys.revoke'), id: z.string().min(1), operator }),
  z.object({
    command: z.literal('users.create'),
    email: z.string().min(1).max(254),
    name: z.string().min(1).max(100),
    role: roleSchema,
    password: z.string().max(PASSWORD_MAX_LENGTH),
    operator,
  }),
  z.object({
    command: z.literal('users.reset_password'),
    email: z.string().min(1).max(254),
    password: z.string().max(PASSWORD_MAX_LENGTH),
    operator,
  }),
  z.object({ command: z.literal('info') }),
]);
export type AdminCommand = z.infer<typeof commandSchema>;
/** The commands that work on the database alone, with or without a running server. */
export type DatabaseCommand = Exclude<AdminCommand, { command: 'info' }>;

/** What the commands work with. */
export type AdminServices = { apiKeys: ApiKeysService; users: UsersService };

/** The operator at the command line, as the audit log records them. */
const cliActor = (name: string): Actor => ({ kind: 'cli', id: 'cli', label: name });

export async function runAdminCommand(services: AdminServices, command: DatabaseCommand): Promise<unknown> {
  const { apiKeys, users } = services;
  switch (command.command) {
    case 'keys.create':
      return apiKeys.create(
        { name: command.name, kind: command.kind, role: command.role, campaign_ids: command.campaign_ids },
        cliActor(command.operator),
      );
    case 'keys.list': {
      const all = [];
      let startingAfter: string | undefined;
      for (;;) {
        const page = await apiKeys.list({
          limit: 100,
          includeRevoked: command.include_revoked,
          ...(startingAfter ? { startingAfter } : {}),
        });
        all.push(...page.data);
        if (!page.hasMore) return all;
        startingAfter = page.data.at(-1)?.id;
      }
    }
    case 'keys.revoke':
      return apiKeys.revoke(command.id, cliActor(command.operator));
    case 'users.create':
      return users.create(
        { email: command.email, name: command.name, role: command.role, password: command.password },
        cliActor(command.operator),
      );
    case 'users.reset_password':
      return users.resetPassword(command.email, command.password, cliActor(command.operator));
  }
}

export async function startAdminSocket(
  dataDir: string,
  services: AdminServices,
  info: ServerInfo,
): Promise<Server | undefined> {
  const path = adminSocketPath(dataDir);
  if (adminSocketPathTooLong(dataDir)) return undefined; // the CLI says so
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      res.setHeader('content-type', 'application/json');
      try {
        const command = commandSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        const result = command.command === 'info' ? info : await runAdminCommand(services, command);
        res.end(JSON.stringify({ ok: true, result }));
      } catch (error) {
        const message =
          error instanceof z.ZodError
            ? error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('; ')
            : error instanceof VouchError
              ? error.message
              : 'command failed';
        res.statusCode = 400;
        res.end(JSON.stringify({ ok: false, message }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path, readableAll: false, writableAll: false }, () => resolve());
  });
  return server;
}

/**
 * Sends a command to the running server; undefined when no server listens there. A refusal from the
 * server (no such key, a bad name) is an OperatorError carrying the server's message.
 */
export async function sendAdminCommand(dataDir: string, command: AdminCommand): Promise<unknown> {
  const path = adminSocketPath(dataDir);
  if (!existsSync(path)) return undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ socketPath: path, method: 'POST', path: '/' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          ok: boolean;
          result?: unknown;
          message?: string;
        };
        if (body.ok) resolve(body.result);
        else reject(new OperatorError(body.message ?? 'the running Vouch refused the command'));
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(undefined) : reject(error),
    );
    req.end(JSON.stringify(command));
  });
}

/** What the Vouch running on this data dir says about itself; undefined when none answers there. */
export async function askRunningVouch(dataDir: string): Promise<ServerInfo | undefined> {
  const answer = await sendAdminCommand(dataDir, { command: 'info' });
  return answer === undefined ? undefined : serverInfoSchema.parse(answer);
}
