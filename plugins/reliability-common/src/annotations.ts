/**
 * Entity annotations read by the reliability suite. All live under one namespace of the suite's own.
 *
 * @public
 */
export const RELIABILITY_ANNOTATION_PREFIX = 'reliability.sre-portal.dev';

/** @public */
export const ANNOTATIONS = {
  /** Location of an OpenSLO YAML file (relative to the entity's source location, or an absolute URL). */
  sloDefinitions: `${RELIABILITY_ANNOTATION_PREFIX}/slo-definitions`,
  /** OpenSLO YAML embedded directly in the entity (multi-document string). */
  sloInline: `${RELIABILITY_ANNOTATION_PREFIX}/slo-inline`,
  /** Id of a schedule-as-code on-call schedule (the built-in provider). */
  onCallSchedule: `${RELIABILITY_ANNOTATION_PREFIX}/oncall-schedule`,
  /** Id of an escalation policy of the built-in on-call provider. */
  escalationPolicy: `${RELIABILITY_ANNOTATION_PREFIX}/escalation-policy`,
  /** Comma-separated Markdown runbook locations (relative to the entity's source location, or absolute URLs). */
  runbooks: `${RELIABILITY_ANNOTATION_PREFIX}/runbooks`,
  /**
   * Comma-separated locations of user-journey files (on a System or Domain; relative to the entity's source
   * location, or absolute URLs): YAML documents of kind `Journey` listing the steps of something a user does.
   */
  journeys: `${RELIABILITY_ANNOTATION_PREFIX}/journeys`,
  /**
   * Location of a team's learning path file (on a Group; relative to the Group's source location, or an absolute
   * URL): a YAML document of kind `LearningPath` listing the runbooks, journeys, postmortems and on-call shifts a
   * new member works through (docs/tour.md).
   */
  learningPath: `${RELIABILITY_ANNOTATION_PREFIX}/learning-path`,
  /** Service tier: tier-1 (most critical) to tier-4. */
  tier: `${RELIABILITY_ANNOTATION_PREFIX}/tier`,
  /**
   * Name of the error-budget policy of the entity, one of `reliability.policy.policies` in app config
   * (overrides the policy of its tier).
   */
  policy: `${RELIABILITY_ANNOTATION_PREFIX}/policy`,
  /**
   * IANA time zone of a team (on its Group) or of one entity (overrides its owner's): business days for
   * postmortem deadlines and action item due dates are counted there.
   */
  timeZone: `${RELIABILITY_ANNOTATION_PREFIX}/time-zone`,
  /**
   * A team's own target for the time to acknowledge its pages (on its Group), a duration like `10m` between
   * 1 minute and 1 day: the checklist item `acknowledge-within-target` judges the team's entities against it
   * instead of `reliability.incidents.acknowledgeTarget` (docs/incidents.md).
   */
  acknowledgeTarget: `${RELIABILITY_ANNOTATION_PREFIX}/acknowledge-target`,
  /**
   * Alert selector of an entity, e.g. `team=payments,component=ledger`: the alerts whose labels (Prometheus) or
   * tags (Datadog) match it belong to the entity, besides those whose mapping label names it (docs/alerts.md).
   */
  alertSelector: `${RELIABILITY_ANNOTATION_PREFIX}/alert-selector`,
  /** PagerDuty service id (the de-facto standard annotation of the PagerDuty plugin). */
  pagerDutyServiceId: 'pagerduty.com/service-id',
  /** Opsgenie team name (the de-facto standard annotation of the Opsgenie plugin). */
  opsgenieTeam: 'opsgenie.com/team',
} as const;

/** The `metadata.links[].type` that marks a link as a runbook. @public */
export const RUNBOOK_LINK_TYPE = 'runbook';
