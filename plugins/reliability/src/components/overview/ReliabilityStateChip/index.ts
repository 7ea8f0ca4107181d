export {
  ReliabilityStateChip,
  STATE_COLOURS,
  STATE_LABELS,
} from './ReliabilityStateChip';
