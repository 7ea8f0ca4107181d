export { SloAlertThresholds } from './SloAlertThresholds';
