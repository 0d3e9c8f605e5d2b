/**
 * Every operation of the API: its address, what it is for, and the schemas of what it takes and
 * answers. The OpenAPI document takes each operation's id, tag, summary and description from here;
 * a web client types its calls from the schemas (`EndpointBody<'createFigure'>` …). A test holds the
 * server's routes and this table to each other, both ways.
 */
import { z } from 'zod';
import { auditQuery, auditResponse, figureHistoryQuery, figureHistoryResponse } from './audit.js';
import { accessEndedResponse, changePasswordBody, loginBody, sessionResponse } from './auth.js';
import { deleteQuery, pageOf } from './common.js';
import { evaluationOut, evaluationQuery, rankingOut, rankingQuery } from './evaluation.js';
import {
  figureCreate,
  figureListQuery,
  figureOut,
  figureParams,
  figurePatch,
  historyOut,
} from './figures.js';
import { healthResponse } from './health.js';
import {
  indicatorCreate,
  indicatorListQuery,
  indicatorOut,
  indicatorParams,
  indicatorPatch,
} from './indicators.js';
import { exportQuery, importOut } from './plan-files.js';
import { planCreate, planListQuery, planOut, planParams, planPatch, planStateBody } from './plans.js';
import {
  noteCreate,
  noteListQuery,
  noteOut,
  noteParams,
  notePatch,
  programCreate,
  programListQuery,
  programOut,
  programParams,
  programPatch,
  taskCreate,
  taskListQuery,
  taskOut,
  taskPatch,
} from './programs.js';
import { reportParams, reportQuery } from './reports.js';
import { targetCreate, targetListQuery, targetOut, targetParams, targetPatch } from './targets.js';
import { createdTokenResponse, createTokenBody, tokenIdParams, tokenListQuery } from './tokens.js';
import {
  lineageOut,
  reorganisationBody,
  unitCreate,
  unitFiguresOut,
  unitFiguresQuery,
  unitListQuery,
  unitOut,
  unitParams,
  unitPatch,
} from './units.js';
import {
  createUserBody,
  passwordBody,
  rolesBody,
  updateUserBody,
  userIdParams,
  userResponse,
} from './users.js';
import { stepBody, workflowQuery, workflowResponse, workflowView } from './workflow.js';

/** The groups of operations, in the order the documentation shows them. */
export const API_TAGS = {
  health: 'Whether the server and its database answer.',
  units: 'Administrative units (province, district, commune …), their hierarchy and reorganisations.',
  indicators: 'What is measured: code, name, unit of measure, direction, bounds, formula.',
  plans: 'Resolutions and plans: a unit, a term (baseline and target year), bands and forecast thresholds.',
  targets: 'The targets (chỉ tiêu) of a plan: an indicator, a kind and a goal.',
  programs: 'Key programs, breakthroughs (khâu đột phá) and task groups of a plan.',
  tasks: 'Tasks of a program, with lead agency, due date, status, progress and dated progress notes.',
  figures: 'Figures: one value of an indicator for a unit, year (and period) and status, with their history.',
  evaluation: 'How far each target is met as of a year, where it is heading, and sibling rankings.',
  reports: 'Review reports (mid-term, annual, end-of-term) as DOCX, PDF or XLSX.',
  'plan-files': 'Plan files (chitieu.plan/1, docs/plan-format.md): import and export.',
  auth: 'Signing in and out, the session, one’s own password.',
  users: 'User accounts and their roles (administrators only).',
  tokens: 'API tokens for scripts (sent as `Authorization: Bearer …`).',
  audit: 'Who changed what, when, from what to what and why.',
  workflow: 'Submitting, approving, returning and reopening a unit’s figures of a plan year.',
} as const;
export type ApiTag = keyof typeof API_TAGS;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation. `path` is written the OpenAPI way: `/api/units/{code}`. */
export interface Endpoint {
  method: HttpMethod;
  path: string;
  tag: ApiTag;
  summary: string;
  description: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer (200 or 201); absent for 204 and binary or text answers. */
  response?: z.ZodType;
  /** A file answer: its media types. */
  files?: readonly string[];
  /** Not in the OpenAPI document: the address exists only to refuse with a sentence. */
  hidden?: true;
}

const PAGED = 'Paged with `limit` (at most 500, default 50) and `offset`; `total` counts the whole list.';
const VERSIONED =
  'Send the version you read (body `version` or `If-Match`); a stale one gets 409 with the record as it now is.';
const DELETED = `${VERSIONED.replace('body `version`', '`?version=`')} Refused (409 in-use) while other records refer to it.`;
const STRICT = 'Unknown fields are refused (422) with the closest valid name.';

/** Every operation of the API by its operationId. */
export const ENDPOINTS = {
  getHealth: {
    method: 'GET',
    path: '/api/health',
    tag: 'health',
    summary: 'Check the server and its database',
    description:
      'Answers 200 when the database answers a real query, with the newest applied migration; 503 while it does not.',
    response: healthResponse,
  },

  listUnits: {
    method: 'GET',
    path: '/api/units',
    tag: 'units',
    summary: 'List units',
    description: `Units by parent, level, validity date or a search of code and name (accent- and case-insensitive: "an phu" finds "An Phú"). ${PAGED}`,
    query: unitListQuery,
    response: pageOf(unitOut),
  },
  createUnit: {
    method: 'POST',
    path: '/api/units',
    tag: 'units',
    summary: 'Create a unit',
    description: `A new unit under a parent (or at the top, for a global manager). ${STRICT}`,
    body: unitCreate,
    response: unitOut,
  },
  getUnit: {
    method: 'GET',
    path: '/api/units/{code}',
    tag: 'units',
    summary: 'Read a unit',
    description: 'One unit by its code.',
    params: unitParams,
    response: unitOut,
  },
  updateUnit: {
    method: 'PATCH',
    path: '/api/units/{code}',
    tag: 'units',
    summary: 'Edit a unit',
    description: `Change the fields sent, keep the others. ${VERSIONED} ${STRICT}`,
    params: unitParams,
    body: unitPatch,
    response: unitOut,
  },
  deleteUnit: {
    method: 'DELETE',
    path: '/api/units/{code}',
    tag: 'units',
    summary: 'Delete a unit',
    description: DELETED,
    query: deleteQuery,
    params: unitParams,
  },
  getUnitLineage: {
    method: 'GET',
    path: '/api/units/{code}/lineage',
    tag: 'units',
    summary: 'Read a unit’s mergers and splits',
    description: 'Every merger and split the unit took part in, as predecessor or successor.',
    params: unitParams,
    response: z.array(lineageOut),
  },
  reorganiseUnits: {
    method: 'POST',
    path: '/api/reorganisations',
    tag: 'units',
    summary: 'Record a merger or a split',
    description: `Several units merged into one, or one split into several, from a date; figures are then followed across the change. ${STRICT}`,
    body: reorganisationBody,
  },
  getUnitFigures: {
    method: 'GET',
    path: '/api/units/{code}/figures',
    tag: 'figures',
    summary: 'Read a unit’s figures of one indicator by year',
    description:
      'Year by year: the entered figure (strongest status), else by formula, else aggregated from the children (predecessors included after a reorganisation), and why there is none.',
    params: unitParams,
    query: unitFiguresQuery,
    response: unitFiguresOut,
  },

  listIndicators: {
    method: 'GET',
    path: '/api/indicators',
    tag: 'indicators',
    summary: 'List indicators',
    description: `Indicators by aggregation or a search of code and name (accent- and case-insensitive). ${PAGED}`,
    query: indicatorListQuery,
    response: pageOf(indicatorOut),
  },
  createIndicator: {
    method: 'POST',
    path: '/api/indicators',
    tag: 'indicators',
    summary: 'Create an indicator',
    description: `An indicator as a plan file's \`indicators[]\` item (docs/plan-format.md). ${STRICT}`,
    body: indicatorCreate,
    response: indicatorOut,
  },
  getIndicator: {
    method: 'GET',
    path: '/api/indicators/{code}',
    tag: 'indicators',
    summary: 'Read an indicator',
    description: 'One indicator by its code.',
    params: indicatorParams,
    response: indicatorOut,
  },
  updateIndicator: {
    method: 'PATCH',
    path: '/api/indicators/{code}',
    tag: 'indicators',
    summary: 'Edit an indicator',
    description: `Change the fields sent, keep the others. ${VERSIONED} ${STRICT}`,
    params: indicatorParams,
    body: indicatorPatch,
    response: indicatorOut,
  },
  deleteIndicator: {
    method: 'DELETE',
    path: '/api/indicators/{code}',
    tag: 'indicators',
    summary: 'Delete an indicator',
    description: DELETED,
    query: deleteQuery,
    params: indicatorParams,
  },

  listPlans: {
    method: 'GET',
    path: '/api/plans',
    tag: 'plans',
    summary: 'List plans',
    description: `Public plans, and the plans of the units the caller may read; by unit, kind, visibility, a year of the term or a search of code and title (accent- and case-insensitive). ${PAGED}`,
    query: planListQuery,
    response: pageOf(planOut),
  },
  createPlan: {
    method: 'POST',
    path: '/api/plans',
    tag: 'plans',
    summary: 'Create a plan',
    description: `A plan as a plan file's \`plans[]\` item without its targets and programs; private unless \`visibility: public\`. ${STRICT}`,
    body: planCreate,
    response: planOut,
  },
  getPlan: {
    method: 'GET',
    path: '/api/plans/{code}',
    tag: 'plans',
    summary: 'Read a plan',
    description: 'One plan by its code (a private plan only for readers of its unit).',
    params: planParams,
    response: planOut,
  },
  updatePlan: {
    method: 'PATCH',
    path: '/api/plans/{code}',
    tag: 'plans',
    summary: 'Edit a plan',
    description: `Change the fields sent, keep the others. ${VERSIONED} ${STRICT}`,
    params: planParams,
    body: planPatch,
    response: planOut,
  },
  deletePlan: {
    method: 'DELETE',
    path: '/api/plans/{code}',
    tag: 'plans',
    summary: 'Delete a plan',
    description: `Delete a plan with its targets, programs and tasks (figures stay: they belong to units); every removed record is audited. A plan whose figures went through the approval workflow cannot be deleted (409 \`plan-reviewed\`): archive it. ${VERSIONED.replace('body `version`', '`?version=`')}`,
    query: deleteQuery,
    params: planParams,
  },
  archivePlan: {
    method: 'POST',
    path: '/api/plans/{code}/archive',
    tag: 'plans',
    summary: 'Archive a plan',
    description: `Keep a plan with its figures and approvals, readable but no longer editable, and out of the plan list unless \`?state=archived\` or \`all\`. ${VERSIONED}`,
    params: planParams,
    body: planStateBody,
    response: planOut,
  },
  restorePlan: {
    method: 'POST',
    path: '/api/plans/{code}/restore',
    tag: 'plans',
    summary: 'Restore an archived plan',
    description: `Make an archived plan active (editable) again. ${VERSIONED}`,
    params: planParams,
    body: planStateBody,
    response: planOut,
  },

  listTargets: {
    method: 'GET',
    path: '/api/plans/{code}/targets',
    tag: 'targets',
    summary: 'List a plan’s targets',
    description: `The targets in the resolution's order, by group or indicator. ${PAGED}`,
    params: planParams,
    query: targetListQuery,
    response: pageOf(targetOut),
  },
  createTarget: {
    method: 'POST',
    path: '/api/plans/{code}/targets',
    tag: 'targets',
    summary: 'Add a target to a plan',
    description: `A target as a plan file's \`targets[]\` item, checked by the same rules as a plan file (e.g. \`input: rates\` only for a growth kind, \`every: true\` — each single year must reach the goal — only for \`annual\`). In a plan with approved years a new target is a redefinition: \`X-Change-Reason\` is required. ${STRICT}`,
    params: planParams,
    body: targetCreate,
    response: targetOut,
  },
  getTarget: {
    method: 'GET',
    path: '/api/plans/{code}/targets/{id}',
    tag: 'targets',
    summary: 'Read a target',
    description: 'One target of a plan by its id.',
    params: targetParams,
    response: targetOut,
  },
  updateTarget: {
    method: 'PATCH',
    path: '/api/plans/{code}/targets/{id}',
    tag: 'targets',
    summary: 'Edit a target',
    description: `Change the fields sent, keep the others; \`position\` moves it. A change to what the target measures (kind, goal, \`input\`, \`expected\`, \`every\`, indicator) in a plan with approved years needs \`X-Change-Reason\`. ${VERSIONED} ${STRICT}`,
    params: targetParams,
    body: targetPatch,
    response: targetOut,
  },
  deleteTarget: {
    method: 'DELETE',
    path: '/api/plans/{code}/targets/{id}',
    tag: 'targets',
    summary: 'Delete a target',
    description: DELETED,
    query: deleteQuery,
    params: targetParams,
  },

  listPrograms: {
    method: 'GET',
    path: '/api/plans/{code}/programs',
    tag: 'programs',
    summary: 'List a plan’s programs',
    description: `Programs, breakthroughs and task groups in order, by kind. ${PAGED}`,
    params: planParams,
    query: programListQuery,
    response: pageOf(programOut),
  },
  createProgram: {
    method: 'POST',
    path: '/api/plans/{code}/programs',
    tag: 'programs',
    summary: 'Add a program to a plan',
    description: `A program as a plan file's \`programs[]\` item without its tasks, linked to the plan's targets it serves. ${STRICT}`,
    params: planParams,
    body: programCreate,
    response: programOut,
  },
  getProgram: {
    method: 'GET',
    path: '/api/plans/{code}/programs/{id}',
    tag: 'programs',
    summary: 'Read a program',
    description: 'One program of a plan by its id.',
    params: programParams,
    response: programOut,
  },
  updateProgram: {
    method: 'PATCH',
    path: '/api/plans/{code}/programs/{id}',
    tag: 'programs',
    summary: 'Edit a program',
    description: `Change the fields sent, keep the others. ${VERSIONED} ${STRICT}`,
    params: programParams,
    body: programPatch,
    response: programOut,
  },
  deleteProgram: {
    method: 'DELETE',
    path: '/api/plans/{code}/programs/{id}',
    tag: 'programs',
    summary: 'Delete a program',
    description: `Delete a program with its tasks and their notes. ${VERSIONED.replace('body `version`', '`?version=`')}`,
    query: deleteQuery,
    params: programParams,
  },

  listTasks: {
    method: 'GET',
    path: '/api/plans/{code}/tasks',
    tag: 'tasks',
    summary: 'List a plan’s tasks',
    description: `Tasks of every program of the plan, by program, status, lead agency or due date. ${PAGED}`,
    params: planParams,
    query: taskListQuery,
    response: pageOf(taskOut),
  },
  createTask: {
    method: 'POST',
    path: '/api/plans/{code}/programs/{id}/tasks',
    tag: 'tasks',
    summary: 'Add a task to a program',
    description: `A task as a plan file's \`tasks[]\` item, linked to the plan's targets it serves. ${STRICT}`,
    params: programParams,
    body: taskCreate,
    response: taskOut,
  },
  getTask: {
    method: 'GET',
    path: '/api/plans/{code}/tasks/{id}',
    tag: 'tasks',
    summary: 'Read a task',
    description: 'One task of a plan by its id.',
    params: programParams,
    response: taskOut,
  },
  updateTask: {
    method: 'PATCH',
    path: '/api/plans/{code}/tasks/{id}',
    tag: 'tasks',
    summary: 'Edit a task',
    description: `Change the fields sent (status, progress …), keep the others. ${VERSIONED} ${STRICT}`,
    params: programParams,
    body: taskPatch,
    response: taskOut,
  },
  deleteTask: {
    method: 'DELETE',
    path: '/api/plans/{code}/tasks/{id}',
    tag: 'tasks',
    summary: 'Delete a task',
    description: `Delete a task with its progress notes. ${VERSIONED.replace('body `version`', '`?version=`')}`,
    query: deleteQuery,
    params: programParams,
  },
  listNotes: {
    method: 'GET',
    path: '/api/plans/{code}/tasks/{id}/notes',
    tag: 'tasks',
    summary: 'List a task’s progress notes',
    description: `Dated progress notes of a task, oldest first. ${PAGED}`,
    params: noteParams,
    query: noteListQuery,
    response: pageOf(noteOut),
  },
  createNote: {
    method: 'POST',
    path: '/api/plans/{code}/tasks/{id}/notes',
    tag: 'tasks',
    summary: 'Add a progress note to a task',
    description: `A dated progress note (the task keeps its own progress field). ${STRICT}`,
    params: noteParams,
    body: noteCreate,
    response: noteOut,
  },
  updateNote: {
    method: 'PATCH',
    path: '/api/plans/{code}/notes/{id}',
    tag: 'tasks',
    summary: 'Edit a progress note',
    description: `Change the fields sent, keep the others. ${VERSIONED} ${STRICT}`,
    params: noteParams,
    body: notePatch,
    response: noteOut,
  },
  deleteNote: {
    method: 'DELETE',
    path: '/api/plans/{code}/notes/{id}',
    tag: 'tasks',
    summary: 'Delete a progress note',
    description: VERSIONED.replace('body `version`', '`?version=`'),
    query: deleteQuery,
    params: noteParams,
  },

  listFigures: {
    method: 'GET',
    path: '/api/figures',
    tag: 'figures',
    summary: 'List figures',
    description: `Figures of the units the caller may read, by unit, indicator, year (or from/to), status and period. ${PAGED}`,
    query: figureListQuery,
    response: pageOf(figureOut),
  },
  recordFigure: {
    method: 'POST',
    path: '/api/figures',
    tag: 'figures',
    summary: 'Record a figure',
    description: `A figure as a plan file's \`values[]\` item, checked against the indicator's bounds and the plan years like a plan file. A new cell answers 201; an existing cell (same unit, indicator, year, period and status) takes the new value only with its current \`version\`. Numbers are JSON numbers with a decimal dot ("1.234,5" is refused with a hint). ${STRICT}`,
    body: figureCreate,
    response: figureOut,
  },
  getFigure: {
    method: 'GET',
    path: '/api/figures/{id}',
    tag: 'figures',
    summary: 'Read a figure',
    description: 'One figure by its id.',
    params: figureParams,
    response: figureOut,
  },
  correctFigure: {
    method: 'PATCH',
    path: '/api/figures/{id}',
    tag: 'figures',
    summary: 'Correct a figure',
    description: `Correct a figure's value, source or note: a new revision; the old one stays in the history. ${VERSIONED} ${STRICT}`,
    params: figureParams,
    body: figurePatch,
    response: figureOut,
  },
  deleteFigure: {
    method: 'DELETE',
    path: '/api/figures/{id}',
    tag: 'figures',
    summary: 'Figures are never deleted',
    description: 'Always 405: correct a figure with PATCH; every value stays in the history.',
    params: figureParams,
    hidden: true,
  },
  getFigureRevisions: {
    method: 'GET',
    path: '/api/figures/{id}/history',
    tag: 'figures',
    summary: 'Read a figure’s revisions',
    description: 'Every value the figure ever held, oldest first.',
    params: figureParams,
    response: historyOut,
  },

  evaluatePlan: {
    method: 'GET',
    path: '/api/plans/{code}/evaluation',
    tag: 'evaluation',
    summary: 'Evaluate a plan as of a year',
    description:
      'Each target’s achievement, band and forecast as of `year` (docs/plan-format.md, "Evaluation output"; the method in docs/methodology.md), texts in ?lang= or Accept-Language. A year outside the plan’s term is refused.',
    params: planParams,
    query: evaluationQuery,
    response: evaluationOut,
  },
  rankUnits: {
    method: 'GET',
    path: '/api/rankings',
    tag: 'evaluation',
    summary: 'Rank sibling units on an indicator',
    description:
      'The children of `parent` (or the top-level units) ranked on an indicator’s value or growth (docs/plan-format.md, "Ranking output"); ties share a rank, units without a figure are listed as unranked. `since` defaults to the earliest plan baseline year.',
    query: rankingQuery,
    response: rankingOut,
  },
  getReport: {
    method: 'GET',
    path: '/api/plans/{code}/reports/{type}',
    tag: 'reports',
    summary: 'Download a review report',
    description:
      'A mid-term (midterm), annual or end-of-term (final) review of the plan as of ?year=, as DOCX, PDF or the XLSX appendix, in ?lang= or Accept-Language.',
    params: reportParams,
    query: reportQuery,
    files: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },

  importPlanFile: {
    method: 'POST',
    path: '/api/plan-files',
    tag: 'plan-files',
    summary: 'Import a plan file',
    description:
      'A plan file (chitieu.plan/1, docs/plan-format.md) as JSON or YAML in the body. Every problem is listed with its path; nothing is imported from a file with a problem, and a whole import is one transaction. Plausible but suspicious figures (a value 10× the year before, an estimate below the stored official figure of its cell) are imported and listed in `warnings`. A file that changes what a target of a plan with approved years measures needs `X-Change-Reason` (URI-encoded), written to the audit log with every change.',
    response: importOut,
  },
  exportPlanFile: {
    method: 'GET',
    path: '/api/plans/{code}/plan-file',
    tag: 'plan-files',
    summary: 'Export a plan as a plan file',
    description:
      'One plan as a self-contained plan file (JSON by default, or ?format=yaml) that imports back unchanged.',
    params: planParams,
    query: exportQuery,
  },

  signIn: {
    method: 'POST',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in',
    description:
      'Starts a session (an HttpOnly cookie) and returns the CSRF token to send in `x-csrf-token` with every write made with that cookie. Repeated failures lock the name out for a while.',
    body: loginBody,
    response: sessionResponse,
  },
  signOut: {
    method: 'POST',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out',
    description: 'Ends the current session.',
  },
  getSession: {
    method: 'GET',
    path: '/api/auth/session',
    tag: 'auth',
    summary: 'Read the current session',
    description: 'The signed-in user and the CSRF token, or nulls for an anonymous visitor.',
    response: sessionResponse,
  },
  changeOwnPassword: {
    method: 'POST',
    path: '/api/auth/password',
    tag: 'auth',
    summary: 'Change one’s own password',
    description:
      'Needs the current password; ends the other sessions and revokes the API tokens of the account.',
    body: changePasswordBody,
    response: accessEndedResponse,
  },

  listUsers: {
    method: 'GET',
    path: '/api/users',
    tag: 'users',
    summary: 'List users',
    description: 'Every account with its roles.',
  },
  createUser: {
    method: 'POST',
    path: '/api/users',
    tag: 'users',
    summary: 'Create a user',
    description: `An account with a password of at least 10 characters and its roles (viewer, editor, manager, admin; on a unit or every unit). ${STRICT}`,
    body: createUserBody,
    response: userResponse,
  },
  getUser: {
    method: 'GET',
    path: '/api/users/{id}',
    tag: 'users',
    summary: 'Read a user',
    description: 'One account by its id, with its roles.',
    params: userIdParams,
    response: userResponse,
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/users/{id}',
    tag: 'users',
    summary: 'Edit a user',
    description: `Change the display name or disable the account (its sessions end). ${STRICT}`,
    params: userIdParams,
    body: updateUserBody,
    response: userResponse,
  },
  setUserRoles: {
    method: 'PUT',
    path: '/api/users/{id}/roles',
    tag: 'users',
    summary: 'Replace a user’s roles',
    description: `The roles sent replace all the user's roles; the last administrator cannot lose the role. ${STRICT}`,
    params: userIdParams,
    body: rolesBody,
    response: userResponse,
  },
  resetUserPassword: {
    method: 'PUT',
    path: '/api/users/{id}/password',
    tag: 'users',
    summary: 'Reset a user’s password',
    description: 'Sets a new password; the user’s sessions end and their API tokens are revoked.',
    params: userIdParams,
    body: passwordBody,
    response: accessEndedResponse,
  },
  endUserSessions: {
    method: 'DELETE',
    path: '/api/users/{id}/sessions',
    tag: 'users',
    summary: 'End a user’s sessions',
    description:
      'End every session of the user and revoke every API token (nothing they signed in with keeps working).',
    params: userIdParams,
  },
  unlockUser: {
    method: 'POST',
    path: '/api/users/{name}/unlock',
    tag: 'users',
    summary: 'Lift a sign-in lock-out',
    description: 'Lift the sign-in lock-out of a user name, from every address.',
  },

  listTokens: {
    method: 'GET',
    path: '/api/tokens',
    tag: 'tokens',
    summary: 'List API tokens',
    description:
      'One’s own tokens (an administrator may ask for another user’s with ?user=); the secrets are never shown again.',
    query: tokenListQuery,
  },
  createToken: {
    method: 'POST',
    path: '/api/tokens',
    tag: 'tokens',
    summary: 'Create an API token',
    description:
      'An API token for oneself (signed in with a password: a token cannot create tokens), living at most the configured maximum. The secret is in this answer only; it is stored as a hash.',
    body: createTokenBody,
    response: createdTokenResponse,
  },
  revokeToken: {
    method: 'DELETE',
    path: '/api/tokens/{id}',
    tag: 'tokens',
    summary: 'Revoke an API token',
    description: 'The token stops working at once.',
    params: tokenIdParams,
  },

  listAudit: {
    method: 'GET',
    path: '/api/audit',
    tag: 'audit',
    summary: 'Read the audit trail',
    description:
      'Entries newest first, by entity, record id, user, action and date range, for the units the caller may read; page with `before`. `?action=redefine` and `?action=update-approved` list the changes approved results rest on (a target’s definition, an indicator’s formula, a plan with approved years), each with its reason.',
    query: auditQuery,
    response: auditResponse,
  },
  getFigureAudit: {
    method: 'GET',
    path: '/api/audit/figure',
    tag: 'audit',
    summary: 'Read the history of one figure',
    description:
      'Who changed a unit’s figure of an indicator and year, when, from what to what and why, and where its approval stands.',
    query: figureHistoryQuery,
    response: figureHistoryResponse,
  },

  getWorkflow: {
    method: 'GET',
    path: '/api/workflow',
    tag: 'workflow',
    summary: 'Read the approval state of a unit’s figures',
    description:
      'For a plan and unit (and optionally a year): the state of each plan year and every step taken.',
    query: workflowQuery,
    response: workflowResponse,
  },
  submitFigures: {
    method: 'POST',
    path: '/api/workflow/submit',
    tag: 'workflow',
    summary: 'Submit a unit’s figures for approval',
    description:
      'An editor of the unit submits the figures of a plan year; they are locked until returned or reopened.',
    body: stepBody,
    response: workflowView,
  },
  approveFigures: {
    method: 'POST',
    path: '/api/workflow/approve',
    tag: 'workflow',
    summary: 'Approve submitted figures',
    description: 'A manager of the unit (or above) approves submitted figures; they stay locked.',
    body: stepBody,
    response: workflowView,
  },
  returnFigures: {
    method: 'POST',
    path: '/api/workflow/return',
    tag: 'workflow',
    summary: 'Return submitted figures',
    description: 'A manager sends submitted figures back for correction, with a written reason; they unlock.',
    body: stepBody,
    response: workflowView,
  },
  reopenFigures: {
    method: 'POST',
    path: '/api/workflow/reopen',
    tag: 'workflow',
    summary: 'Reopen approved figures',
    description: 'A manager reopens approved figures for correction, with a written reason; they unlock.',
    body: stepBody,
    response: workflowView,
  },
} as const satisfies Record<string, Endpoint>;

export type OperationId = keyof typeof ENDPOINTS;
type Of<K extends OperationId, F extends string> = (typeof ENDPOINTS)[K] extends {
  [P in F]: infer S extends z.ZodType;
}
  ? S
  : never;
/** What the client sends as the body of an operation (before defaults). */
export type EndpointBody<K extends OperationId> = z.input<Of<K, 'body'>>;
/** The query string of an operation (before defaults and coercion). */
export type EndpointQuery<K extends OperationId> = z.input<Of<K, 'query'>>;
/** The path parameters of an operation. */
export type EndpointParams<K extends OperationId> = z.input<Of<K, 'params'>>;
/** What a successful call answers. */
export type EndpointResponse<K extends OperationId> = z.output<Of<K, 'response'>>;

/**
 * The operation at a method and OpenAPI path, if any.
 *
 * @example endpointAt('GET', '/api/units/{code}') // ['getUnit', { method: 'GET', … }]
 */
export function endpointAt(method: string, path: string): [OperationId, Endpoint] | undefined {
  for (const [id, e] of Object.entries(ENDPOINTS) as [OperationId, Endpoint][]) {
    if (e.method === method.toUpperCase() && e.path === path) return [id, e];
  }
  return undefined;
}

/**
 * The address of an operation: path parameters filled in (encoded), the query string from the
 * defined values of `query` (arrays repeated). A parameter the path needs but `params` lacks throws.
 *
 * @example endpointUrl('getUnit', { code: '502' }) // '/api/units/502'
 * @example endpointUrl('listFigures', {}, { unit: '502', year: 2023 }) // '/api/figures?unit=502&year=2023'
 */
export function endpointUrl<K extends OperationId>(
  id: K,
  params: Record<string, string | number> = {},
  query: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined> = {},
): string {
  const path = ENDPOINTS[id].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${id}: the path parameter '${name}' is missing`);
    return encodeURIComponent(String(value));
  });
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value])
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  const qs = pairs.join('&');
  return qs === '' ? path : `${path}?${qs}`;
}
