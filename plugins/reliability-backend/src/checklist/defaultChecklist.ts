import { Checklist } from '@internal/backstage-plugin-reliability-common';

/**
 * The reliability-maturity checklist shipped with the backend. Organisations can extend or replace it with
 * `reliability.checklist.file`.
 *
 * Levels build on each other: beginner covers the basics every production service needs, intermediate makes
 * reliability measurable and budget-driven, advanced makes it systematic. Items marked `productionReadiness`
 * form the bar a service should clear before it takes production traffic. Only items that do not apply to every
 * service (`allowNotApplicable`: state, dependencies, rollout style) accept "not applicable", with a note saying why.
 *
 * Change `version` whenever items change: assessments remember the version (and a copy of the items) they answered.
 */
export const defaultChecklist: Checklist = {
  version: '2026.11.2',
  title: 'Reliability maturity',
  levels: [
    {
      id: 'beginner',
      title: 'Beginner',
      description:
        'The basics are in place: someone is reachable, users are measured, releases can be undone.',
    },
    {
      id: 'intermediate',
      title: 'Intermediate',
      description:
        'Reliability is measured against targets and the error budget drives decisions.',
    },
    {
      id: 'advanced',
      title: 'Advanced',
      description:
        'Reliability work is systematic: alerts come from SLOs, failure is rehearsed, toil keeps shrinking.',
    },
  ],
  categories: [
    {
      id: 'slos',
      title: 'SLOs & error budgets',
      description:
        'Targets that describe what users experience, and what happens when they are missed.',
    },
    {
      id: 'alerting',
      title: 'Alerting & on-call',
      description: 'Who gets woken up, for what, and whether it is worth it.',
    },
    {
      id: 'incidents',
      title: 'Incident response',
      description: 'How the team handles, documents and learns from incidents.',
    },
    {
      id: 'releases',
      title: 'Release & rollback',
      description:
        'How changes reach production and how quickly they can be undone.',
    },
    {
      id: 'capacity',
      title: 'Capacity & resilience',
      description:
        'Surviving load, dependency failures and the loss of a zone.',
    },
    {
      id: 'operations',
      title: 'Operations & toil',
      description:
        'Day-to-day running of the service and the manual work it costs.',
    },
  ],
  items: [
    // SLOs & error budgets
    {
      id: 'slo-defined',
      title: 'The service has at least one SLO',
      why: 'Without a target, "reliable enough" is a matter of opinion and every incident is judged by gut feeling. An SLO gives the team and its users a shared number to steer by.',
      level: 'beginner',
      category: 'slos',
      weight: 3,
      kind: 'automatic',
      check: 'slo-defined',
      productionReadiness: true,
    },
    {
      id: 'slo-user-facing',
      title: 'SLIs measure what users experience',
      why: 'Indicators taken where users meet the service (successful requests, latency seen by clients, freshness of data) catch the failures people notice; host metrics such as CPU often stay green while users suffer.',
      level: 'beginner',
      category: 'slos',
      weight: 2,
      kind: 'self-assessed',
    },
    {
      id: 'slo-dashboard',
      title: 'A dashboard shows each SLO and the error budget left',
      why: 'When the budget is visible, trade-offs between shipping features and fixing reliability become a conversation about data instead of a negotiation.',
      level: 'beginner',
      category: 'slos',
      weight: 1,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'slo-met-last-window',
      title: 'Every SLO was met over its last full window',
      why: 'An SLO that is routinely missed is either the wrong target or a sign of a reliability debt; either way it needs attention before anything is built on top of it.',
      level: 'intermediate',
      category: 'slos',
      weight: 3,
      kind: 'automatic',
      check: 'slo-met-last-window',
    },
    {
      id: 'error-budget-policy',
      title: 'An agreed error-budget policy is followed',
      why: 'Deciding in advance what happens when the budget runs out (for example: freeze risky launches, move people to reliability work) gives the SLO consequences and avoids arguing about it in the middle of an outage.',
      level: 'intermediate',
      category: 'slos',
      weight: 3,
      kind: 'self-assessed',
    },
    {
      id: 'slo-reviewed',
      title: 'SLO targets are reviewed with product owners regularly',
      why: 'User expectations and the system change; a periodic review (say, every quarter) keeps targets from being either unreachable or meaninglessly loose.',
      level: 'advanced',
      category: 'slos',
      weight: 2,
      kind: 'self-assessed',
    },

    // Alerting & on-call
    {
      id: 'oncall-two-people',
      title: 'At least two people share the on-call rotation',
      why: 'A single person on call is a single point of failure and a path to burnout: holidays, illness and sleep all need cover.',
      level: 'beginner',
      category: 'alerting',
      weight: 3,
      kind: 'automatic',
      check: 'oncall-two-people',
      productionReadiness: true,
    },
    {
      id: 'alerts-actionable',
      title: 'Every page asks for a human action',
      why: 'Pages that can be ignored teach people to ignore pages. Each page should point at user impact and at something the responder can do now.',
      level: 'beginner',
      category: 'alerting',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'burn-rate-alerts',
      title: 'SLO alerts use multiwindow burn rates',
      why: 'Alerting on how fast the error budget burns, over a long and a short window together, pages quickly for severe problems, files tickets for slow leaks and stays quiet for blips.',
      level: 'intermediate',
      category: 'alerting',
      weight: 3,
      kind: 'automatic',
      check: 'burn-rate-alerts',
    },
    {
      id: 'oncall-load-reviewed',
      title: 'On-call load is reviewed after each rotation',
      why: 'Looking at how many pages fired, how many were actionable and how much sleep was lost keeps the rotation sustainable and surfaces noisy alerts to fix.',
      level: 'intermediate',
      category: 'alerting',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'pages-mostly-slo',
      title: 'Most pages come from SLO burn-rate alerts',
      why: 'When most pages are tied to user-facing objectives rather than to individual causes (disk, CPU, one failing pod), responders are woken up for what matters and cause alerts become dashboards or tickets.',
      level: 'advanced',
      category: 'alerting',
      weight: 2,
      kind: 'self-assessed',
    },

    // Incident response
    {
      id: 'incident-process',
      title: 'A written incident process names roles and channels',
      why: 'Knowing who leads, who communicates and where to talk saves the first, most chaotic minutes of an incident.',
      level: 'beginner',
      category: 'incidents',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'runbook-coverage',
      title: 'SLO alerts link a runbook',
      why: 'A responder woken at night should find the first diagnostic steps one click away from the alert, even if the runbook is still incomplete.',
      level: 'beginner',
      category: 'incidents',
      weight: 2,
      kind: 'automatic',
      check: 'runbook-coverage',
      productionReadiness: true,
    },
    {
      id: 'runbooks-fresh',
      title: 'Runbooks were reviewed recently',
      why: "A runbook that describes last year's architecture misleads the responder. Regular review keeps commands, dashboards and contacts current.",
      level: 'intermediate',
      category: 'incidents',
      weight: 2,
      kind: 'automatic',
      check: 'runbooks-fresh',
    },
    {
      id: 'postmortems',
      title:
        'Significant incidents get a blameless postmortem with tracked actions',
      why: 'Writing down what happened without assigning blame, and following the action items to completion, is how the same outage is prevented from happening twice.',
      level: 'intermediate',
      category: 'incidents',
      weight: 2,
      kind: 'self-assessed',
    },
    {
      id: 'incident-training',
      title: 'The team practises incident response',
      why: 'Role-play exercises and game days let people try the process and tools while nothing is at stake, so the real incident is not the first time.',
      level: 'intermediate',
      category: 'incidents',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'disaster-recovery-exercise',
      title: 'A disaster-recovery exercise runs at least once a year',
      why: 'Recovery plans decay silently. Rehearsing the loss of a region, a database or a key dependency proves the plan works and shows how long recovery really takes.',
      level: 'advanced',
      category: 'incidents',
      weight: 2,
      kind: 'self-assessed',
    },

    // Release & rollback
    {
      id: 'automated-deploy',
      title: 'Deployments are automated and repeatable',
      why: 'Manual deployment steps are where mistakes and "works on my machine" happen; an automated pipeline does the same thing every time and leaves a trail.',
      level: 'beginner',
      category: 'releases',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'rollback',
      title: 'A release can be rolled back quickly, and that has been tried',
      why: 'Most incidents follow a change. Being able to undo it within minutes is usually the fastest mitigation, but only if the rollback path is known to work.',
      level: 'beginner',
      category: 'releases',
      weight: 3,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'gradual-rollout',
      title: 'Changes roll out gradually',
      why: 'Canaries, staged rollouts and feature flags expose a change to a small share of traffic first, so a bad release hurts few users and is caught early.',
      level: 'intermediate',
      category: 'releases',
      weight: 2,
      kind: 'self-assessed',
      allowNotApplicable: true,
    },
    {
      id: 'config-changes-reviewed',
      title:
        'Configuration changes go through review and staged rollout like code',
      why: 'A one-line configuration change can take a service down as surely as a code change; it deserves the same review, testing and gradual rollout.',
      level: 'intermediate',
      category: 'releases',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'canary-judged-by-slo',
      title: 'Canaries are judged automatically against the SLO',
      why: 'Comparing a canary with the SLO (or with the stable version) and stopping the rollout automatically removes the human from the slowest part of catching a bad release.',
      level: 'advanced',
      category: 'releases',
      weight: 2,
      kind: 'self-assessed',
      allowNotApplicable: true,
    },

    // Capacity & resilience
    {
      id: 'timeouts-retries',
      title: 'Calls to dependencies have timeouts and bounded retries',
      why: 'Without timeouts one slow dependency ties up every worker; unbounded retries turn a small failure into an overload. Backoff with jitter and a retry budget keep failures contained.',
      level: 'beginner',
      category: 'capacity',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
      allowNotApplicable: true,
    },
    {
      id: 'graceful-shutdown',
      title: 'The service shuts down gracefully',
      why: 'Finishing in-flight requests and leaving the load balancer before exiting makes deployments and scaling invisible to users.',
      level: 'beginner',
      category: 'capacity',
      weight: 1,
      kind: 'self-assessed',
      productionReadiness: true,
      allowNotApplicable: true,
    },
    {
      id: 'dependencies-documented',
      title: 'Critical dependencies and their failure impact are known',
      why: 'Knowing what breaks when a dependency fails, and whether the service can degrade gracefully, turns surprises into planned behaviour.',
      level: 'beginner',
      category: 'capacity',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'capacity-plan',
      title: 'Capacity is planned and load-tested for the expected peak',
      why: 'Load tests show where the service breaks before users do, and a capacity plan makes sure there is headroom for growth and for losing a zone.',
      level: 'intermediate',
      category: 'capacity',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'restore-tested',
      title: 'Backups are restored in regular tests',
      why: 'A backup that has never been restored is a hope, not a backup. Answer "not applicable", and say why in the note, for services without state of their own.',
      level: 'intermediate',
      category: 'capacity',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
      allowNotApplicable: true,
    },
    {
      id: 'failover-exercised',
      title: 'Failover to another zone or region has been exercised',
      why: 'Redundancy only helps if traffic actually moves when it must. Exercising failover reveals hidden single points of failure and stale configuration.',
      level: 'advanced',
      category: 'capacity',
      weight: 2,
      kind: 'self-assessed',
      allowNotApplicable: true,
    },

    // Operations & toil
    {
      id: 'operations-documented',
      title:
        'Setting up, tearing down and failing over the service are documented',
      why: 'Documented procedures let anyone on the rotation perform routine operations safely, not only the person who built the service.',
      level: 'beginner',
      category: 'operations',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'monitoring-end-to-end',
      title: 'Monitoring covers the service end to end',
      why: 'Metrics, logs and traces from the entry point down to the datastores let responders find where a problem is rather than guess.',
      level: 'beginner',
      category: 'operations',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'toil-below-half',
      title: "Toil is measured and takes less than half of the team's time",
      why: "Manual, repetitive operational work grows with the service. Measuring it and keeping it well below half of the team's time leaves room for the engineering that removes it.",
      level: 'intermediate',
      category: 'operations',
      weight: 2,
      kind: 'self-assessed',
    },
    {
      id: 'reliability-roadmap',
      title: 'Reliability work is planned, not only reactive',
      why: 'A team that plans its own reliability projects (automation, removing failure modes, better tooling) scales its impact beyond taking more pages.',
      level: 'advanced',
      category: 'operations',
      weight: 1,
      kind: 'self-assessed',
    },
  ],
};
