/**
 * Named input and output shapes (type aliases, so they satisfy `JsonObject`) of the suite's scaffolder actions. They mirror the zod schemas of each action
 * (the type-checker proves it where each action is declared) and keep the public API stable: an inferred zod
 * type would print its members in whatever order the compiler met them.
 */

/** @public */
export type SloActionObjective = {
  preset: 'availability' | 'latency';
  target: number;
  window: string;
  name?: string;
  displayName?: string;
  latencyThresholdMs?: number;
  goodQuery?: string;
  totalQuery?: string;
};

/** Input of `reliability:slo:create`. @public */
export type SloActionInput = {
  service: string;
  path?: string;
  source: 'embedded' | 'prometheus';
  slos: SloActionObjective[];
  runbook?: string;
  alerts: boolean;
  overwrite: boolean;
};

/** Output of `reliability:slo:create`. @public */
export type SloActionOutput = {
  path: string;
  sloNames: string[];
  alertNames: string[];
};

/** Input of `reliability:runbook:create`. @public */
export type RunbookActionInput = {
  kind: 'runbook' | 'rollback' | 'postmortem' | 'premortem';
  title: string;
  id?: string;
  path?: string;
  answers: string[];
  owner?: string;
  lastReviewed?: string;
  service?: string;
  incidentDate?: string;
  severity?: string;
  summary?: string;
  event?: string;
  eventDate?: string;
  overwrite: boolean;
};

/** Output of `reliability:runbook:create`. @public */
export type RunbookActionOutput = {
  path: string;
  id: string;
};

/** Input of `reliability:annotate`. @public */
export type AnnotateActionInput = {
  path: string;
  entityName?: string;
  sloDefinitions?: string;
  runbooks?: string[];
  onCallSchedule?: string;
  escalationPolicy?: string;
  tier?: 'tier-1' | 'tier-2' | 'tier-3' | 'tier-4';
  policy?: string;
  pagerDutyServiceId?: string;
  opsgenieTeam?: string;
  runbookLinks?: { url: string; title: string }[];
};

/** Output of `reliability:annotate`. @public */
export type AnnotateActionOutput = {
  path: string;
  entityRef: string;
  annotations: string[];
};

/** Input of `reliability:deploy-gate:workflow`. @public */
export type DeployGateWorkflowActionInput = {
  entityRef: string;
  backstageUrl?: string;
  path: string;
  failOpen: boolean;
  overwrite: boolean;
};

/** Output of `reliability:deploy-gate:workflow`. @public */
export type DeployGateWorkflowActionOutput = {
  path: string;
  gateUrl: string;
  usage: string;
  workflow: string;
};
