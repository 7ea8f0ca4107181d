export { entityRefKey } from './entityRefKey';
export { hasSloDefinitions } from './sloDefinitions';
