export * from './types';
export * from './scoring';
export * from './api';
export * from './exemptions';
