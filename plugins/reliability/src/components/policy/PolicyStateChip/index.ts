export { PolicyStateChip } from './PolicyStateChip';
