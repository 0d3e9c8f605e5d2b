/**
 * A table of bad plan files, each with the problems it must get: code, path and (where the reader can
 * place it) line and column. Shared by the plan-file reader's tests, the import tests that prove the
 * database untouched, and — next to it, in the same shape — the API's bad request bodies
 * (`BadInput` with `body` instead of `file`). Pure data: no Node, so a browser test can use it too.
 */

export interface ExpectedProblem {
  code: string;
  /** `values[1].stauts`; '' for the file as a whole. */
  path: string;
  line?: number;
  column?: number;
}

export interface BadPlanFile {
  name: string;
  /** File name (its extension says JSON or YAML to a reader that cares). */
  file: string;
  content: string | Uint8Array;
  /** Every problem, in any order; no other problem may be reported. */
  expect: ExpectedProblem[];
}

/**
 * A bad API request body, in the same shape as a bad file: the API's corpus sits beside this one
 * (`expect` paths are relative to the body, e.g. `stauts`; `status` is the HTTP status, 422 by default).
 */
export interface BadApiBody {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body: unknown;
  status?: number;
  expect: ExpectedProblem[];
}

/** A valid plan file, one record per line so that a case can replace a line and know its number. */
export const GOOD_PLAN_LINES: readonly string[] = [
  'format: chitieu.plan/1',
  'units:',
  '  - { code: "50", name: Tỉnh Mẫu, level: province }',
  '  - { code: "502", name: Thị xã An Phú, level: district, parent: "50" }',
  'indicators:',
  '  - { code: GO, name: Giá trị sản xuất, unit: tỷ đồng, direction: up, bounds: [0, null] }',
  '  - { code: BHYT, name: Tỷ lệ dân số tham gia bảo hiểm y tế, unit: "%", direction: up }',
  '  - { code: GRDP, name: Tốc độ tăng GRDP, unit: "%", direction: up }',
  '  - { code: FIRE, name: Số vụ cháy rừng, unit: vụ, direction: down, bounds: [0, null] }',
  'plans:',
  '  - code: NQ',
  '    title: Nghị quyết mẫu',
  '    unit: "502"',
  '    baselineYear: 2020',
  '    targetYear: 2025',
  '    targets:',
  '      - { code: "1", text: Tăng GO, indicator: GO, kind: avg-growth, value: 10 }',
  '      - { code: "2", text: BHYT đạt 95, indicator: BHYT, kind: level, value: 95 }',
  '      - { code: "3", text: GRDP bình quân 7, indicator: GRDP, kind: avg-growth, value: 7, input: rates }',
  '      - { code: "4", text: Không để cháy rừng, indicator: FIRE, kind: level, value: 0 }',
  '      - { code: "5", text: Mỗi năm BHYT trên 90, indicator: BHYT, kind: annual, value: 90, every: true }',
  'values:',
  '  - { indicator: GO, unit: "502", year: 2020, value: 15372.0 }',
  '  - { indicator: GO, unit: "502", year: 2023, value: 18997.6, status: estimate }',
  '  - { indicator: BHYT, unit: "502", year: 2023, value: 92.5 }',
  '  - { indicator: GRDP, unit: "502", year: 2021, value: -1.5 }',
  '  - { indicator: FIRE, unit: "502", year: 2023, value: 0 }',
];
export const GOOD_PLAN_YAML = `${GOOD_PLAN_LINES.join('\n')}\n`;

/** Line numbers (1-based) of GOOD_PLAN_LINES a case replaces. */
const L = {
  unit50: 3,
  planBaseline: 14,
  target2: 18,
  valueGo2023: 24,
  valueBhyt: 25,
  valueFire: 27,
  indicatorGo: 6,
} as const;

/** The good plan with line `n` (1-based) replaced. */
function withLine(n: number, text: string): string {
  const lines = [...GOOD_PLAN_LINES];
  lines[n - 1] = text;
  return `${lines.join('\n')}\n`;
}

/** A problem at the first occurrence of `token` on line `n` of `text`. */
function at(code: string, path: string, n: number, text: string, token: string): ExpectedProblem {
  const column = text.indexOf(token) + 1;
  if (column === 0) throw new Error(`corpus: "${token}" is not on line ${n}`);
  return { code, path, line: n, column };
}

/** A case that replaces one line and expects problems on that line (tokens located in it). */
function lineCase(
  name: string,
  n: number,
  text: string,
  problems: [code: string, path: string, token: string][],
): BadPlanFile {
  return {
    name,
    file: `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.yaml`,
    content: withLine(n, text),
    expect: problems.map(([code, path, token]) => at(code, path, n, text, token)),
  };
}

/** A JSON file given line by line, with problems located by a token on a line. */
function jsonCase(
  name: string,
  lines: string[],
  problems: [code: string, path: string, line: number, token: string][],
): BadPlanFile {
  return {
    name,
    file: `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`,
    content: `${lines.join('\n')}\n`,
    expect: problems.map(([code, path, n, token]) => at(code, path, n, lines[n - 1] ?? '', token)),
  };
}

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A short ASCII skeleton around a unit name written in a legacy encoding. */
const legacyFile = (name: number[]) =>
  bytes('format: chitieu.plan/1\nunits:\n  - { code: "50", name: ', name, ', level: province }\n');

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

const V = GOOD_PLAN_LINES;

export const BAD_PLAN_FILES: readonly BadPlanFile[] = [
  lineCase('misspelt key stauts', L.valueGo2023, V[23]?.replace('status:', 'stauts:') ?? '', [
    ['unknown-key', 'values[1].stauts', 'stauts'],
  ]),
  lineCase(
    'Vietnamese number split in a flow mapping',
    L.valueGo2023,
    '  - { indicator: GO, unit: "502", year: 2023, value: 18.997,6, status: estimate }',
    [['not-key-value', 'values[1].6', '6, status']],
  ),
  lineCase(
    'Vietnamese number as text',
    L.valueGo2023,
    '  - { indicator: GO, unit: "502", year: 2023, value: "18.997,6", status: estimate }',
    [['not-a-number', 'values[1].value', '"18.997,6"']],
  ),
  lineCase('a share of 250 %', L.valueBhyt, '  - { indicator: BHYT, unit: "502", year: 2023, value: 250 }', [
    ['out-of-bounds', 'values[2].value', '250'],
  ]),
  lineCase(
    'minus five forest fires',
    L.valueFire,
    '  - { indicator: FIRE, unit: "502", year: 2023, value: -5 }',
    [['out-of-bounds', 'values[4].value', '-5']],
  ),
  lineCase('a value for 2099', L.valueBhyt, '  - { indicator: BHYT, unit: "502", year: 2099, value: 92.5 }', [
    ['year-implausible', 'values[2].year', '2099'],
  ]),
  lineCase('a value for 1023', L.valueBhyt, '  - { indicator: BHYT, unit: "502", year: 1023, value: 92.5 }', [
    ['too-small', 'values[2].year', '1023'],
  ]),
  lineCase(
    'a level goal of 250 % on a share',
    L.target2,
    '      - { code: "2", text: BHYT đạt 250, indicator: BHYT, kind: level, value: 250 }',
    [['goal-out-of-bounds', 'plans[0].targets[1].value', '250 }']],
  ),
  lineCase(
    'the API target that the plan file refused',
    L.target2,
    '      - { code: "2", text: x, indicator: BHYT, kind: level, value: 5, low: 1, high: 9, input: rates, expected: exceed }',
    [
      ['value-and-range', 'plans[0].targets[1].value', '5'],
      ['input-only-avg-growth', 'plans[0].targets[1].input', 'rates'],
      ['expected-only-milestone', 'plans[0].targets[1].expected', 'exceed'],
    ],
  ),
  lineCase(
    'every on a level target',
    L.target2,
    '      - { code: "2", text: BHYT đạt 95, indicator: BHYT, kind: level, value: 95, every: true }',
    [['every-only-annual', 'plans[0].targets[1].every', 'true']],
  ),
  lineCase(
    'bounds upside down',
    L.indicatorGo,
    '  - { code: GO, name: GO, unit: tỷ đồng, direction: up, bounds: [100, 0] }',
    [['min-above-max', 'indicators[0].bounds', '[100, 0]']],
  ),
  lineCase('mojibake in a name', L.unit50, '  - { code: "50", name: Thanh HÃ³a, level: province }', [
    ['mojibake', 'units[0].name', 'Thanh'],
  ]),
  {
    name: 'misspelt plan key: the closest key, and the missing one',
    file: 'baseline.yaml',
    content: withLine(L.planBaseline, '    baselineYaer: 2020'),
    expect: [
      { code: 'unknown-key', path: 'plans[0].baselineYaer', line: L.planBaseline, column: 5 },
      // A missing field has no place of its own: it is shown at its record.
      { code: 'required', path: 'plans[0].baselineYear', line: 11, column: 5 },
    ],
  },
  jsonCase(
    'JSON with an unknown key, a control character and a NUL',
    [
      '{',
      '  "format": "chitieu.plan/1",',
      '  "units": [',
      '    {"code": "50", "name": "Tỉnh\\u0007 Mẫu", "level": "province", "colour": "red"},',
      '    {"code": "51\\u0000", "name": "x", "level": "province"}',
      '  ]',
      '}',
    ],
    [
      // A value's problem is shown where the value starts, an unknown key where the key is written.
      ['control-char', 'units[0].name', 4, '"Tỉnh'],
      ['unknown-key', 'units[0].colour', 4, '"colour"'],
      ['nul-char', 'units[1].code', 5, '"51'],
    ],
  ),
  {
    name: 'UTF-16 LE with a byte-order mark',
    file: 'utf16le.yaml',
    content: utf16(GOOD_PLAN_YAML, true, true),
    expect: [{ code: 'encoding-utf16', path: '' }],
  },
  {
    name: 'UTF-16 BE with a byte-order mark',
    file: 'utf16be.yaml',
    content: utf16(GOOD_PLAN_YAML, false, true),
    expect: [{ code: 'encoding-utf16', path: '' }],
  },
  {
    name: 'UTF-16 LE without a byte-order mark',
    file: 'utf16-nobom.yaml',
    content: utf16(GOOD_PLAN_YAML, true, false),
    expect: [{ code: 'encoding-utf16', path: '' }],
  },
  {
    // "Tỉnh Thanh Hóa, Thị xã Bỉm Sơn": tones as combining marks after the vowel.
    name: 'Windows-1258',
    file: 'cp1258.yaml',
    content: legacyFile([
      ...[0x54, 0x69, 0xd2, 0x6e, 0x68, 0x20],
      ...[...'Thanh H'].map((c) => c.charCodeAt(0)),
      ...[0xf3, 0x61, 0x2c, 0x20, 0x54, 0x68, 0x69, 0xf2, 0x20, 0x78, 0x61, 0xde, 0x20],
      ...[0x42, 0x69, 0xd2, 0x6d, 0x20, 0x53, 0xf5, 0x6e],
    ]),
    expect: [{ code: 'encoding-legacy', path: '' }],
  },
  {
    // The same in TCVN3 (ABC): precomposed letters in one byte each.
    name: 'TCVN3',
    file: 'tcvn3.yaml',
    content: legacyFile([
      ...[0x54, 0xd8, 0x6e, 0x68, 0x20],
      ...[...'Thanh H'].map((c) => c.charCodeAt(0)),
      ...[0xe3, 0x61, 0x2c, 0x20, 0x54, 0x68, 0xde, 0x20, 0x78, 0xb7, 0x20],
      ...[0x42, 0xd8, 0x6d, 0x20, 0x53, 0xac, 0x6e],
    ]),
    expect: [{ code: 'encoding-legacy', path: '' }],
  },
  {
    // The same in VNI: a mark byte after the base letter.
    name: 'VNI',
    file: 'vni.yaml',
    content: legacyFile([
      ...[0x54, 0xe6, 0x6e, 0x68, 0x20],
      ...[...'Thanh H'].map((c) => c.charCodeAt(0)),
      ...[0x6f, 0xf9, 0x61, 0x2c, 0x20, 0x54, 0x68, 0xf2, 0x20, 0x78, 0x61, 0xf5, 0x20],
      ...[0x42, 0xe6, 0x6d, 0x20, 0x53, 0xf4, 0x6e],
    ]),
    expect: [{ code: 'encoding-legacy', path: '' }],
  },
  {
    name: 'an Excel workbook',
    file: 'so-lieu.yaml',
    content: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], '[Content_Types].xml'),
    expect: [{ code: 'binary-file', path: '' }],
  },
];

/** The legacy encoding each legacy case must be named with. */
export const LEGACY_NAMES: Record<string, string> = {
  'Windows-1258': 'Windows-1258',
  TCVN3: 'TCVN3',
  VNI: 'VNI',
};
