export { AssessmentWizard } from './AssessmentWizard';
