export * from './SloObjectiveList';
