/**
 * The sentences of the plan-file reader are the rules' sentences (@chitieu/rules), so a problem reads
 * the same in a file, an API answer and a web form.
 */
export { describeReceived, MESSAGES, message, type ProblemCode, quoted } from '@chitieu/rules';
