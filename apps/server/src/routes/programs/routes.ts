import {
  noteCreate,
  noteListQuery,
  noteOut,
  noteParams,
  notePatch,
  planParams,
  programCreate,
  programListQuery,
  programOut,
  programParams,
  programPatch,
  taskCreate,
  taskListQuery,
  taskOut,
  taskPatch,
} from '@chitieu/contract';
import {
  createRecord,
  DomainError,
  type Executor,
  getNote,
  getPlan,
  getProgram,
  getTask,
  listNotes,
  listPrograms,
  listTasks,
  nextPosition,
  setLinkedTargets,
  targetIds,
  withTransaction,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../errors.js';
import {
  deleteRoute,
  found,
  listJson,
  pageOf,
  patchRoute,
  presentPage,
  writeContext,
  writeErrors,
} from '../kit.js';
import { presentNote, presentProgram, presentTask } from './presenter.js';

const PROGRAM = { entity: 'program' };
const TASK = { entity: 'task' };
const NOTE = { entity: 'progress-note' };

const planRead = {
  role: 'viewer',
  unit: { in: 'params', path: 'code', is: 'plan-code' },
  publicPlans: true,
} as const;
const planManage = { role: 'manager', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;
const planEdit = { role: 'editor', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;

/** Ids of target codes of a plan, in order; an unknown code is a 422. */
async function targetIdsOf(db: Executor, planId: number, codes: readonly string[]): Promise<number[]> {
  const ids = await targetIds(db, planId, codes);
  const unknown = codes.flatMap((c, i) =>
    ids.has(c) ? [] : [{ path: `targets[${i}]`, rule: 'targets-of-plan', subject: c }],
  );
  if (unknown.length > 0) throw new DomainError('invalid', unknown);
  return codes.map((c) => ids.get(c) ?? 0);
}

type Texted = { title?: { vi: string; en?: string | null } | undefined };
/** Columns shared by programs and tasks, from API fields; only the fields given. */
function commonColumns(
  b: Texted & Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (b.title !== undefined) {
    c.title_vi = b.title.vi;
    c.title_en = b.title.en ?? null;
  }
  if (b.coAgencies !== undefined) c.co_agencies = listJson(b.coAgencies as string[] | null);
  for (const f of fields) if (b[f] !== undefined) c[f] = b[f] ?? null;
  return c;
}

/**
 * Programs (chương trình trọng tâm), breakthroughs (khâu đột phá) and task groups of a plan, their
 * tasks (lead, co-agencies, due date, status, progress, linked targets) and dated progress notes.
 */
export const programRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const planOf = async (code: string) => found(await getPlan(db(), code));
  const programOf = async (plan: string, id: number) => {
    const p = await getProgram(db(), id);
    return found(p && p.plan_code === plan ? p : undefined);
  };
  const taskOf = async (plan: string, id: number) => {
    const t = await getTask(db(), id);
    return found(t && t.plan_code === plan ? t : undefined);
  };
  const noteOf = async (plan: string, id: number) => {
    const n = await getNote(db(), id);
    if (n) await taskOf(plan, n.task_id);
    return found(n);
  };

  /** The link change of a program or task, when the body names its targets. */
  const relink = async (
    current: { id: number; plan_id: number; target_codes: string[] },
    table: 'program_targets' | 'task_targets',
    targets: string[] | null | undefined,
  ) => {
    if (targets === undefined) return undefined;
    const links = await targetIdsOf(db(), current.plan_id, targets ?? []);
    return {
      old: { targets: current.target_codes },
      new: { targets: targets ?? [] },
      write: (trx: Executor) => setLinkedTargets(trx, table, current.id, links),
    };
  };

  // ------------------------------------------------------------------------- programs
  app.get(
    '/plans/:code/programs',
    {
      config: { access: planRead },
      schema: {
        tags: ['programs'],
        params: planParams,
        querystring: programListQuery,
        response: { 200: pageOf(programOut), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const plan = await planOf(request.params.code);
      const { limit, offset, ...filter } = request.query;
      return presentPage(
        await listPrograms(db(), plan.id, filter, { limit, offset }),
        { limit, offset },
        presentProgram,
      );
    },
  );

  app.post(
    '/plans/:code/programs',
    {
      config: { access: planManage },
      schema: {
        tags: ['programs'],
        params: planParams,
        body: programCreate,
        response: { 201: programOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const plan = await planOf(request.params.code);
      const b = request.body;
      const id = await withTransaction(db(), async (trx) => {
        const links = await targetIdsOf(trx, plan.id, b.targets ?? []);
        const position =
          b.position ?? (await nextPosition(trx, 'programs', { column: 'plan_id', id: plan.id }));
        const row = await createRecord(
          trx,
          'programs',
          PROGRAM,
          {
            ...commonColumns({ lead: null, coAgencies: null, ...b }, ['code', 'kind', 'lead']),
            plan_id: plan.id,
            position,
          } as never,
          writeContext(request),
        );
        await setLinkedTargets(trx, 'program_targets', row.id, links);
        return row.id;
      });
      return reply.code(201).send(presentProgram(found(await getProgram(db(), id))));
    },
  );

  app.get(
    '/plans/:code/programs/:id',
    {
      config: { access: planRead },
      schema: {
        tags: ['programs'],
        params: programParams,
        response: { 200: programOut, 404: errorBodySchema },
      },
    },
    async (request) => presentProgram(await programOf(request.params.code, request.params.id)),
  );

  patchRoute(app, '/plans/:code/programs/:id', {
    access: planManage,
    tags: ['programs'],
    params: programParams,
    body: programPatch,
    response: programOut,
    table: 'programs',
    subject: PROGRAM,
    load: (p) => programOf(p.code, p.id),
    changes: async ({ targets, ...patch }, current) => ({
      columns: commonColumns(patch, ['code', 'kind', 'lead', 'position']),
      also: await relink(current, 'program_targets', targets),
    }),
    present: async (row) => presentProgram(found(await getProgram(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/programs/:id', {
    access: planManage,
    tags: ['programs'],
    description: 'Delete a program with its tasks and their notes.',
    params: programParams,
    table: 'programs',
    subject: PROGRAM,
    load: (p) => programOf(p.code, p.id),
    present: async (row) => presentProgram(found(await getProgram(db(), row.id))),
  });

  // ------------------------------------------------------------------------- tasks
  app.get(
    '/plans/:code/tasks',
    {
      config: { access: planRead },
      schema: {
        tags: ['tasks'],
        params: planParams,
        querystring: taskListQuery,
        response: { 200: pageOf(taskOut), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const plan = await planOf(request.params.code);
      const { limit, offset, ...filter } = request.query;
      return presentPage(
        await listTasks(db(), { ...filter, plan: plan.id }, { limit, offset }),
        { limit, offset },
        presentTask,
      );
    },
  );

  app.post(
    '/plans/:code/programs/:id/tasks',
    {
      config: { access: planManage },
      schema: {
        tags: ['tasks'],
        params: programParams,
        body: taskCreate,
        response: { 201: taskOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const program = await programOf(request.params.code, request.params.id);
      const b = request.body;
      const id = await withTransaction(db(), async (trx) => {
        const links = await targetIdsOf(trx, program.plan_id, b.targets ?? []);
        const position =
          b.position ?? (await nextPosition(trx, 'tasks', { column: 'program_id', id: program.id }));
        const row = await createRecord(
          trx,
          'tasks',
          TASK,
          {
            ...commonColumns(
              { lead: null, coAgencies: null, due: null, status: null, progress: null, ...b },
              ['code', 'lead', 'due', 'status', 'progress'],
            ),
            program_id: program.id,
            position,
          } as never,
          writeContext(request),
        );
        await setLinkedTargets(trx, 'task_targets', row.id, links);
        return row.id;
      });
      return reply.code(201).send(presentTask(found(await getTask(db(), id))));
    },
  );

  const taskParams = programParams;
  app.get(
    '/plans/:code/tasks/:id',
    {
      config: { access: planRead },
      schema: { tags: ['tasks'], params: taskParams, response: { 200: taskOut, 404: errorBodySchema } },
    },
    async (request) => presentTask(await taskOf(request.params.code, request.params.id)),
  );

  patchRoute(app, '/plans/:code/tasks/:id', {
    access: planEdit,
    tags: ['tasks'],
    params: taskParams,
    body: taskPatch,
    response: taskOut,
    table: 'tasks',
    subject: TASK,
    load: (p) => taskOf(p.code, p.id),
    changes: async ({ targets, ...patch }, current) => ({
      columns: commonColumns(patch, ['code', 'lead', 'due', 'status', 'progress', 'position']),
      also: await relink(current, 'task_targets', targets),
    }),
    present: async (row) => presentTask(found(await getTask(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/tasks/:id', {
    access: planManage,
    tags: ['tasks'],
    params: taskParams,
    table: 'tasks',
    subject: TASK,
    load: (p) => taskOf(p.code, p.id),
    present: async (row) => presentTask(found(await getTask(db(), row.id))),
  });

  // ------------------------------------------------------------------------- progress notes
  app.get(
    '/plans/:code/tasks/:id/notes',
    {
      config: { access: planRead },
      schema: {
        tags: ['tasks'],
        params: taskParams,
        querystring: noteListQuery,
        response: { 200: pageOf(noteOut), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const task = await taskOf(request.params.code, request.params.id);
      const { limit, offset } = request.query;
      return presentPage(await listNotes(db(), task.id, { limit, offset }), { limit, offset }, presentNote);
    },
  );

  app.post(
    '/plans/:code/tasks/:id/notes',
    {
      config: { access: planEdit },
      schema: {
        tags: ['tasks'],
        description: 'Add a dated progress note (the task keeps its own progress field).',
        params: taskParams,
        body: noteCreate,
        response: { 201: noteOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const task = await taskOf(request.params.code, request.params.id);
      const b = request.body;
      const ctx = writeContext(request);
      const row = await createRecord(
        db(),
        'progress_notes',
        NOTE,
        {
          task_id: task.id,
          date: b.date,
          progress: b.progress ?? null,
          text_vi: b.text.vi,
          text_en: b.text.en ?? null,
          actor: ctx.actor?.username ?? null,
        },
        ctx,
      );
      return reply.code(201).send(presentNote(found(await getNote(db(), row.id))));
    },
  );

  patchRoute(app, '/plans/:code/notes/:id', {
    access: planEdit,
    tags: ['tasks'],
    params: noteParams,
    body: notePatch,
    response: noteOut,
    table: 'progress_notes',
    subject: NOTE,
    load: (p) => noteOf(p.code, p.id),
    changes: async ({ text, ...patch }) => {
      const columns: Record<string, unknown> = {};
      if (patch.date !== undefined) columns.date = patch.date;
      if (patch.progress !== undefined) columns.progress = patch.progress ?? null;
      if (text !== undefined) {
        columns.text_vi = text.vi;
        columns.text_en = text.en ?? null;
      }
      return { columns };
    },
    present: async (row) => presentNote(found(await getNote(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/notes/:id', {
    access: planEdit,
    tags: ['tasks'],
    params: noteParams,
    table: 'progress_notes',
    subject: NOTE,
    load: (p) => noteOf(p.code, p.id),
    present: async (row) => presentNote(found(await getNote(db(), row.id))),
  });
};
