export * from './SloHistoryCharts';
