import type { Lang } from '@chitieu/core';
import { getUser, listApiTokens, revokeApiToken } from '@chitieu/db';
import type { Command } from 'commander';
import { CliError, runAction } from '../config-database.js';
import { EXIT_BAD_INPUT } from '../output/io.js';
import { cliActor, withConfiguredDatabase } from './user.js';

const SAY = {
  vi: {
    description: 'mã truy cập (token) cho hệ thống khác và kịch bản: Authorization: Bearer …',
    create: 'tạo token cho một người dùng; token chỉ hiện một lần',
    list: 'liệt kê token (không bao giờ hiện lại mã)',
    revoke: 'thu hồi token theo số hiệu',
    user: 'tên đăng nhập của người dùng mà token đại diện',
    name: 'tên gợi nhớ của token (ví dụ: "đồng bộ Cục Thống kê")',
    days: 'số ngày hiệu lực (mặc định 90)',
    lang: 'ngôn ngữ thông báo (vi, en)',
    badDays: (d: string, max: number) =>
      `Số ngày không hợp lệ: "${d}" (từ 1 đến ${max}; tối đa theo CHITIEU_TOKEN_MAX_DAYS).`,
    unknownUser: (u: string) => `Không có người dùng "${u}".`,
    disabledUser: (u: string) => `Tài khoản ${u} đang bị khóa.`,
    created: (name: string, user: string, expires: string) =>
      `Đã tạo token "${name}" cho ${user}, hết hạn ${expires}. Lưu lại ngay: mã này không hiện lại.`,
    revoked: (id: number) => `Đã thu hồi token ${id}.`,
    notFound: (id: string) => `Không có token đang hiệu lực số ${id}.`,
    none: 'Chưa có token nào.',
    revokedMark: 'đã thu hồi',
  },
  en: {
    description: 'access tokens for other systems and scripts: Authorization: Bearer …',
    create: 'create a token for a user; the token is shown once',
    list: 'list tokens (never their secret)',
    revoke: 'revoke a token by its id',
    user: 'user name the token acts as',
    name: 'a name to recognise the token by (e.g. "statistics office sync")',
    days: 'days until it expires (default 90)',
    lang: 'language of messages (vi, en)',
    badDays: (d: string, max: number) =>
      `Not a valid number of days: "${d}" (1 to ${max}; the most is CHITIEU_TOKEN_MAX_DAYS).`,
    unknownUser: (u: string) => `There is no user "${u}".`,
    disabledUser: (u: string) => `The account ${u} is disabled.`,
    created: (name: string, user: string, expires: string) =>
      `Created token "${name}" for ${user}, expiring ${expires}. Keep it now: it is not shown again.`,
    revoked: (id: number) => `Revoked token ${id}.`,
    notFound: (id: string) => `There is no open token ${id}.`,
    none: 'No tokens yet.',
    revokedMark: 'revoked',
  },
} satisfies Record<Lang, unknown>;

/** `chitieu token create|list|revoke`. */
export function registerToken(program: Command): void {
  const token = program.command('token').description(`${SAY.vi.description} / ${SAY.en.description}`);
  const both = (k: 'create' | 'list' | 'revoke' | 'user' | 'name' | 'days' | 'lang') =>
    `${SAY.vi[k]} / ${SAY.en[k]}`;

  token
    .command('create')
    .description(both('create'))
    .requiredOption('--user <username>', both('user'))
    .requiredOption('--name <name>', both('name'))
    .option('--days <n>', both('days'), '90')
    .option('--lang <lang>', both('lang'))
    .action((options: { user: string; name: string; days: string; lang?: string }) =>
      runAction(() =>
        withConfiguredDatabase(options.lang, async (handle, config) => {
          const say = SAY[config.lang];
          const days = /^\d{1,4}$/.test(options.days) ? Number(options.days) : 0;
          if (days < 1 || days > config.tokenMaxDays)
            throw new CliError(say.badDays(options.days, config.tokenMaxDays), EXIT_BAD_INPUT);
          const user = await getUser(handle.db, options.user.trim().toLowerCase());
          if (!user) throw new CliError(say.unknownUser(options.user), EXIT_BAD_INPUT);
          if (user.disabled) throw new CliError(say.disabledUser(user.username), EXIT_BAD_INPUT);
          const { issueApiToken } = await import('@chitieu/server');
          const made = await issueApiToken(
            handle.db,
            { userId: user.id, name: options.name, days, maxDays: config.tokenMaxDays },
            cliActor(),
          );
          // The secret alone on stdout (scripts capture it); the explanation on stderr.
          console.error(say.created(made.name, user.username, made.expiresAt.slice(0, 10)));
          console.log(made.token);
        }),
      ),
    );

  token
    .command('list')
    .description(both('list'))
    .option('--user <username>', both('user'))
    .option('--json', 'JSON')
    .option('--lang <lang>', both('lang'))
    .action((options: { user?: string; json?: boolean; lang?: string }) =>
      runAction(() =>
        withConfiguredDatabase(options.lang, async (handle, config) => {
          const say = SAY[config.lang];
          let userId: number | undefined;
          if (options.user) {
            const user = await getUser(handle.db, options.user.trim().toLowerCase());
            if (!user) throw new CliError(say.unknownUser(options.user), EXIT_BAD_INPUT);
            userId = user.id;
          }
          const tokens = await listApiTokens(handle.db, { userId });
          if (options.json) return console.log(JSON.stringify(tokens, null, 2));
          if (tokens.length === 0) return console.log(say.none);
          for (const t of tokens) {
            const state = t.revokedAt ? `  (${say.revokedMark})` : '';
            console.log(
              `${String(t.id).padStart(4)}  ${t.user}  "${t.name}"  → ${t.expiresAt.slice(0, 10)}${state}`,
            );
          }
        }),
      ),
    );

  token
    .command('revoke')
    .description(both('revoke'))
    .argument('<id>')
    .option('--lang <lang>', both('lang'))
    .action((id: string, options: { lang?: string }) =>
      runAction(() =>
        withConfiguredDatabase(options.lang, async (handle, config) => {
          const say = SAY[config.lang];
          const ok = /^\d{1,15}$/.test(id) && (await revokeApiToken(handle.db, Number(id), cliActor()));
          if (!ok) throw new CliError(say.notFound(id), EXIT_BAD_INPUT);
          console.log(say.revoked(Number(id)));
        }),
      ),
    );
}
