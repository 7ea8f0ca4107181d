export { RunbookList } from './RunbookList';
export { RunbookFilters, countKinds } from './RunbookFilters';
export { RunbookCoverageSummary } from './RunbookCoverageSummary';
