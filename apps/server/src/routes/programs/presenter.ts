import type { NoteOut, ProgramOut, TaskOut } from '@chitieu/contract';
import type { NoteRecord, ProgramRecord, TaskRecord } from '@chitieu/db';
import { jsonList, metaOf, textOf } from '../kit.js';

/**
 * A program, breakthrough or task group as the API shows it.
 *
 * @example presentProgram(row) // { id: 1, plan: 'NQ-XI', code: 'CT1', kind: 'program', targets: ['4', '2'], … }
 */
export function presentProgram(p: ProgramRecord): ProgramOut {
  return {
    id: Number(p.id),
    plan: p.plan_code,
    code: p.code,
    position: p.position,
    kind: p.kind,
    title: textOf(p.title_vi, p.title_en),
    lead: p.lead,
    coAgencies: jsonList(p.co_agencies),
    targets: p.target_codes,
    ...metaOf(p),
  };
}

/** A task as the API shows it. */
export function presentTask(t: TaskRecord): TaskOut {
  return {
    id: Number(t.id),
    plan: t.plan_code,
    program: { id: Number(t.program_id), code: t.program_code },
    code: t.code,
    position: t.position,
    title: textOf(t.title_vi, t.title_en),
    lead: t.lead,
    coAgencies: jsonList(t.co_agencies),
    due: t.due,
    status: t.status,
    progress: t.progress,
    targets: t.target_codes,
    ...metaOf(t),
  };
}

/** A dated progress note as the API shows it. */
export function presentNote(n: NoteRecord): NoteOut {
  return {
    id: Number(n.id),
    task: Number(n.task_id),
    date: n.date,
    progress: n.progress,
    text: textOf(n.text_vi, n.text_en),
    actor: n.actor,
    ...metaOf(n),
  };
}
