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
    firstAdmin: (user: string, password: string) =>
      `  Đã tạo tài khoản quản trị đầu tiên: ${user}, mật khẩu: ${password}\n  (mật khẩu chỉ hiện một lần này: hãy ghi lại, rồi đổi sau khi đăng nhập)`,
    stop: '  Dừng: Ctrl+C',
    cannotListen: (host: string, port: number, why: string) => `không mở được cổng ${host}:${port}: ${why}`,
  },
  en: {
    description: 'start the web server (configured by PORT, HOST, DATABASE_URL, CHITIEU_DEMO)',
    ready: (url: string) => `chitieu is running at ${url}`,
    database: (where: string, migration: string) => `  Database: ${where} (${migration})`,
    demo: (file: string, targets: number, values: number) =>
      `  Loaded the demo plan ${file}: ${targets} targets, ${values} values`,
    firstAdmin: (user: string, password: string) =>
      `  Created the first administrator: ${user}, password: ${password}\n  (shown this once only: write it down, and change it after signing in)`,
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
    .option('--lang <lang>', 'vi | en (CHITIEU_LANG)')
    .action((options: { lang?: string }) =>
      runAction(async () => {
        const config = requireConfig(
          loadConfig(options.lang ? { ...process.env, CHITIEU_LANG: options.lang } : undefined),
        );
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
        const { buildApp, createFirstAdmin, startServer } = await import('@chitieu/server');
        const app = await buildApp({
          database: handle,
          trustProxy: config.trustProxy,
          auth: { tokenMaxDays: config.tokenMaxDays },
          limits: config.limits,
        });
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
        // After listening: a password is shown only for a server that runs.
        const firstAdmin = await createFirstAdmin(handle.db);
        const lines = [say.ready(url), say.database(describeDatabase(config.database), migration.latest)];
        if (demoLine) lines.push(demoLine);
        if (firstAdmin) lines.push(say.firstAdmin(firstAdmin.username, firstAdmin.password));
        lines.push(say.stop);
        console.log(lines.join('\n'));
      }),
    );
}
