import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import {
  adminSocketPathTooLong,
  type DatabaseCommand,
  runAdminCommand,
  sendAdminCommand,
} from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { lockDataDir } from '../data-dir.js';
import { migrate } from '../db/migrate.js';
import { OperatorError } from '../errors.js';
import { openDatabase } from '../open-database.js';
import { apiKeysService } from '../services/api-keys.js';
import { usersService } from '../services/users.js';

const NOT_DONE: Record<DatabaseCommand['command'], string> = {
  'keys.create': 'no key was created',
  'keys.list': 'no keys were listed',
  'keys.revoke': 'no key was revoked',
  'users.create': 'no teammate was created',
  'users.reset_password': 'no password was changed',
};

/** Who runs the command, for the audit log: the login name of this shell's user. */
export function operatorName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export const OFFLINE_HELP =
  'without DATABASE_URL, when no Vouch is running: open the embedded database in the data dir directly';

/**
 * Runs a command where the server keeps its data. With DATABASE_URL: on that database. Without it: through
 * the Vouch running on the data dir (its admin socket). When none answers, the command is refused unless
 * `--offline`: the likeliest reason is a Vouch started with DATABASE_URL in another shell, and a key or
 * teammate written to the embedded database here would be one that server never sees.
 */
export async function runDatabaseCommand(command: DatabaseCommand, offline: boolean): Promise<unknown> {
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
          `${NOT_DONE[command.command]}. A Vouch started with DATABASE_URL keeps its keys and teammates in ` +
          'that database: set the same DATABASE_URL here. One started elsewhere: set VOUCH_DATA_DIR to its ' +
          `data dir. To use the embedded database in ${dir} while Vouch is stopped, add --offline.`,
      );
    }
  }
  const release = config.databaseUrl ? async () => {} : await lockDataDir(config.dataDir);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await runAdminCommand(
      { apiKeys: apiKeysService(database), users: usersService({ database }) },
      command,
    );
  } finally {
    await database.close();
    await release();
  }
}
