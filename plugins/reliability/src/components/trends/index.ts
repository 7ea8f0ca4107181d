export { MaturityTrendChart } from './MaturityTrendChart';
export type { MaturityTrendChartProps } from './MaturityTrendChart';
export { TeamLeaderboard } from './TeamLeaderboard';
export { TrendsTabContent } from './TrendsTabContent';
export { EntityGroupTrendsCard } from './EntityGroupTrendsCard';
