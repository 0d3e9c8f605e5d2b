export { type ProgramSentenceOptions, programSentence, type TaskState, taskState } from './program.js';
export { forecastSummarySentence, summarySentence } from './summary.js';
export { forecastSentence, type RankScope, type TargetContext, targetSentence } from './target.js';
export { countOf, groupName, localize, ordinal, plainNumber } from './words.js';
