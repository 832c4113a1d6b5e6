export { IsInstant, QueryInt, SafeLine, SafeText } from './decorators';
export { hasVisibleText, lineIssue, storableIssue, textIssue } from './text-rules';
