export { useChartTheme } from './useChartTheme';
export type { ChartTheme } from './useChartTheme';
