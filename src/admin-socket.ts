import { existsSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { VouchError } from './errors.js';
import type { ApiKeysService } from './services/api-keys.js';

/**
 * In embedded mode one process owns the database, so the CLI asks that process over a Unix socket in
 * the data dir. The socket is mode 0600 inside a 0700 directory: whoever may use it may read the
 * database files anyway.
 */
export const adminSocketPath = (dataDir: string) => join(dataDir, 'admin.sock');

const commandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('keys.create'),
    name: z.string().min(1).max(100),
    kind: z.enum(['secret', 'publishable']),
    campaign_ids: z.array(z.string().min(1).max(64)).min(1).optional(),
  }),
  z.object({ command: z.literal('keys.list'), include_revoked: z.boolean() }),
  z.object({ command: z.literal('keys.revoke'), id: z.string().min(1) }),
]);
export type AdminCommand = z.infer<typeof commandSchema>;

export async function runAdminCommand(apiKeys: ApiKeysService, command: AdminCommand): Promise<unknown> {
  switch (command.command) {
    case 'keys.create':
      return apiKeys.create({ name: command.name, kind: command.kind, campaign_ids: command.campaign_ids });
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
      return apiKeys.revoke(command.id);
  }
}

export async function startAdminSocket(
  dataDir: string,
  apiKeys: ApiKeysService,
): Promise<Server | undefined> {
  const path = adminSocketPath(dataDir);
  if (Buffer.byteLength(path) > 100) return undefined; // too long for a Unix socket; the CLI says so
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      res.setHeader('content-type', 'application/json');
      try {
        const command = commandSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.end(JSON.stringify({ ok: true, result: await runAdminCommand(apiKeys, command) }));
      } catch (error) {
        const message =
          error instanceof VouchError || error instanceof z.ZodError ? error.message : 'command failed';
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

/** Sends a command to the running server; undefined when no server listens there. */
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
        else reject(new Error(body.message));
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(undefined) : reject(error),
    );
    req.end(JSON.stringify(command));
  });
}
