export * from './SloStatusSummary';
