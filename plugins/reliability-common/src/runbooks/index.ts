export * from './types';
export * from './safeUrl';
export * from './runbookReferences';
export * from './coverage';
