export { SloReviewReport } from './SloReviewReport';
