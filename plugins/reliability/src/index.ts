export { reliabilityPlugin as default } from './plugin';
export { reliabilityApiRef } from './api';
export { isReliabilityEntity } from './isReliabilityEntity';
