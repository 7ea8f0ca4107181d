export * from './SloRunbookLinks';
