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
  createNote,
  createProgram,
  createTask,
  deleteNote,
  deleteProgram,
  deleteTask,
  getNote,
  getPlan,
  getProgram,
  getTask,
  listNotes,
  listPrograms,
  listTasks,
  updateNote,
  updateProgram,
  updateTask,
} from '@chitieu/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../errors.js';
import { deleteRoute, found, pageOf, patchRoute, presentPage, writeContext, writeErrors } from '../kit.js';
import { presentNote, presentProgram, presentTask } from './presenter.js';

const planRead = {
  role: 'viewer',
  unit: { in: 'params', path: 'code', is: 'plan-code' },
  publicPlans: true,
} as const;
const planManage = { role: 'manager', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;
const planEdit = { role: 'editor', unit: { in: 'params', path: 'code', is: 'plan-code' } } as const;

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
      const id = await createProgram(db(), plan.code, request.body, writeContext(request));
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
    load: (p) => programOf(p.code, p.id),
    update: (current, version, patch, ctx) => updateProgram(db(), current.id, version, patch, ctx),
    present: async (row) => presentProgram(found(await getProgram(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/programs/:id', {
    access: planManage,
    tags: ['programs'],
    description: 'Delete a program with its tasks and their notes.',
    params: programParams,
    load: (p) => programOf(p.code, p.id),
    remove: (current, version, ctx) => deleteProgram(db(), current.id, version, ctx),
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
      const id = await createTask(db(), program.id, request.body, writeContext(request));
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
    load: (p) => taskOf(p.code, p.id),
    update: (current, version, patch, ctx) => updateTask(db(), current.id, version, patch, ctx),
    present: async (row) => presentTask(found(await getTask(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/tasks/:id', {
    access: planManage,
    tags: ['tasks'],
    params: taskParams,
    load: (p) => taskOf(p.code, p.id),
    remove: (current, version, ctx) => deleteTask(db(), current.id, version, ctx),
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
      const row = await createNote(db(), task.id, request.body, writeContext(request));
      return reply.code(201).send(presentNote(found(await getNote(db(), row.id))));
    },
  );

  patchRoute(app, '/plans/:code/notes/:id', {
    access: planEdit,
    tags: ['tasks'],
    params: noteParams,
    body: notePatch,
    response: noteOut,
    load: (p) => noteOf(p.code, p.id),
    update: (current, version, patch, ctx) => updateNote(db(), current.id, version, patch, ctx),
    present: async (row) => presentNote(found(await getNote(db(), row.id))),
  });

  deleteRoute(app, '/plans/:code/notes/:id', {
    access: planEdit,
    tags: ['tasks'],
    params: noteParams,
    load: (p) => noteOf(p.code, p.id),
    remove: (current, version, ctx) => deleteNote(db(), current.id, version, ctx),
    present: async (row) => presentNote(found(await getNote(db(), row.id))),
  });
};
