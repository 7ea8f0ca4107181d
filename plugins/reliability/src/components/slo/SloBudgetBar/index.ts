export * from './SloBudgetBar';
