/**
 * commander's own words — its errors ("required option … not specified", "unknown command …") and the
 * headings of `--help` — in the run's language, and required options marked in `--help`.
 */
import type { Lang } from '@chitieu/core';
import type { Command, Help, Option } from 'commander';

const WORDS = {
  vi: {
    required: '(bắt buộc)',
    titles: {
      'Usage:': 'Cách dùng:',
      'Options:': 'Tùy chọn:',
      'Commands:': 'Lệnh:',
      'Arguments:': 'Tham số:',
      'Global Options:': 'Tùy chọn chung:',
    } as Record<string, string>,
    help: 'xem hướng dẫn của lệnh',
    version: 'in phiên bản của chitieu',
    errors: [
      [/^error: missing required argument '(.+)'$/, (a: string) => `lỗi: thiếu tham số bắt buộc <${a}>`],
      [/^error: required option '(.+)' not specified$/, (o: string) => `lỗi: thiếu tùy chọn bắt buộc ${o}`],
      [/^error: option '(.+)' argument missing$/, (o: string) => `lỗi: tùy chọn ${o} cần một giá trị`],
      [/^error: unknown option '(.+)'$/, (o: string) => `lỗi: không có tùy chọn ${o}`],
      [/^error: unknown command '(.+)'$/, (c: string) => `lỗi: không có lệnh ${c}`],
      [/^error: too many arguments.*$/, () => 'lỗi: thừa tham số'],
      [/^\(Did you mean (.+)\?\)$/, (s: string) => `(Có phải ý bạn là ${s}?)`],
    ] as [RegExp, (x: string) => string][],
  },
  en: {
    required: '(required)',
    titles: {} as Record<string, string>,
    help: 'display help for command',
    version: 'output the version number',
    errors: [] as [RegExp, (x: string) => string][],
  },
} satisfies Record<Lang, unknown>;

/**
 * Translate one line of commander's output (English as commander writes it).
 *
 * @example translateCommanderLine("error: required option '--year <year>' not specified", 'vi')
 * // 'lỗi: thiếu tùy chọn bắt buộc --year <year>'
 */
export function translateCommanderLine(line: string, lang: Lang): string {
  for (const [re, say] of WORDS[lang].errors) {
    const m = re.exec(line);
    if (m) return say(m[1] ?? '');
  }
  return line;
}

/**
 * Configure a program (before its commands are added: they inherit it) to speak `lang`: errors and
 * help headings translated, required options marked, help and version flags described.
 *
 * @example localizeCommander(new Command('chitieu'), 'vi')
 */
export function localizeCommander(program: Command, lang: Lang): Command {
  const w = WORDS[lang];
  program.configureOutput({
    outputError: (str, write) =>
      write(
        str
          .split('\n')
          .map((l) => translateCommanderLine(l, lang))
          .join('\n'),
      ),
  });
  program.configureHelp({
    styleTitle: (title: string) => w.titles[title] ?? title,
    optionDescription(this: Help, option: Option) {
      const base = Object.getPrototypeOf(this).optionDescription.call(this, option) as string;
      const described = lang === 'vi' ? base.replace(/\(default: /, '(mặc định: ') : base;
      return option.mandatory ? `${w.required} ${described}` : described;
    },
  } as Partial<Help>);
  program.helpOption('-h, --help', w.help);
  program.helpCommand('help [command]', w.help);
  return program;
}

export const versionDescription = (lang: Lang) => WORDS[lang].version;
