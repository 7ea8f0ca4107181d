export { useChartTheme } from './useChartTheme';
export type { ChartTheme } from './useChartTheme';
export { MaturityScoreChart } from './MaturityScoreChart';
