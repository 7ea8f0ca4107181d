export * from './summaries';
export * from './api';
export * from './tour';
export * from './blastRadius';
export * from './reliabilityState';
export * from './overviewQueryString';
