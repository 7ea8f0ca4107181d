export { AlarmChip } from './AlarmChip';
