import { resolve } from 'node:path';
import { Command } from 'commander';
import {
  adminSocketPathTooLong,
  type KeysCommand,
  runAdminCommand,
  sendAdminCommand,
} from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { lockDataDir } from '../data-dir.js';
import { migrate } from '../db/migrate.js';
import { OperatorError } from '../errors.js';
import { openDatabase } from '../open-database.js';
import { type ApiKey, apiKeysService, type CreatedApiKey } from '../services/api-keys.js';

const NOT_DONE: Record<KeysCommand['command'], string> = {
  'keys.create': 'no key was created',
  'keys.list': 'no keys were listed',
  'keys.revoke': 'no key was revoked',
};

/**
 * Runs a key command where the server reads its keys. With DATABASE_URL: on that database. Without it:
 * through the Vouch running on the data dir (its admin socket). When none answers, the command is refused
 * unless `--offline`: the likeliest reason is a Vouch started with DATABASE_URL in another shell, and a key
 * written to the embedded database here would be one that server never sees.
 */
async function run(command: KeysCommand, offline: boolean): Promise<unknown> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const viaServer = await sendAdminCommand(config.dataDir, command);
    if (viaServer !== undefined) return viaServer;
    const dir = resolve(config.dataDir);
    if (!offline && adminSocketPathTooLong(config.dataDir)) {
      throw new OperatorError(
        `The data dir path ${dir} is too long for its admin socket, so a running Vouch cannot be reached ` +
          `and ${NOT_DONE[command.command]}. Use a shorter VOUCH_DATA_DIR, or stop Vouch and add --offline.`,
      );
    }
    if (!offline) {
      throw new OperatorError(
        `No Vouch is running on the data dir ${dir} (nothing answers on its admin socket), so ` +
          `${NOT_DONE[command.command]}. A Vouch started with DATABASE_URL keeps its keys in that database: ` +
          'set the same DATABASE_URL here. One started elsewhere: set VOUCH_DATA_DIR to its data dir. ' +
          `To use the embedded database in ${dir} while Vouch is stopped, add --offline.`,
      );
    }
  }
  const release = config.databaseUrl ? async () => {} : await lockDataDir(config.dataDir);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await runAdminCommand(apiKeysService(database), command);
  } finally {
    await database.close();
    await release();
  }
}

const OFFLINE =
  'without DATABASE_URL, when no Vouch is running: open the embedded database in the data dir directly';

export function keysCommands(): Command {
  const keys = new Command('keys').description('manage API keys');

  keys
    .command('create')
    .description('create an API key and print it (it is shown this once)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "billing backend"')
    .option('--publishable', 'a browser key (vch_pk_) for public endpoints only')
    .option(
      '--campaign <id>',
      'with --publishable: limit the key to this campaign (repeat for several)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--offline', OFFLINE)
    .action(
      async (options: { name: string; publishable?: boolean; campaign?: string[]; offline?: boolean }) => {
        const key = (await run(
          {
            command: 'keys.create',
            name: options.name,
            kind: options.publishable ? 'publishable' : 'secret',
            ...(options.campaign ? { campaign_ids: options.campaign } : {}),
          },
          options.offline === true,
        )) as CreatedApiKey;
        process.stdout.write(`${key.secret}\n`);
        process.stderr.write(
          `Created ${key.kind} key ${key.id} (${key.name}). Store it now: it will not be shown again.\n`,
        );
      },
    );

  keys
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--all', 'include revoked keys')
    .option('--offline', OFFLINE)
    .action(async (options: { all?: boolean; offline?: boolean }) => {
      const list = (await run(
        { command: 'keys.list', include_revoked: Boolean(options.all) },
        options.offline === true,
      )) as ApiKey[];
      if (list.length === 0)
        process.stdout.write('No API keys. Create one with: vouch keys create --name NAME\n');
      for (const k of list) {
        const state = k.revoked_at ? `revoked ${k.revoked_at}` : `last used ${k.last_used_at ?? 'never'}`;
        process.stdout.write(`${k.id}  ${k.kind.padEnd(11)}  ...${k.last_four}  ${k.name}  (${state})\n`);
      }
    });

  keys
    .command('revoke')
    .description('revoke an API key by id; requests with it fail from now on')
    .argument('<id>', 'the key id, key_...')
    .option('--offline', OFFLINE)
    .action(async (id: string, options: { offline?: boolean }) => {
      const key = (await run({ command: 'keys.revoke', id }, options.offline === true)) as ApiKey;
      process.stdout.write(`Revoked ${key.id} (${key.name}) at ${key.revoked_at}.\n`);
    });

  return keys;
}
