/**
 * Everything the reliability backend's REST API offers, as a typed interface.
 * Each area of the suite (SLOs, on-call, runbooks, checklist, overview) adds its methods here.
 *
 * @public
 */
export interface ReliabilityApi {}
