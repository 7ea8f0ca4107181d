export { MaturityLevelChip } from './MaturityLevelChip';
