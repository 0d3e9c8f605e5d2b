export * from './cycles.js';
export * from './formula.js';
