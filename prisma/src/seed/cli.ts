// npm run seed --workspace @tandem/db
//
// Applies pending migrations, then writes the demo data into DATABASE_URL when
// set, otherwise into the embedded database in TANDEM_DATA_DIR (default
// .tandem/db). Running it again changes nothing.
import { openDatabase } from '../database.ts';
import { deployMigrations } from '../migrate/migrations.ts';
import { seed } from './index.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.TANDEM_DATA_DIR });
  try {
    const applied = await deployMigrations(db.sql);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    const inserted: Record<string, number> = {};
    const seedStarted = performance.now();
    const summary = await seed(db.prisma, { onInsert: (model, count) => (inserted[model] = count) });
    const seconds = ((performance.now() - seedStarted) / 1000).toFixed(1);
    console.log(`Demo data in ${db.location} (${db.kind}):`);
    console.table(
      Object.fromEntries(Object.entries(summary).map(([model, rows]) => [model, { rows, new: inserted[model] ?? 0 }])),
    );
    const total = Object.values(inserted).reduce((sum, n) => sum + n, 0);
    console.log(
      total
        ? `Inserted ${total} rows in ${seconds} s.`
        : `Nothing to do: the demo data was already there (${seconds} s).`,
    );
  } finally {
    await db.close();
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
