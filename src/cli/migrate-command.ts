import { loadConfig } from '../config.js';
import { dataDirOwner, lockDataDir } from '../data-dir.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../open-database.js';

export async function runMigrate(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const owner = dataDirOwner(config.dataDir);
    if (owner) {
      process.stdout.write(
        `Vouch is running (pid ${owner}) on this data dir and has applied its migrations.\n`,
      );
      return;
    }
  }
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
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
    release();
  }
}
