export * from './SloAlertChip';
