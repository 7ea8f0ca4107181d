export * from './api';
export * from './reviewMath';
export * from './heldBackText';
