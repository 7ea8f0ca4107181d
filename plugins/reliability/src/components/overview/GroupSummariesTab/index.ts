export { GroupSummariesTab } from './GroupSummariesTab';
