export { validateOpenSloDocuments } from './parse';
export { SLO_RUNBOOK_ANNOTATION } from './runbookAnnotation';
export { SLO_POLICY_ANNOTATION } from './policyAnnotation';
export { MAX_SLOS_PER_FILE, MAX_DOCUMENTS_PER_FILE } from './limits';
