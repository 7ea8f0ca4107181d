export { pluralCount } from './pluralCount';
export { utcMinute } from './utcMinute';
