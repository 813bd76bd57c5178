import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import type { User } from '../domain/accounts.js';
import { normalizeEmail } from '../domain/people.js';
import { ROLES, type Role } from '../domain/roles.js';
import { OFFLINE_HELP, operatorName, runDatabaseCommand } from './admin-command.js';
import { readNewPassword } from './password-input.js';

function email(value: string): string {
  const normalized = normalizeEmail(value);
  if (!z.email().safeParse(normalized).success)
    throw new InvalidArgumentError('must be an email address like jane@example.com');
  return normalized;
}

const PASSWORD_HELP =
  'The password is read from stdin when it is piped in, or asked for twice without echo at a terminal; ' +
  'at least 10 characters.';

export function usersCommands(): Command {
  const users = new Command('users').description('manage the teammates who sign in to the dashboard');

  users
    .command('create')
    .description('create a teammate who signs in with email and password')
    .addHelpText('after', `\n${PASSWORD_HELP}`)
    .requiredOption('--email <email>', "the teammate's email, used to sign in", email)
    .addOption(new Option('--role <role>', 'what they may do').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'their name (default: the part of the email before the @)')
    .option('--offline', OFFLINE_HELP)
    .action(async (options: { email: string; role: Role; name?: string; offline?: boolean }) => {
      const password = await readNewPassword();
      const command = {
        command: 'users.create' as const,
        email: options.email,
        name: options.name?.trim() || options.email.split('@')[0]!,
        role: options.role,
        password,
        operator: operatorName(),
      };
      const user = (await runDatabaseCommand(command, options.offline === true)) as User;
      process.stdout.write(`Created ${user.role} ${user.email} (${user.id}); they can sign in now.\n`);
    });

  users
    .command('reset-password')
    .description("set a teammate's password; every session they have ends")
    .addHelpText('after', `\n${PASSWORD_HELP}`)
    .requiredOption('--email <email>', "the teammate's email", email)
    .option('--offline', OFFLINE_HELP)
    .action(async (options: { email: string; offline?: boolean }) => {
      const password = await readNewPassword();
      const command = {
        command: 'users.reset_password' as const,
        email: options.email,
        password,
        operator: operatorName(),
      };
      const result = (await runDatabaseCommand(command, options.offline === true)) as {
        user: User;
        sessionsEnded: number;
      };
      process.stdout.write(
        `Changed the password of ${result.user.email}; ${result.sessionsEnded} session(s) ended.\n`,
      );
    });

  return users;
}
