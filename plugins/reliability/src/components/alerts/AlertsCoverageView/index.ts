export { AlertsCoverageView } from './AlertsCoverageView';
