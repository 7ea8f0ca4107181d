export { pluralCount } from './pluralCount';
