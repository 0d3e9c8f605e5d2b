/**
 * Which encoding a plan file's bytes are in. chitieu reads UTF-8, with or without a byte-order mark;
 * anything else is recognised and refused by name with how to convert it, never read as mojibake:
 * UTF-16/32 (a byte-order mark, or the zero bytes of ASCII text), the legacy Vietnamese encodings
 * Windows-1258, TCVN3 (ABC) and VNI, and binary files (an Excel workbook given to `import`).
 */

export type Encoding =
  | { kind: 'utf-8'; text: string }
  | { kind: 'utf-16' | 'utf-32'; name: string; iconv: string }
  | { kind: 'legacy'; name: 'Windows-1258' | 'TCVN3 (ABC)' | 'VNI'; iconv?: string }
  | { kind: 'binary'; what?: string }
  | { kind: 'invalid'; line: number };

const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));
/** Windows-1258 combining tone marks: grave, acute, tilde, hook above, dot below. */
const CP1258_TONES = new Set([0xcc, 0xec, 0xde, 0xd2, 0xf2]);
/** Windows-1258 precomposed vowels that carry a tone mark after them (â ê ô ơ ư ă, either case). */
const CP1258_VOWELS = new Set([0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3, 0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3]);
/** VNI marks that follow a lowercase vowel (tones, circumflex, breve and their combinations). */
const VNI_MARKS_LOWER = new Set([
  0xf8, 0xf9, 0xfb, 0xf5, 0xef, 0xe2, 0xea, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb,
]);
const VNI_MARKS_UPPER = new Set([
  0xd8, 0xd9, 0xdb, 0xd5, 0xcf, 0xc2, 0xca, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4, 0xc9, 0xc8, 0xda, 0xdc, 0xcb,
]);

/** Zip (xlsx, docx, ods), the old Office compound file (xls, doc), PDF. */
function binaryKind(b: Uint8Array): string | null {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'Excel/Office (.xlsx, .docx, .zip)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'Excel/Word 97–2003 (.xls, .doc)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'PDF';
  return null;
}

/**
 * Recognise the encoding of a file's bytes and decode it when it is UTF-8 (the byte-order mark dropped).
 *
 * @example detectEncoding(new TextEncoder().encode('format: chitieu.plan/1')) // { kind: 'utf-8', text: 'format: chitieu.plan/1' }
 * @example detectEncoding(Uint8Array.from([0xff, 0xfe, 0x66, 0x00])) // { kind: 'utf-16', name: 'UTF-16 LE', iconv: 'UTF-16LE' }
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return { kind: 'utf-32', name: 'UTF-32 LE', iconv: 'UTF-32LE' };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return { kind: 'utf-32', name: 'UTF-32 BE', iconv: 'UTF-32BE' };
  if (b[0] === 0xff && b[1] === 0xfe) return { kind: 'utf-16', name: 'UTF-16 LE', iconv: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { kind: 'utf-16', name: 'UTF-16 BE', iconv: 'UTF-16BE' };
  const what = binaryKind(b);
  if (what) return { kind: 'binary', what };
  // Without a mark, UTF-16 text that is mostly ASCII has a zero in every other byte.
  const sample = b.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < oddZeros / 4)
    return { kind: 'utf-16', name: 'UTF-16 LE', iconv: 'UTF-16LE' };
  if (evenZeros > half * 0.3 && oddZeros < evenZeros / 4)
    return { kind: 'utf-16', name: 'UTF-16 BE', iconv: 'UTF-16BE' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
    // A text file holds no NUL bytes; a few in an otherwise valid file mean binary content.
    return text.includes('\u0000') && evenZeros + oddZeros > 8 ? { kind: 'binary' } : { kind: 'utf-8', text };
  } catch {
    return legacy(b);
  }
}

/** Score the three legacy Vietnamese encodings on the byte patterns only each of them produces. */
function legacy(b: Uint8Array): Encoding {
  let tcvn3 = 0;
  let vni = 0;
  let cp1258 = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i] as number;
    if (x < 0x80) continue;
    const prev = i > 0 ? (b[i - 1] as number) : 0;
    // TCVN3 puts its commonest letters (à á ả ã ạ ă â ê ô ơ ư đ) in A1–BF, where VNI has nothing and
    // Windows-1258 only symbols.
    if (x >= 0xa1 && x <= 0xbf) tcvn3++;
    if (CP1258_TONES.has(x) && (VOWELS.has(prev) || CP1258_VOWELS.has(prev))) cp1258++;
    if (prev >= 0x61 && VOWELS.has(prev) && VNI_MARKS_LOWER.has(x)) vni++;
    else if (prev < 0x61 && VOWELS.has(prev) && VNI_MARKS_UPPER.has(x)) vni++;
    else if ((x === 0xf1 || x === 0xd1) && prev < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(prev)))
      vni++;
  }
  const best = Math.max(tcvn3, vni, cp1258);
  if (best === 0) return { kind: 'invalid', line: firstBadLine(b) };
  if (best === cp1258) return { kind: 'legacy', name: 'Windows-1258', iconv: 'CP1258' };
  if (best === tcvn3) return { kind: 'legacy', name: 'TCVN3 (ABC)' };
  return { kind: 'legacy', name: 'VNI' };
}

/** The line of the first byte that is not valid UTF-8. */
function firstBadLine(b: Uint8Array): number {
  const dec = new TextDecoder('utf-8');
  const text = dec.decode(b);
  const at = text.indexOf('\ufffd');
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
