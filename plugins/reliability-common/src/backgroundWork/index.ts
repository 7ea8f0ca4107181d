export * from './types';
export * from './taskLabels';
export * from './trouble';
