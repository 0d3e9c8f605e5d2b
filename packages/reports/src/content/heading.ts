/**
 * The official heading (thể thức) of a report: which layout, which issuing body, number, place,
 * date and signature, derived from the plan's kind and unit. The choices are in docs/reports.md.
 */
import type { Lang, Plan, PlanKind, Unit } from '@chitieu/core';
import { t } from '../i18n.js';
import type { HeadingOptions, Layout, ReportType, Signer } from '../types.js';
import type { OfficialHeading } from './document.js';

/** Party resolutions follow Hướng dẫn 36-HD/VPTW; every other plan is a State document (NĐ 30/2020). */
export function layoutOf(kind: PlanKind): Layout {
  return kind === 'party-resolution' ? 'party' : 'state';
}

interface LevelInfo {
  /** Prefix as written in unit names. */
  prefix: string;
  /** Party committee of this level, e.g. "Thị ủy"; null when the committee is "Đảng ủy + prefix". */
  committee: string | null;
  /** Party document symbol: TU, HU, QU, ĐU. */
  symbol: string;
  en: string;
}

// Matched as a whole word followed by a space, so "Thị trấn" and "Thị xã" never clash.
const LEVELS: LevelInfo[] = [
  { prefix: 'Thành phố', committee: 'Thành ủy', symbol: 'TU', en: 'City' },
  { prefix: 'Thị trấn', committee: null, symbol: 'ĐU', en: 'Township' },
  { prefix: 'Thị xã', committee: 'Thị ủy', symbol: 'TU', en: 'Town' },
  { prefix: 'Tỉnh', committee: 'Tỉnh ủy', symbol: 'TU', en: 'Province' },
  { prefix: 'Huyện', committee: 'Huyện ủy', symbol: 'HU', en: 'District' },
  { prefix: 'Quận', committee: 'Quận ủy', symbol: 'QU', en: 'Urban District' },
  { prefix: 'Phường', committee: null, symbol: 'ĐU', en: 'Ward' },
  { prefix: 'Xã', committee: null, symbol: 'ĐU', en: 'Commune' },
];

/** Split "Thị xã Bỉm Sơn" into its level and proper name; unknown forms keep the whole name. */
export function splitUnitName(name: string): { level: LevelInfo | null; proper: string } {
  const trimmed = name.trim();
  for (const level of LEVELS) {
    if (trimmed.toLocaleLowerCase('vi').startsWith(`${level.prefix.toLocaleLowerCase('vi')} `)) {
      return { level, proper: trimmed.slice(level.prefix.length).trim() };
    }
  }
  return { level: null, proper: trimmed };
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "Thị ủy Bỉm Sơn", "Đảng ủy xã Hà Lan", "Bỉm Sơn Town Party Committee". */
function partyCommittee(unit: Unit, lang: Lang): string {
  const { level, proper } = splitUnitName(unit.name);
  if (lang === 'en') return `${proper}${level ? ` ${level.en}` : ''} Party Committee`;
  if (!level) return `Đảng ủy ${unit.name}`;
  return level.committee
    ? `${level.committee} ${proper}`
    : `Đảng ủy ${level.prefix.toLocaleLowerCase('vi')} ${proper}`;
}

function peoplesCommittee(unit: Unit, lang: Lang): string {
  const { level, proper } = splitUnitName(unit.name);
  if (lang === 'en') return `${proper}${level ? ` ${level.en}` : ''} People's Committee`;
  return `Ủy ban nhân dân ${level ? `${level.prefix.toLocaleLowerCase('vi')} ${proper}` : unit.name}`;
}

function partyOrganisation(unit: Unit, lang: Lang): string {
  const { level, proper } = splitUnitName(unit.name);
  if (lang === 'en') return `${proper}${level ? ` ${level.en}` : ''} Party Organisation`;
  return `Đảng bộ ${level ? `${level.prefix.toLocaleLowerCase('vi')} ${proper}` : unit.name}`;
}

/** T/M for the Party's collective body; TM. for the People's Committee (NĐ 30 abbreviations). */
function defaultSigner(layout: Layout, lang: Lang): Signer {
  if (lang === 'en') {
    return layout === 'party'
      ? { mandate: 'ON BEHALF OF THE STANDING COMMITTEE', role: 'SECRETARY' }
      : { mandate: "ON BEHALF OF THE PEOPLE'S COMMITTEE", role: 'CHAIRPERSON' };
  }
  return layout === 'party'
    ? { mandate: 'T/M BAN THƯỜNG VỤ', role: 'BÍ THƯ' }
    : { mandate: 'TM. ỦY BAN NHÂN DÂN', role: 'CHỦ TỊCH' };
}

function defaultRecipients(layout: Layout, unit: Unit, parent: Unit | undefined, lang: Lang): string[] {
  const committee = layout === 'party' ? partyCommittee(unit, lang) : peoplesCommittee(unit, lang);
  if (lang === 'en') {
    const up = parent
      ? [`${layout === 'party' ? partyCommittee(parent, lang) : peoplesCommittee(parent, lang)} (to report)`]
      : [];
    return [...up, 'Members of the committee', `Archive: Office of the ${committee}`];
  }
  if (layout === 'party') {
    const up = parent ? [`Ban Thường vụ ${partyCommittee(parent, lang)} (để báo cáo),`] : [];
    return [
      ...up,
      `Các đồng chí ${partyCommittee(unit, lang).split(' ').slice(0, 2).join(' ')} viên,`,
      `Lưu Văn phòng ${committee}.`,
    ];
  }
  const up = parent ? [`${peoplesCommittee(parent, lang)} (để báo cáo);`] : [];
  return [...up, 'Thường trực Hội đồng nhân dân;', 'Lưu: VT.'];
}

export interface HeadingInput {
  plan: Plan;
  units: readonly Unit[];
  type: ReportType;
  year: number;
  lang: Lang;
  options?: HeadingOptions;
}

/**
 * The heading, title and signature block of a report.
 *
 * @example
 * officialHeading({ plan, units, type: 'midterm', year: 2023, lang: 'vi' }).issuer
 * // ["ĐẢNG BỘ TỈNH THANH HÓA", "THỊ ỦY BỈM SƠN"]   (a party-resolution of "Thị xã Bỉm Sơn")
 */
export function officialHeading(input: HeadingInput): OfficialHeading {
  const { plan, units, type, year, lang } = input;
  const o = input.options ?? {};
  const layout = o.layout ?? layoutOf(plan.kind);
  const unit = units.find((u) => u.code === plan.unit) ?? { code: plan.unit, name: plan.unit, level: '' };
  const parent = unit.parent ? units.find((u) => u.code === unit.parent) : undefined;
  const { level, proper } = splitUnitName(unit.name);

  const committee = layout === 'party' ? partyCommittee(unit, lang) : peoplesCommittee(unit, lang);
  const issuer =
    o.issuer ??
    (layout === 'party'
      ? [...(parent ? [upper(partyOrganisation(parent, lang))] : []), upper(committee)]
      : lang === 'en'
        ? [upper(committee)]
        : ['ỦY BAN NHÂN DÂN', upper(level ? `${level.prefix} ${proper}` : unit.name)]);

  const symbol = layout === 'party' ? `BC/${level?.symbol ?? 'ĐU'}` : 'BC-UBND';
  // Party numbers read "Số 125-BC/TU"; State numbers "Số: 125/BC-UBND" (NĐ 30 puts a colon).
  const blank = '     ';
  const numberValue = o.number ?? (layout === 'party' ? `${blank}-${symbol}` : `${blank}/${symbol}`);
  const number = `${t(lang, 'numberLabel')}${layout === 'party' ? '' : ':'} ${numberValue}`;

  const date = o.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.date) : null;
  const placeDate = t(lang, 'placeDate', {
    place: o.place ?? proper,
    year: date ? Number(date[1]) : year,
    ...(date
      ? { month: String(Number(date[2])).padStart(2, '0'), day: String(Number(date[3])).padStart(2, '0') }
      : {}),
  });

  const title = lang === 'en' ? (plan.title.en ?? plan.title.vi) : plan.title.vi;
  const subjectText = t(lang, `subject.${type}`, { title, year });
  // Party subjects start in lower case (36-HD/VPTW); State subjects with a capital (NĐ 30).
  const subject =
    layout === 'state' || lang === 'en'
      ? subjectText.charAt(0).toLocaleUpperCase('vi') + subjectText.slice(1)
      : subjectText;

  return {
    layout,
    issuer,
    // NĐ 30 sets the whole name of the issuing People's Committee in bold; 36-HD/VPTW only the
    // committee, under its superior Party organisation in regular type.
    issuerBoldFrom: o.issuer || layout === 'party' ? Math.max(0, issuer.length - 1) : 0,
    number,
    numberValue,
    national: layout === 'party' ? [t(lang, 'partyName')] : [t(lang, 'stateName'), t(lang, 'stateMotto')],
    placeDate,
    docType: t(lang, 'docType'),
    subject,
    signer: o.signer ?? defaultSigner(layout, lang),
    recipients: o.recipients ?? defaultRecipients(layout, unit, parent, lang),
    recipientsLabel: t(lang, 'recipients'),
    committee,
  };
}
