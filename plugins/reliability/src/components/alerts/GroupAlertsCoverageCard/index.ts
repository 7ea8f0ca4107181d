export { GroupAlertsCoverageCard } from './GroupAlertsCoverageCard';
