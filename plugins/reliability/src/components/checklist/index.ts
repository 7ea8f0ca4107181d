export { EntityMaturityCard } from './EntityMaturityCard';
export { EntityMaturityContent } from './EntityMaturityContent';
export { AssessmentWizard } from './AssessmentWizard';
export { MaturityHistoryChart } from './MaturityHistoryChart';
