import { fileURLToPath } from 'node:url';
import type { Lang } from '@chitieu/core';
import { type DatabaseTarget, type DatabaseUrlProblem, parseDatabaseUrl } from '@chitieu/db';
import { z } from 'zod';

/** The demo plan shipped in the repository, loaded into an empty database when CHITIEU_DEMO=1. */
export const DEMO_PLAN_FILE = fileURLToPath(new URL('../../../demo/thi-xa-demo.yaml', import.meta.url));

export const DEFAULTS = {
  PORT: '3000',
  HOST: '127.0.0.1',
  DATABASE_URL: 'sqlite:./data/chitieu.db',
  CHITIEU_DEMO: '1',
  CHITIEU_LANG: 'vi',
} as const;

/** The configuration of a chitieu process, read from the environment. */
export interface Config {
  port: number;
  host: string;
  /** As given (shown to the user); `database` is what it means. */
  databaseUrl: string;
  database: DatabaseTarget;
  /** Load the demo plan into an empty database. */
  demo: boolean;
  /** Language of messages on the terminal. */
  lang: Lang;
}

type Problem =
  | { variable: 'PORT' | 'HOST' | 'CHITIEU_DEMO' | 'CHITIEU_LANG'; value: string }
  | { variable: 'DATABASE_URL'; value: string; problem: DatabaseUrlProblem };

const RULES: Record<
  Lang,
  Record<Exclude<Problem['variable'], 'DATABASE_URL'> | DatabaseUrlProblem, string>
> = {
  vi: {
    PORT: 'phải là số nguyên từ 0 đến 65535',
    HOST: 'phải là tên máy hoặc địa chỉ IP, không có khoảng trắng',
    CHITIEU_DEMO: 'phải là 1 (nạp kế hoạch mẫu vào cơ sở dữ liệu trống) hoặc 0',
    CHITIEU_LANG: 'phải là vi hoặc en',
    'unsupported-scheme': 'dùng sqlite:ĐƯỜNG_DẪN hoặc postgres://user@host:port/db',
    'missing-path': 'thiếu đường dẫn tệp sau sqlite:',
    malformed: 'địa chỉ PostgreSQL phải có dạng postgres://user@host:port/db',
    'bad-schema': 'tên schema chỉ gồm chữ thường, số và dấu _',
  },
  en: {
    PORT: 'must be a whole number from 0 to 65535',
    HOST: 'must be a host name or IP address without spaces',
    CHITIEU_DEMO: 'must be 1 (load the demo plan into an empty database) or 0',
    CHITIEU_LANG: 'must be vi or en',
    'unsupported-scheme': 'use sqlite:PATH or postgres://user@host:port/db',
    'missing-path': 'a file path must follow sqlite:',
    malformed: 'a PostgreSQL address looks like postgres://user@host:port/db',
    'bad-schema': 'a schema name has only lower-case letters, digits and _',
  },
};

function describeProblem(p: Problem, lang: Lang): string {
  const rule = RULES[lang][p.variable === 'DATABASE_URL' ? p.problem : p.variable];
  return lang === 'vi'
    ? `${p.variable}="${p.value}" không hợp lệ: ${rule}`
    : `${p.variable}="${p.value}" is not valid: ${rule}`;
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/)
    .refine((v) => Number(v) <= 65535),
  HOST: z.string().regex(/^[^\s/]+$/),
  DATABASE_URL: z.string(),
  CHITIEU_DEMO: z.enum(['0', '1']),
  CHITIEU_LANG: z.enum(['vi', 'en']),
});

/**
 * Read and check the configuration. Pure: it creates nothing, so a bad value stops the
 * process before any file or directory exists. All problems are described on ONE line, in the
 * language of CHITIEU_LANG (Vietnamese by default). Empty variables count as unset.
 *
 * @example
 * loadConfig({ PORT: 'abc' }, '/srv')
 * // { ok: false, message: 'PORT="abc" không hợp lệ: phải là số nguyên từ 0 đến 65535' }
 * loadConfig({}, '/srv') // { ok: true, config: { port: 3000, host: '127.0.0.1', database: { dialect: 'sqlite', path: '/srv/data/chitieu.db' }, … } }
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): { ok: true; config: Config } | { ok: false; message: string; lang: Lang } {
  const raw = Object.fromEntries(
    Object.entries(DEFAULTS).map(([k, fallback]) => [
      k,
      env[k]?.trim() ? (env[k] as string).trim() : fallback,
    ]),
  ) as Record<keyof typeof DEFAULTS, string>;
  const lang: Lang = raw.CHITIEU_LANG === 'en' ? 'en' : 'vi';
  const problems: Problem[] = [];
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = issue.path[0] as Exclude<Problem['variable'], 'DATABASE_URL'>;
      if (!problems.some((p) => p.variable === variable)) problems.push({ variable, value: raw[variable] });
    }
  }
  const database = parseDatabaseUrl(raw.DATABASE_URL, cwd);
  if (!database.ok)
    problems.push({ variable: 'DATABASE_URL', value: raw.DATABASE_URL, problem: database.problem });
  if (problems.length > 0 || !database.ok) {
    return { ok: false, lang, message: problems.map((p) => describeProblem(p, lang)).join('; ') };
  }
  return {
    ok: true,
    config: {
      port: Number(raw.PORT),
      host: raw.HOST,
      databaseUrl: raw.DATABASE_URL,
      database: database.target,
      demo: raw.CHITIEU_DEMO === '1',
      lang,
    },
  };
}

/**
 * Where the data lives, for people: the SQLite file or the PostgreSQL host/database, never a password.
 *
 * @example
 * describeDatabase({ dialect: 'postgres', connectionString: 'postgres://u:secret@db:5432/x', schema: 'public' })
 * // 'PostgreSQL db:5432/x'
 */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `SQLite ${target.path}`;
  const u = new URL(target.connectionString);
  const schema = target.schema === 'public' ? '' : ` (schema ${target.schema})`;
  return `PostgreSQL ${u.host}${u.pathname}${schema}`;
}
