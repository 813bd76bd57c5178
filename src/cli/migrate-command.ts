import { loadConfig } from '../config.js';
import { DataDirBusyError, lockDataDir } from '../data-dir.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../open-database.js';

export async function runMigrate(): Promise<void> {
  const config = loadConfig();
  let release = async () => {};
  if (!config.databaseUrl) {
    try {
      release = await lockDataDir(config.dataDir);
    } catch (error) {
      if (!(error instanceof DataDirBusyError)) throw error;
      // A running server applied its migrations at start; the embedded database is its alone.
      const pid = error.pid ? ` (pid ${error.pid})` : '';
      process.stdout.write(`Vouch is running${pid} on this data dir and has applied its migrations.\n`);
      return;
    }
  }
  const database = await openDatabase(config);
  try {
    const { applied, current } = await migrate(database);
    for (const m of applied)
      process.stdout.write(`applied ${String(m.version).padStart(4, '0')}_${m.name}\n`);
    process.stdout.write(
      applied.length
        ? `Database is at migration ${current}.\n`
        : `Nothing to apply; database is at migration ${current}.\n`,
    );
  } finally {
    await database.close();
    await release();
  }
}
