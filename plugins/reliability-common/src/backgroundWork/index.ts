export * from './types';
export * from './taskLabels';
