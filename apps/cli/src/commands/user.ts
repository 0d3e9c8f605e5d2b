import { userInfo } from 'node:os';
import type { Lang } from '@chitieu/core';
import {
  type AuditActor,
  createUser,
  type DatabaseHandle,
  getUser,
  listUsers,
  ROLES,
  type Role,
  setPasswordHash,
  unlockUser,
  updateUser,
} from '@chitieu/db';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { CliError, openConfiguredDatabase, requireConfig, runAction } from '../config-database.js';
import { EXIT_BAD_INPUT } from '../output/io.js';

const SAY = {
  vi: {
    description: 'quản lý tài khoản người dùng (thêm, liệt kê, khóa, mở khóa)',
    add: 'thêm người dùng; mật khẩu đọc từ đầu vào chuẩn (--password-stdin)',
    list: 'liệt kê người dùng và vai trò',
    disable: 'khóa tài khoản (kết thúc mọi phiên đăng nhập, token bị từ chối)',
    enable: 'mở khóa tài khoản',
    password: 'đặt mật khẩu mới (đọc từ đầu vào chuẩn) và kết thúc mọi phiên đăng nhập của người dùng',
    username: 'tên đăng nhập',
    role: `vai trò: ${ROLES.join(', ')}`,
    unit: 'mã đơn vị của vai trò (bỏ trống: mọi đơn vị)',
    indicators: 'chỉ tiêu thống kê biên tập viên được nhập, cách nhau bởi dấu phẩy',
    displayName: 'họ tên hiển thị',
    passwordStdin: 'đọc mật khẩu từ đầu vào chuẩn',
    lang: 'ngôn ngữ thông báo (vi, en)',
    needStdin:
      'Cần --password-stdin (ví dụ: echo "$MAT_KHAU" | npx chitieu user add …): mật khẩu không được ghi trên dòng lệnh vì sẽ lưu lại trong lịch sử.',
    shortPassword: 'Mật khẩu phải có ít nhất 10 ký tự.',
    badUsername: (u: string) =>
      `Tên đăng nhập "${u}" không hợp lệ: chỉ gồm chữ thường, số và . _ - (2–64 ký tự).`,
    badRole: (r: string) => `Vai trò "${r}" không hợp lệ (chọn ${ROLES.join(', ')}).`,
    taken: (u: string) => `Tên đăng nhập "${u}" đã có người dùng.`,
    unknownUnit: (c: string) => `Không có đơn vị mã "${c}".`,
    unknownUser: (u: string) => `Không có người dùng "${u}".`,
    added: (u: string, roles: string) => `Đã thêm người dùng ${u} (${roles}).`,
    disabled: (u: string) => `Đã khóa tài khoản ${u}.`,
    enabled: (u: string) => `Đã mở khóa tài khoản ${u}.`,
    passwordSet: (u: string) =>
      `Đã đặt mật khẩu mới cho ${u}; mọi phiên đăng nhập cũ đã kết thúc và mọi token API đã bị thu hồi.`,
    unlock: 'gỡ khóa đăng nhập do nhập sai mật khẩu nhiều lần (từ mọi địa chỉ)',
    unlocked: (u: string, n: number) => `Đã gỡ khóa đăng nhập của ${u} (${n} địa chỉ).`,
    none: 'Chưa có người dùng nào.',
    off: 'đã khóa',
    lastAdmin: 'Không thể khóa quản trị viên cuối cùng: sẽ không còn ai quản lý được tài khoản.',
  },
  en: {
    description: 'manage user accounts (add, list, disable, enable)',
    add: 'add a user; the password is read from standard input (--password-stdin)',
    list: 'list users and their roles',
    disable: 'disable an account (ends every session, its tokens are refused)',
    enable: 'enable an account again',
    password: "set a new password (read from standard input) and end the user's sessions",
    username: 'user name',
    role: `role: ${ROLES.join(', ')}`,
    unit: 'unit code of the role (none: every unit)',
    indicators: 'indicator codes an editor may enter, comma-separated',
    displayName: 'display name',
    passwordStdin: 'read the password from standard input',
    lang: 'language of messages (vi, en)',
    needStdin:
      'Use --password-stdin (e.g. echo "$PASSWORD" | npx chitieu user add …): a password on the command line would stay in the shell history.',
    shortPassword: 'The password must have at least 10 characters.',
    badUsername: (u: string) =>
      `User name "${u}" is not valid: lower-case letters, digits and . _ - only (2–64).`,
    badRole: (r: string) => `Role "${r}" is not valid (choose ${ROLES.join(', ')}).`,
    taken: (u: string) => `User name "${u}" is already taken.`,
    unknownUnit: (c: string) => `No unit has the code "${c}".`,
    unknownUser: (u: string) => `There is no user "${u}".`,
    added: (u: string, roles: string) => `Added user ${u} (${roles}).`,
    disabled: (u: string) => `Disabled ${u}.`,
    enabled: (u: string) => `Enabled ${u}.`,
    passwordSet: (u: string) =>
      `Set a new password for ${u}; every earlier session has ended and every API token is revoked.`,
    unlock: 'lift the sign-in lock-out after failed passwords (from every address)',
    unlocked: (u: string, n: number) => `Lifted the sign-in lock-out of ${u} (${n} address(es)).`,
    none: 'No users yet.',
    off: 'disabled',
    lastAdmin: 'The last administrator cannot be disabled: nobody could manage accounts any more.',
  },
} satisfies Record<Lang, unknown>;

/** Who acts from the command line: `cli:<system user>` in the audit log. */
export function cliActor(): AuditActor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the audit still says it came from the command line.
  }
  return { userId: null, username: `cli:${name}` };
}

/**
 * Open the configured database (migrated), run `work`, close it. `--lang` overrides CHITIEU_LANG.
 *
 * @example
 * await withConfiguredDatabase(options.lang, async (handle, config) => listUsers(handle.db));
 */
export async function withConfiguredDatabase<T>(
  lang: string | undefined,
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = requireConfig(loadConfig(lang ? { ...process.env, CHITIEU_LANG: lang } : undefined));
  const { handle } = await openConfiguredDatabase(config);
  try {
    return await work(handle, config);
  } finally {
    await handle.destroy();
  }
}

/** All of standard input, without the final line break. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Messages in `--lang`, else CHITIEU_LANG, else Vietnamese. */
const sayFor = (lang: string | undefined) => SAY[(lang ?? process.env.CHITIEU_LANG) === 'en' ? 'en' : 'vi'];

/**
 * The argon2id hash of the password given on stdin; refuses a password anywhere else (it would
 * stay in the shell history) and one shorter than 10 characters.
 */
async function passwordFromStdin(
  options: { passwordStdin?: boolean },
  say: ReturnType<typeof sayFor>,
): Promise<string> {
  if (!options.passwordStdin) throw new CliError(say.needStdin, EXIT_BAD_INPUT);
  const password = await readStdin();
  if ([...password].length < 10) throw new CliError(say.shortPassword, EXIT_BAD_INPUT);
  // Loaded here: argon2 and the server code are not needed by other commands.
  const { hashPassword } = await import('@chitieu/server');
  return hashPassword(password);
}

const roleText = (roles: { role: string; unitCode: string | null; indicators: string[] | null }[]) =>
  roles
    .map((r) => `${r.role}@${r.unitCode ?? '*'}${r.indicators ? `[${r.indicators.join(',')}]` : ''}`)
    .join(', ');

interface AddOptions {
  username: string;
  role: string;
  unit?: string;
  indicators?: string;
  displayName?: string;
  passwordStdin?: boolean;
  lang?: string;
}

/** `chitieu user add|list|disable|enable`. */
export function registerUser(program: Command): void {
  const user = program.command('user').description(`${SAY.vi.description} / ${SAY.en.description}`);
  const both = (k: 'add' | 'list' | 'disable' | 'enable' | 'password' | 'unlock' | 'lang') =>
    `${SAY.vi[k]} / ${SAY.en[k]}`;

  user
    .command('add')
    .description(both('add'))
    .requiredOption('--username <name>', `${SAY.vi.username} / ${SAY.en.username}`)
    .requiredOption('--role <role>', `${SAY.vi.role} / ${SAY.en.role}`)
    .option('--unit <code>', `${SAY.vi.unit} / ${SAY.en.unit}`)
    .option('--indicators <codes>', `${SAY.vi.indicators} / ${SAY.en.indicators}`)
    .option('--display-name <name>', `${SAY.vi.displayName} / ${SAY.en.displayName}`)
    .option('--password-stdin', `${SAY.vi.passwordStdin} / ${SAY.en.passwordStdin}`)
    .option('--lang <lang>', both('lang'))
    .action((options: AddOptions) =>
      runAction(async () => {
        const say = sayFor(options.lang);
        const username = options.username.trim().toLowerCase();
        if (!/^[a-z0-9._-]{2,64}$/.test(username))
          throw new CliError(say.badUsername(options.username), EXIT_BAD_INPUT);
        if (!ROLES.includes(options.role as Role))
          throw new CliError(say.badRole(options.role), EXIT_BAD_INPUT);
        const passwordHash = await passwordFromStdin(options, say);
        await withConfiguredDatabase(options.lang, async (handle) => {
          const indicators = options.indicators
            ?.split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
          const created = await createUser(
            handle.db,
            {
              username,
              passwordHash,
              displayName: options.displayName ?? null,
              roles: [
                { role: options.role as Role, unit: options.unit ?? null, indicators: indicators ?? null },
              ],
            },
            cliActor(),
          );
          if (!created.ok) {
            const p = created.problem;
            throw new CliError(
              p.code === 'username-taken'
                ? say.taken(username)
                : p.code === 'unknown-unit'
                  ? say.unknownUnit(p.unit)
                  : say.unknownUser(username),
              EXIT_BAD_INPUT,
            );
          }
          console.log(say.added(username, roleText(created.user.roles)));
        });
      }),
    );

  user
    .command('list')
    .description(both('list'))
    .option('--json', 'JSON')
    .option('--lang <lang>', both('lang'))
    .action((options: { json?: boolean; lang?: string }) =>
      runAction(() =>
        withConfiguredDatabase(options.lang, async (handle, config) => {
          const users = await listUsers(handle.db);
          if (options.json) return console.log(JSON.stringify(users, null, 2));
          const say = SAY[config.lang];
          if (users.length === 0) return console.log(say.none);
          const width = users.reduce((w, u) => Math.max(w, u.username.length), 0);
          for (const u of users) {
            console.log(
              `${u.username.padEnd(width)}  ${roleText(u.roles)}${u.disabled ? `  (${say.off})` : ''}`,
            );
          }
        }),
      ),
    );

  user
    .command('password')
    .description(both('password'))
    .argument('<username>', `${SAY.vi.username} / ${SAY.en.username}`)
    .option('--password-stdin', `${SAY.vi.passwordStdin} / ${SAY.en.passwordStdin}`)
    .option('--lang <lang>', both('lang'))
    .action((username: string, options: { passwordStdin?: boolean; lang?: string }) =>
      runAction(async () => {
        const say = sayFor(options.lang);
        const passwordHash = await passwordFromStdin(options, say);
        await withConfiguredDatabase(options.lang, async (handle) => {
          const found = await getUser(handle.db, username.trim().toLowerCase());
          if (!found) throw new CliError(say.unknownUser(username), EXIT_BAD_INPUT);
          await setPasswordHash(handle.db, found.id, passwordHash, cliActor());
          console.log(say.passwordSet(found.username));
        });
      }),
    );

  for (const action of ['disable', 'enable'] as const) {
    user
      .command(action)
      .description(both(action))
      .argument('<username>', `${SAY.vi.username} / ${SAY.en.username}`)
      .option('--lang <lang>', both('lang'))
      .action((username: string, options: { lang?: string }) =>
        runAction(() =>
          withConfiguredDatabase(options.lang, async (handle, config) => {
            const say = SAY[config.lang];
            const found = await getUser(handle.db, username.trim().toLowerCase());
            if (!found) throw new CliError(say.unknownUser(username), EXIT_BAD_INPUT);
            const done = await updateUser(
              handle.db,
              found.id,
              { disabled: action === 'disable' },
              cliActor(),
            );
            if (!done.ok) throw new CliError(say.lastAdmin, EXIT_BAD_INPUT);
            console.log(action === 'disable' ? say.disabled(found.username) : say.enabled(found.username));
          }),
        ),
      );
  }

  user
    .command('unlock')
    .description(both('unlock'))
    .argument('<username>', `${SAY.vi.username} / ${SAY.en.username}`)
    .option('--lang <lang>', both('lang'))
    .action((username: string, options: { lang?: string }) =>
      runAction(() =>
        withConfiguredDatabase(options.lang, async (handle, config) => {
          const say = SAY[config.lang];
          const found = await getUser(handle.db, username.trim().toLowerCase());
          if (!found) throw new CliError(say.unknownUser(username), EXIT_BAD_INPUT);
          const cleared = await unlockUser(handle.db, found.username, cliActor());
          console.log(say.unlocked(found.username, cleared));
        }),
      ),
    );
}
