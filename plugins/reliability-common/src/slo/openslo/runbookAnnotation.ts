import { RELIABILITY_ANNOTATION_PREFIX } from '../../annotations';

/** Annotation (on an OpenSLO SLO or AlertPolicy) with the runbook URL or id that answers it. @public */
export const SLO_RUNBOOK_ANNOTATION = `${RELIABILITY_ANNOTATION_PREFIX}/runbook`;
