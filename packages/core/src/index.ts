export * from './model.js';
export * from './evaluation-types.js';
export * from './format/round.js';
export * from './values/value-source.js';
export * from './format/number.js';
export * from './narrative/index.js';
