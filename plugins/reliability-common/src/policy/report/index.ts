export * from './api';
export * from './reviewMath';
