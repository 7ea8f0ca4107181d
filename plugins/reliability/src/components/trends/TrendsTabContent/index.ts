export { TrendsTabContent } from './TrendsTabContent';
