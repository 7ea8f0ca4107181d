export * from './types';
export * from './scoring';
export * from './itemsToFix';
export * from './fixTemplates';
export * from './api';
export * from './exemptions';
