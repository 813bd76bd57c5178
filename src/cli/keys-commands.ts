import { Command, Option } from 'commander';
import type { KeyRole } from '../domain/roles.js';
import type { ApiKey, CreatedApiKey } from '../services/api-keys.js';
import { OFFLINE_HELP, operatorName, runDatabaseCommand } from './admin-command.js';

export function keysCommands(): Command {
  const keys = new Command('keys').description('manage API keys');

  keys
    .command('create')
    .description('create an API key and print it (it is shown this once)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "billing backend"')
    .option('--publishable', 'a browser key (vch_pk_) for public endpoints only')
    .addOption(
      new Option('--role <role>', 'a secret key: what it may do (default admin)').choices([
        'viewer',
        'editor',
        'admin',
      ]),
    )
    .option(
      '--campaign <id>',
      'with --publishable: limit the key to this campaign (repeat for several)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--offline', OFFLINE_HELP)
    .action(
      async (options: {
        name: string;
        publishable?: boolean;
        role?: KeyRole;
        campaign?: string[];
        offline?: boolean;
      }) => {
        const key = (await runDatabaseCommand(
          {
            command: 'keys.create',
            name: options.name,
            kind: options.publishable ? 'publishable' : 'secret',
            ...(options.role ? { role: options.role } : {}),
            ...(options.campaign ? { campaign_ids: options.campaign } : {}),
            operator: operatorName(),
          },
          options.offline === true,
        )) as CreatedApiKey;
        process.stdout.write(`${key.secret}\n`);
        process.stderr.write(
          `Created ${key.kind} key ${key.id} (${key.name})${key.kind === 'secret' ? `, role ${key.role}` : ''}. ` +
            'Store it now: it will not be shown again.\n',
        );
      },
    );

  keys
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--all', 'include revoked keys')
    .option('--offline', OFFLINE_HELP)
    .action(async (options: { all?: boolean; offline?: boolean }) => {
      const list = (await runDatabaseCommand(
        { command: 'keys.list', include_revoked: Boolean(options.all) },
        options.offline === true,
      )) as ApiKey[];
      if (list.length === 0)
        process.stdout.write('No API keys. Create one with: vouch keys create --name NAME\n');
      for (const k of list) {
        const state = k.revoked_at ? `revoked ${k.revoked_at}` : `last used ${k.last_used_at ?? 'never'}`;
        process.stdout.write(
          `${k.id}  ${k.kind.padEnd(11)}  ${k.role.padEnd(6)}  ...${k.last_four}  ${k.name}  (${state})\n`,
        );
      }
    });

  keys
    .command('revoke')
    .description('revoke an API key by id; requests with it fail from now on')
    .argument('<id>', 'the key id, key_...')
    .option('--offline', OFFLINE_HELP)
    .action(async (id: string, options: { offline?: boolean }) => {
      const command = { command: 'keys.revoke' as const, id, operator: operatorName() };
      const key = (await runDatabaseCommand(command, options.offline === true)) as ApiKey;
      process.stdout.write(`Revoked ${key.id} (${key.name}) at ${key.revoked_at}.\n`);
    });

  return keys;
}
