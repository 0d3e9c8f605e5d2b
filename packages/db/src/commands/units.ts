/**
 * Unit commands: the administrative hierarchy. A unit's parent must exist and lie outside the unit's
 * own subtree; a unit others refer to (plans, figures, roles) is not deleted. Reorganisations
 * (mergers, splits) are in repositories/lineage.ts and re-exported here.
 */
import type { Selectable } from 'kysely';
import { getUnit, unitIds } from '../repositories/domain.js';
import { createRecord, DomainError, deleteRecord, updateRecord } from '../repositories/records.js';
import { unitAncestors } from '../repositories/unit-scope.js';
import type { UnitTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import type { CommandContext } from './context.js';

export { type Reorganisation, reorganise } from '../repositories/lineage.js';

/** How the audit log names a unit: its entries belong to the unit itself. */
export const UNIT_SUBJECT = {
  entity: 'unit',
  code: (r: Record<string, unknown>) => String(r.code),
  unitId: (r: Record<string, unknown>) => Number(r.id),
};

/** A unit as given to a command; the parent by code ('' or null: a top-level unit). */
export interface UnitFields {
  code: string;
  name: string;
  level: string;
  parent?: string | null;
  adminCode?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** The parent's id, refusing an unknown parent and a parent inside the unit's own subtree. */
async function parentId(
  db: Executor,
  parent: string | null | undefined,
  self?: number,
): Promise<number | null> {
  if (parent == null || parent === '') return null;
  const id = (await unitIds(db, [parent])).get(parent);
  if (id === undefined)
    throw new DomainError('unknown-reference', [{ path: 'parent', kind: 'unit', subject: parent }]);
  if (self !== undefined && ((await unitAncestors(db, [id])).get(id) ?? []).includes(self))
    throw new DomainError('invalid', [{ path: 'parent', rule: 'parent-cycle', subject: parent }]);
  return id;
}

/** The columns of the fields given (a patch leaves the others alone). */
async function unitColumns(
  db: Executor,
  u: Partial<UnitFields>,
  self?: number,
): Promise<Record<string, unknown>> {
  const c: Record<string, unknown> = {};
  if (u.code !== undefined) c.code = u.code;
  if (u.name !== undefined) c.name = u.name;
  if (u.level !== undefined) c.level = u.level;
  if (u.parent !== undefined) c.parent_id = await parentId(db, u.parent, self);
  if (u.adminCode !== undefined) c.admin_code = u.adminCode;
  if (u.validFrom !== undefined) c.valid_from = u.validFrom;
  if (u.validTo !== undefined) c.valid_to = u.validTo;
  return c;
}

/**
 * Add a unit, audited.
 *
 * @example await createUnit(db, { code: '38101', name: 'Phường Ba Đình', level: 'commune', parent: '381' }, ctx)
 */
export async function createUnit(
  db: Executor,
  input: UnitFields,
  ctx: CommandContext = {},
): Promise<Selectable<UnitTable>> {
  return withTransaction(db, async (trx) => {
    const columns = await unitColumns(trx, {
      parent: null,
      adminCode: null,
      validFrom: null,
      validTo: null,
      ...input,
    });
    return createRecord(trx, 'units', UNIT_SUBJECT, columns as never, ctx);
  });
}

/**
 * Change a unit's fields when `version` is current (a new parent outside its own subtree).
 *
 * @example await updateUnit(db, '381', 2, { name: 'Thị xã Bỉm Sơn' }, ctx)
 */
export async function updateUnit(
  db: Executor,
  code: string,
  version: number,
  patch: Partial<UnitFields>,
  ctx: CommandContext = {},
): Promise<Selectable<UnitTable>> {
  return withTransaction(db, async (trx) => {
    const current = await getUnit(trx, code);
    if (!current) throw new DomainError('not-found');
    const columns = await unitColumns(trx, patch, current.id);
    return updateRecord(trx, 'units', UNIT_SUBJECT, current.id, version, columns, ctx);
  });
}

/**
 * Remove a unit nothing refers to (else `in-use`).
 *
 * @example await deleteUnit(db, 'TMP', 1, ctx)
 */
export async function deleteUnit(
  db: Executor,
  code: string,
  version: number,
  ctx: CommandContext = {},
): Promise<void> {
  const current = await getUnit(db, code);
  if (!current) throw new DomainError('not-found');
  await deleteRecord(db, 'units', UNIT_SUBJECT, current.id, version, ctx);
}
