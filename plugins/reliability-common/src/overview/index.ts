export * from './summaries';
export * from './api';
export * from './tour';
export * from './reliabilityState';
export * from './overviewQueryString';
