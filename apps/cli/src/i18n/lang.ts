import type { Lang } from '@chitieu/core';

/**
 * The language of the whole run, known before commander parses anything (so that its own messages and
 * help speak it too): `--lang en` or `--lang=en` anywhere on the command line, else CHITIEU_LANG, else
 * Vietnamese. An unsupported value falls back to Vietnamese here; the command itself refuses it.
 *
 * @example cliLang(['node', 'chitieu', 'rank', '--lang', 'en'], {}) // 'en'
 * @example cliLang(['node', 'chitieu', 'rank'], { CHITIEU_LANG: 'en' }) // 'en'
 */
export function cliLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  let asked: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') asked = argv[i + 1];
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
  });
  const value = asked ?? env.CHITIEU_LANG;
  return value === 'en' ? 'en' : 'vi';
}

/**
 * The language a command runs in: its `--lang` option, else CHITIEU_LANG, else Vietnamese; null for an
 * unsupported value (the caller says so and exits with code 2).
 *
 * @example commandLang(undefined, { CHITIEU_LANG: 'en' }) // 'en'
 * @example commandLang('fr', {}) // null
 */
export function commandLang(
  option: string | undefined,
  env: Record<string, string | undefined> = process.env,
): Lang | null {
  const value = option ?? env.CHITIEU_LANG ?? 'vi';
  return value === 'vi' || value === 'en' ? value : null;
}
