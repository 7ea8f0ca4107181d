/*
 * One lazily loaded chunk for what an entity page of a service or system shows: the Reliability, SLOs and
 * Runbooks tabs and the entity cards. The Reliability tab holds every one of these cards, so
 * loading them behind one boundary sends their shared code (SLO format and math, runbook links, hooks) once
 * instead of once per card. The SLOs tab's charts load behind their own boundary (they pull the charting
 * library); the Maturity tab (self-assessment wizard and history chart) keeps its own chunk.
 */
export { EntityReliabilityContent } from '../components/EntityReliabilityContent';
export { EntitySloCard } from '../components/slo/EntitySloCard';
export { EntitySloContent } from '../components/slo/EntitySloContent';
export { EntityOnCallCard } from '../components/oncall/EntityOnCallCard';
export { EntityRunbooksCard } from '../components/runbooks/EntityRunbooksCard';
export { EntityRunbooksContent } from '../components/runbooks/EntityRunbooksContent';
export { EntityMaturityCard } from '../components/checklist/EntityMaturityCard';
export { EntityPolicyCard } from '../components/policy/EntityPolicyCard';
export { EntityIncidentsCard } from '../components/incidents/EntityIncidentsCard';
export { EntityAlertsCard } from '../components/alerts/EntityAlertsCard';
export { EntityCampaignsCard } from '../components/campaigns/EntityCampaignsCard';
