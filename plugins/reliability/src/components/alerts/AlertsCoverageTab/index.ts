export { AlertsCoverageTab } from './AlertsCoverageTab';
