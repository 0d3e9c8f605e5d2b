/**
 * Workflow steps (submit, approve, return, reopen) are commands too: one transaction moving the state,
 * appending the step (append-only: the database refuses to change or delete one) and its audit entry.
 */
export { takeWorkflowStep } from '../repositories/workflow.js';
