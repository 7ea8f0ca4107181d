export * from './types';
export * from './api';
export * from './math';
export * from './burndown';
export * from './alerting';
export * from './window';
export * from './format';
export * from './timeZone';
export type { CalendarUnit, ParsedDuration } from './duration';
export {
  parseDuration,
  fixedDurationSeconds,
  calendarUnitOf,
} from './duration';
export {
  validateOpenSloDocuments,
  SLO_RUNBOOK_ANNOTATION,
  MAX_SLOS_PER_FILE,
  MAX_DOCUMENTS_PER_FILE,
} from './openslo';
export * from './timeslices';
