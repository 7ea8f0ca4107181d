export { MaturityTrendChart } from './MaturityTrendChart';
export type { MaturityTrendChartProps } from './MaturityTrendChart';
