export * from './types';
export * from './api';
export * from './math';
export * from './burndown';
export * from './alerting';
export * from './defaultAlerts';
export {
  explainBurnRateCondition,
  nominalWindowSeconds,
} from './alertExplanations';
export * from './budgetState';
export * from './targetMet';
export * from './alertingObjective';
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
  SLO_POLICY_ANNOTATION,
  MAX_SLOS_PER_FILE,
  MAX_DOCUMENTS_PER_FILE,
} from './openslo';
export * from './timeslices';
export * from './sliceGrid';
export * from './ratioTimeslices';
