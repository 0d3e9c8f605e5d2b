export { type ProgramSentenceOptions, programSentence, type TaskState, taskState } from './program.js';
export { FORECAST_CLASS_WORDS, forecastSummarySentence, summarySentence } from './summary.js';
export { forecastSentence, type RankScope, type TargetContext, targetSentence } from './target.js';
export { countOf, groupName, localize, ordinal, plainNumber } from './words.js';
