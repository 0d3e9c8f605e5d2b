import type { Command } from 'commander';
import { describeDatabase, loadConfig } from '../config.js';
import { openConfiguredDatabase, requireConfig, runAction } from '../config-database.js';

const SAY = {
  vi: {
    description: 'cập nhật cấu trúc cơ sở dữ liệu (DATABASE_URL) lên bản mới nhất',
    applied: (names: string, where: string) => `Đã cập nhật ${where}: ${names}`,
    current: (latest: string, where: string) => `${where} đã ở bản mới nhất (${latest})`,
  },
  en: {
    description: 'bring the database schema (DATABASE_URL) up to date',
    applied: (names: string, where: string) => `Migrated ${where}: ${names}`,
    current: (latest: string, where: string) => `${where} is up to date (${latest})`,
  },
};

/** `chitieu migrate`: apply pending migrations to the configured database (also done by `serve`). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(`${SAY.vi.description} / ${SAY.en.description}`)
    .option('--lang <lang>', 'vi | en (CHITIEU_LANG)')
    .action((options: { lang?: string }) =>
      runAction(async () => {
        const config = requireConfig(
          loadConfig(options.lang ? { ...process.env, CHITIEU_LANG: options.lang } : undefined),
        );
        const { handle, migration } = await openConfiguredDatabase(config);
        await handle.destroy();
        const say = SAY[config.lang];
        const where = describeDatabase(config.database);
        console.log(
          migration.applied.length > 0
            ? say.applied(migration.applied.join(', '), where)
            : say.current(migration.latest, where),
        );
      }),
    );
}
