import type { Plan, Unit } from '@chitieu/core';
import { describe, expect, it } from 'vitest';
import { layoutOf, officialHeading, splitUnitName } from './heading.js';

const units: Unit[] = [
  { code: '38', name: 'Tỉnh Thanh Hóa', level: 'province' },
  { code: '381', name: 'Thị xã Bỉm Sơn', level: 'district', parent: '38' },
  { code: '382', name: 'Huyện Hà Trung', level: 'district', parent: '38' },
  { code: '38101', name: 'Phường Ba Đình', level: 'commune', parent: '381' },
];
const plan = (over: Partial<Plan>): Plan => ({
  code: 'NQ-XI',
  title: { vi: 'Nghị quyết Đại hội Đảng bộ thị xã lần thứ XI, nhiệm kỳ 2020–2025' },
  unit: '381',
  kind: 'party-resolution',
  baselineYear: 2020,
  targetYear: 2025,
  methodology: 'chitieu',
  targets: [],
  ...over,
});

describe('official heading', () => {
  it('Party resolutions follow 36-HD/VPTW; every other kind is a State document', () => {
    expect(layoutOf('party-resolution')).toBe('party');
    for (const k of ['council-resolution', 'socio-economic-plan', 'annual-plan', 'sdg', 'other'] as const) {
      expect(layoutOf(k)).toBe('state');
    }
  });

  it('names the Party committee of the unit under its parent Party organisation', () => {
    const h = officialHeading({ plan: plan({}), units, type: 'midterm', year: 2023, lang: 'vi' });
    expect(h.issuer).toEqual(['ĐẢNG BỘ TỈNH THANH HÓA', 'THỊ ỦY BỈM SƠN']);
    expect(h.number).toBe('Số      -BC/TU');
    expect(h.national).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(h.placeDate).toBe('Bỉm Sơn, ngày     tháng     năm 2023');
    expect(h.subject).toBe(
      'sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ thị xã lần thứ XI, nhiệm kỳ 2020–2025',
    );
    expect(h.signer).toEqual({ mandate: 'T/M BAN THƯỜNG VỤ', role: 'BÍ THƯ' });
    expect(h.recipients[0]).toBe('Ban Thường vụ Tỉnh ủy Thanh Hóa (để báo cáo),');
    expect(h.committee).toBe('Thị ủy Bỉm Sơn');
  });

  it('uses the committee and symbol of each level: Huyện ủy (HU), Đảng ủy phường (ĐU)', () => {
    const district = officialHeading({
      plan: plan({ unit: '382' }),
      units,
      type: 'annual',
      year: 2023,
      lang: 'vi',
    });
    expect(district.issuer).toEqual(['ĐẢNG BỘ TỈNH THANH HÓA', 'HUYỆN ỦY HÀ TRUNG']);
    expect(district.number).toBe('Số      -BC/HU');
    const ward = officialHeading({
      plan: plan({ unit: '38101' }),
      units,
      type: 'annual',
      year: 2023,
      lang: 'vi',
    });
    expect(ward.issuer).toEqual(['ĐẢNG BỘ THỊ XÃ BỈM SƠN', 'ĐẢNG ỦY PHƯỜNG BA ĐÌNH']);
    expect(ward.number).toBe('Số      -BC/ĐU');
  });

  it('gives a State plan the People’s Committee, the national motto and a capitalised subject', () => {
    const h = officialHeading({
      plan: plan({
        kind: 'socio-economic-plan',
        title: { vi: 'Kế hoạch phát triển kinh tế - xã hội 5 năm 2021–2025' },
      }),
      units,
      type: 'final',
      year: 2025,
      lang: 'vi',
    });
    expect(h.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ BỈM SƠN']);
    expect(h.number).toBe('Số:      /BC-UBND');
    expect(h.national).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(h.subject).toBe(
      'Tổng kết nhiệm kỳ thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021–2025',
    );
    expect(h.signer).toEqual({ mandate: 'TM. ỦY BAN NHÂN DÂN', role: 'CHỦ TỊCH' });
  });

  it('lets the user set number, date, place, signer (K/T) and recipients', () => {
    const h = officialHeading({
      plan: plan({ kind: 'council-resolution' }),
      units,
      type: 'midterm',
      year: 2023,
      lang: 'vi',
      options: {
        number: '125/BC-UBND',
        date: '2023-06-05',
        place: 'Thanh Hóa',
        signer: { mandate: 'KT. CHỦ TỊCH', role: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' },
        recipients: ['Như trên;', 'Lưu: VT.'],
      },
    });
    expect(h.number).toBe('Số: 125/BC-UBND');
    expect(h.placeDate).toBe('Thanh Hóa, ngày 05 tháng 06 năm 2023');
    expect(h.signer.mandate).toBe('KT. CHỦ TỊCH');
    expect(h.recipients).toEqual(['Như trên;', 'Lưu: VT.']);
  });

  it('has an English version', () => {
    const h = officialHeading({ plan: plan({}), units, type: 'midterm', year: 2023, lang: 'en' });
    expect(h.issuer).toEqual(['THANH HÓA PROVINCE PARTY ORGANISATION', 'BỈM SƠN TOWN PARTY COMMITTEE']);
    expect(h.national).toEqual(['COMMUNIST PARTY OF VIETNAM']);
    expect(h.docType).toBe('REPORT');
    expect(h.subject.startsWith('Mid-term review of the implementation of the ')).toBe(true);
  });

  it('splits unit names into level and proper name, keeping unknown forms whole', () => {
    expect(splitUnitName('Thị trấn Hà Trung').proper).toBe('Hà Trung');
    expect(splitUnitName('Thị trấn Hà Trung').level?.prefix).toBe('Thị trấn');
    expect(splitUnitName('Thành phố Thanh Hóa').level?.prefix).toBe('Thành phố');
    expect(splitUnitName('Khu kinh tế Nghi Sơn')).toEqual({ level: null, proper: 'Khu kinh tế Nghi Sơn' });
  });
});
