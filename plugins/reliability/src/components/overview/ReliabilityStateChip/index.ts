export {
  ReliabilityStateChip,
  STATE_COLOURS,
  STATE_LABELS,
  STATE_ORDER,
} from './ReliabilityStateChip';
