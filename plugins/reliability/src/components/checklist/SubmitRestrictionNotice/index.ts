export { SubmitRestrictionNotice } from './SubmitRestrictionNotice';
