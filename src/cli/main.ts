#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config.js';
import { DataDirBusyError } from '../data-dir.js';
import { MigrationError } from '../db/migrate.js';
import { OperatorError, VouchError } from '../errors.js';
import { VERSION } from '../version.js';
import { demoCommand } from './demo-command.js';
import { keysCommands } from './keys-commands.js';
import { runMigrate } from './migrate-command.js';
import { runStart } from './start-command.js';
import { stripeEmulatorCommand } from './stripe-emulator-command.js';
import { syncCommand } from './sync-command.js';
import { usersCommands } from './users-commands.js';

const program = new Command()
  .name('vouch')
  .description('Vouch: a self-hosted, Stripe-native referral engine')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description('run the HTTP API and the background workers (applies pending migrations first)')
  .addOption(
    new Option('--role <role>', 'api: HTTP only; worker: jobs only; all: both')
      .choices(['api', 'worker', 'all'])
      .default('all'),
  )
  .action(async (options: { role: 'api' | 'worker' | 'all' }) => runStart(options.role));

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => runMigrate());

program.addCommand(keysCommands());
program.addCommand(usersCommands());
program.addCommand(stripeEmulatorCommand());
program.addCommand(demoCommand());
program.addCommand(syncCommand());

/** Known failures print one clear line; anything else is a bug and prints its stack. */
function reportFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`vouch: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  if (
    error instanceof DataDirBusyError ||
    error instanceof MigrationError ||
    error instanceof OperatorError ||
    error instanceof VouchError || // refused on the database itself: no such key or teammate, a taken email
    error instanceof InvalidArgumentError
  ) {
    process.stderr.write(`vouch: ${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof Error && 'code' in error && error.code === 'ECONNREFUSED') {
    process.stderr.write(`vouch: cannot reach the database (${error.message}); check DATABASE_URL\n`);
    process.exit(1);
  }
  process.stderr.write(`vouch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

program.parseAsync(process.argv).catch(reportFailure);
