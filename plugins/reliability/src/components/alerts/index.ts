export { EntityAlertsCard } from './EntityAlertsCard';
export { GroupAlertsCoverageCard } from './GroupAlertsCoverageCard';
export { AlertsCoverageTab } from './AlertsCoverageTab';
