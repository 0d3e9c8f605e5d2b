import { isIP } from 'node:net';
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
  TRUST_PROXY: 'false',
  CHITIEU_TOKEN_MAX_DAYS: '365',
  CHITIEU_ANON_REPORTS_PER_MINUTE: '10',
  CHITIEU_PDF_QUEUE: '4',
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
  /** Which reverse proxies to believe about the client (`X-Forwarded-*`): false, true, hops or addresses. */
  trustProxy: boolean | number | string;
  /** The longest an API token may live, in days. */
  tokenMaxDays: number;
  /** Reports per minute and address without signing in; LibreOffice conversions running or waiting. */
  limits: { anonymousReportsPerMinute: number; pdfQueue: number };
}

type Problem =
  | {
      variable:
        | 'PORT'
        | 'HOST'
        | 'CHITIEU_DEMO'
        | 'CHITIEU_LANG'
        | 'TRUST_PROXY'
        | 'CHITIEU_TOKEN_MAX_DAYS'
        | 'CHITIEU_ANON_REPORTS_PER_MINUTE'
        | 'CHITIEU_PDF_QUEUE';
      value: string;
    }
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
    TRUST_PROXY:
      'phải là false, true, số proxy tin cậy (1, 2…) hoặc danh sách địa chỉ IP/dải CIDR của proxy, cách nhau bằng dấu phẩy',
    CHITIEU_TOKEN_MAX_DAYS: 'phải là số ngày nguyên từ 1 đến 3650',
    CHITIEU_ANON_REPORTS_PER_MINUTE:
      'phải là số nguyên từ 1 đến 10000 (số báo cáo mỗi phút cho một địa chỉ chưa đăng nhập)',
    CHITIEU_PDF_QUEUE:
      'phải là số nguyên từ 1 đến 100 (số lượt chuyển PDF bằng LibreOffice đang chạy hoặc chờ)',
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
    TRUST_PROXY:
      'must be false, true, the number of trusted proxies (1, 2…) or the proxies’ IP addresses/CIDR ranges, comma-separated',
    CHITIEU_TOKEN_MAX_DAYS: 'must be a whole number of days from 1 to 3650',
    CHITIEU_ANON_REPORTS_PER_MINUTE:
      'must be a whole number from 1 to 10000 (reports per minute for one address not signed in)',
    CHITIEU_PDF_QUEUE:
      'must be a whole number from 1 to 100 (LibreOffice PDF conversions running or waiting)',
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
  TRUST_PROXY: z.string().refine((v) => parseTrustProxy(v) !== null),
  CHITIEU_TOKEN_MAX_DAYS: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .refine((v) => Number(v) <= 3650),
  CHITIEU_ANON_REPORTS_PER_MINUTE: z
    .string()
    .regex(/^[1-9]\d{0,4}$/)
    .refine((v) => Number(v) <= 10_000),
  CHITIEU_PDF_QUEUE: z
    .string()
    .regex(/^[1-9]\d{0,2}$/)
    .refine((v) => Number(v) <= 100),
});

/**
 * What `TRUST_PROXY` says to believe about the client: `false`/`0` nobody (the default), `true`
 * every proxy, a whole number that many proxies in front, else a comma-separated list of the
 * proxies' IP addresses or CIDR ranges. Null: not a valid setting.
 *
 * @example
 * parseTrustProxy('1') // 1
 * parseTrustProxy('10.0.0.1, 192.168.0.0/16') // '10.0.0.1,192.168.0.0/16'
 * parseTrustProxy('yes') // null
 */
export function parseTrustProxy(value: string): boolean | number | string | null {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^[1-9]\d?$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  const isRange = (p: string) => {
    const [address = '', bits, ...rest] = p.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  return parts.every(isRange) ? parts.join(',') : null;
}

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
      trustProxy: parseTrustProxy(raw.TRUST_PROXY) ?? false,
      tokenMaxDays: Number(raw.CHITIEU_TOKEN_MAX_DAYS),
      limits: {
        anonymousReportsPerMinute: Number(raw.CHITIEU_ANON_REPORTS_PER_MINUTE),
        pdfQueue: Number(raw.CHITIEU_PDF_QUEUE),
      },
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
