export * from './types';
export * from './severity';
export * from './responseTimes';
export * from './postmortems';
export * from './api';
export * from './checks';
