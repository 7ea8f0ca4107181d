export * from './SloRunbookLink';
