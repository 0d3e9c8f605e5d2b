import type { lineageOut, UnitOut } from '@chitieu/contract';
import type { LineageRecord, UnitRecord } from '@chitieu/db';
import type { z } from 'zod';
import { metaOf } from '../kit.js';

/**
 * A unit as the API shows it.
 *
 * @example presentUnit(row) // { code: '381', name: 'Thị xã Bỉm Sơn', level: 'district', parent: '38', version: 1, … }
 */
export function presentUnit(u: UnitRecord): UnitOut {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    parent: u.parent_code ?? null,
    adminCode: u.admin_code,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    ...metaOf(u),
  };
}

/** One reorganisation step. */
export function presentLineage(l: LineageRecord): z.infer<typeof lineageOut> {
  return {
    id: Number(l.id),
    kind: l.kind as 'merge' | 'split',
    predecessor: l.predecessor_code,
    successor: l.successor_code,
    effective: l.effective,
    note: l.note,
  };
}
