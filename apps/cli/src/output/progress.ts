/**
 * A one-line progress display for long work (reading and importing a national plan file): written to
 * stderr only on a terminal, rewritten in place, erased when done — never in a pipe, a log or a test.
 */
import type { Lang } from '@chitieu/core';

const SAY = {
  vi: {
    read: (file: string) => `Đang đọc và kiểm tra ${file}…`,
    write: (n: string) => `Đang ghi vào cơ sở dữ liệu (${n} số liệu), trong một giao dịch…`,
  },
  en: {
    read: (file: string) => `Reading and checking ${file}…`,
    write: (n: string) => `Writing to the database (${n} figures), in one transaction…`,
  },
} satisfies Record<Lang, unknown>;

export interface Progress {
  step(what: keyof (typeof SAY)['vi'], detail: string): void;
  done(): void;
}

/**
 * The progress line of one run; silent when stderr is not a terminal.
 *
 * @example const p = progressLine('vi'); p.step('read', 'ke-hoach.yaml'); …; p.done();
 */
export function progressLine(lang: Lang, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let shown = false;
  let started = 0;
  let timer: NodeJS.Timeout | undefined;
  const clear = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    step(what, detail) {
      if (!tty) return;
      clear();
      const text = SAY[lang][what](detail);
      started = Date.now();
      const draw = () => {
        const s = Math.floor((Date.now() - started) / 1000);
        stream.write(`\r\x1b[2K${text}${s > 0 ? ` ${s} s` : ''}`);
        shown = true;
      };
      draw();
      timer = setInterval(draw, 1000);
      timer.unref();
    },
    done: clear,
  };
}
