import { Command } from 'commander';
import { type AdminCommand, runAdminCommand, sendAdminCommand } from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { lockDataDir } from '../data-dir.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../open-database.js';
import { type ApiKey, apiKeysService, type CreatedApiKey } from '../services/api-keys.js';

/** Runs a key command against the running embedded server, or straight on the database. */
async function run(command: AdminCommand): Promise<unknown> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const viaServer = await sendAdminCommand(config.dataDir, command);
    if (viaServer !== undefined) return viaServer;
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
    .action(async (options: { name: string; publishable?: boolean; campaign?: string[] }) => {
      const key = (await run({
        command: 'keys.create',
        name: options.name,
        kind: options.publishable ? 'publishable' : 'secret',
        ...(options.campaign ? { campaign_ids: options.campaign } : {}),
      })) as CreatedApiKey;
      process.stdout.write(`${key.secret}\n`);
      process.stderr.write(
        `Created ${key.kind} key ${key.id} (${key.name}). Store it now: it will not be shown again.\n`,
      );
    });

  keys
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--all', 'include revoked keys')
    .action(async (options: { all?: boolean }) => {
      const list = (await run({ command: 'keys.list', include_revoked: Boolean(options.all) })) as ApiKey[];
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
    .action(async (id: string) => {
      const key = (await run({ command: 'keys.revoke', id })) as ApiKey;
      process.stdout.write(`Revoked ${key.id} (${key.name}) at ${key.revoked_at}.\n`);
    });

  return keys;
}
