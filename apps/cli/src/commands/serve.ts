import type { Lang } from '@chitieu/core';
import type { DatabaseHandle } from '@chitieu/db';
import type { Command } from 'commander';
import { type Config, DEMO_PLAN_FILE, describeDatabase, loadConfig } from '../config.js';
import { CliError, openConfiguredDatabase, requireConfig, runAction } from '../config-database.js';
import { importFile } from './import.js';

const SAY = {
  vi: {
    description: 'chạy máy chủ web (cấu hình: PORT, HOST, DATABASE_URL, CHITIEU_DEMO)',
    ready: (url: string) => `chitieu đang chạy tại ${url}`,
    database: (where: string, migration: string) => `  Cơ sở dữ liệu: ${where} (${migration})`,
    demo: (file: string, targets: number, values: number) =>
      `  Đã nạp kế hoạch mẫu ${file}: ${targets} chỉ tiêu, ${values} số liệu`,
    login: '  Chưa có tài khoản đăng nhập: mọi trang đều mở trên máy này.',
    stop: '  Dừng: Ctrl+C',
    cannotListen: (host: string, port: number, why: string) => `không mở được cổng ${host}:${port}: ${why}`,
  },
  en: {
    description: 'start the web server (configured by PORT, HOST, DATABASE_URL, CHITIEU_DEMO)',
    ready: (url: string) => `chitieu is running at ${url}`,
    database: (where: string, migration: string) => `  Database: ${where} (${migration})`,
    demo: (file: string, targets: number, values: number) =>
      `  Loaded the demo plan ${file}: ${targets} targets, ${values} values`,
    login: '  No user accounts yet: every page is open on this machine.',
    stop: '  Stop: Ctrl+C',
    cannotListen: (host: string, port: number, why: string) => `cannot listen on ${host}:${port}: ${why}`,
  },
} satisfies Record<Lang, unknown>;

/** Load the shipped demo plan when the database holds no plan yet; returns the report line or null. */
async function loadDemoIfEmpty(handle: DatabaseHandle, config: Config): Promise<string | null> {
  const anyPlan = await handle.db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (anyPlan) return null;
  const counts = await importFile(handle, DEMO_PLAN_FILE, config.lang, 'demo');
  return SAY[config.lang].demo('demo/thi-xa-demo.yaml', counts.targets.added, counts.values.added);
}

/** `chitieu serve`: migrate, load the demo into an empty database, serve until SIGTERM/SIGINT. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(`${SAY.vi.description} / ${SAY.en.description}`)
    .action(() =>
      runAction(async () => {
        const config = requireConfig(loadConfig());
        const say = SAY[config.lang];
        const { handle, migration } = await openConfiguredDatabase(config);
        let demoLine: string | null;
        try {
          demoLine = config.demo ? await loadDemoIfEmpty(handle, config) : null;
        } catch (err) {
          await handle.destroy();
          throw err;
        }
        // Loaded here, not at the top: other commands (and --help) need not pay for Fastify.
        const { buildApp, startServer } = await import('@chitieu/server');
        const app = await buildApp({ database: handle });
        let url: string;
        try {
          ({ url } = await startServer(app, {
            host: config.host,
            port: config.port,
            onClosed: () => handle.destroy(),
          }));
        } catch (err) {
          await app.close();
          await handle.destroy();
          throw new CliError(
            say.cannotListen(config.host, config.port, err instanceof Error ? err.message : String(err)),
          );
        }
        const lines = [say.ready(url), say.database(describeDatabase(config.database), migration.latest)];
        if (demoLine) lines.push(demoLine);
        lines.push(say.login, say.stop);
        console.log(lines.join('\n'));
      }),
    );
}
