/**
 * Test data shared across packages: the corpus of bad plan files (and, beside it, bad API bodies).
 * Imported as `@chitieu/rules/testing`; never by production code.
 */
export * from './testing/bad-plan-files.js';
