/** One term of the SRE glossary. */
export interface GlossaryEntry {
  /** Anchor of the entry on the Glossary tab (`#error-budget`); what `GlossaryTerm` links to. */
  id: GlossaryTermId;
  term: string;
  definition: string;
}

/** Terms `GlossaryTerm` can link to. */
export type GlossaryTermId =
  | 'sli'
  | 'slo'
  | 'error-budget'
  | 'burn-rate'
  | 'multiwindow-alert'
  | 'default-alert-thresholds'
  | 'budget-exhausted'
  | 'time-slices'
  | 'journey-slo'
  | 'user-journey'
  | 'toil'
  | 'runbook'
  | 'rollback'
  | 'postmortem'
  | 'pre-mortem'
  | 'mttr'
  | 'on-call'
  | 'escalation-policy'
  | 'blast-radius'
  | 'maturity-level'
  | 'reliability-state'
  | 'service-tier'
  | 'attainment';

/** A short SRE glossary for people new to the on-call and SLO vocabulary. */
export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'sli',
    term: 'SLI (service level indicator)',
    definition:
      'A number that tells how well a service behaves from its users’ point of view, usually the share of good events: successful requests out of all requests, or requests answered faster than 300 ms.',
  },
  {
    id: 'slo',
    term: 'SLO (service level objective)',
    definition:
      'The target for an SLI over a time window, for example “99.9% of checkout requests succeed over 28 days”. It is an internal promise, deliberately below 100%.',
  },
  {
    id: 'error-budget',
    term: 'Error budget',
    definition:
      'What the SLO leaves room for: with 99.9% over 28 days, 0.1% of requests (or about 40 minutes of full outage) may fail. While budget is left, the team can ship risky changes; when it runs out, reliability work comes first.',
  },
  {
    id: 'burn-rate',
    term: 'Burn rate',
    definition:
      'How fast the error budget is being spent compared with spending it evenly over the window. A burn rate of 1 uses the budget exactly by the end of the window; 14.4 uses a 30-day budget in about two days.',
  },
  {
    id: 'multiwindow-alert',
    term: 'Multiwindow alert',
    definition:
      'A burn-rate alert that checks a long and a short window together (say 1 hour and 5 minutes): the long one proves the problem is significant, the short one that it is still happening, so alerts fire fast and stop soon after recovery.',
  },
  {
    id: 'default-alert-thresholds',
    term: 'Default alert thresholds',
    definition:
      'The alerts an SLO without its own alert policies gets: the SRE workbook’s “page when 2% of the budget burns in 1 hour or 5% in 6 hours, open a ticket at 10% in 3 days”, sized for the SLO’s window. The threshold is share × window ÷ alert window: 14.4× for a 30-day SLO, 3.36× for a 7-day one, never below 1×. Each SLO shows which thresholds apply and why.',
  },
  {
    id: 'budget-exhausted',
    term: 'Budget exhausted',
    definition:
      'No error budget is left: the window’s bad events reached or passed what the target allows. A 100% target has no budget at all, so a single bad event exhausts it; its burn rate is unbounded, and a failure in both windows of an alert fires it.',
  },
  {
    id: 'time-slices',
    term: 'Time slices',
    definition:
      'Another way to count an SLO: the window is cut into slices of fixed length on the clock (say every hour). With Timeslices a slice is good when enough of its events were good, and the SLO counts good slices; with RatioTimeslices each slice with traffic contributes its share of good events and the SLO is their average, so one busy hour of failures weighs as much as any other hour.',
  },
  {
    id: 'attainment',
    term: 'Attainment',
    definition:
      'The share of good events (or good time slices) over the SLO window so far, for example 99.93%. The SLO is met while attainment is at or above the target; the error budget is what lies between the two.',
  },
  {
    id: 'journey-slo',
    term: 'Journey SLO',
    definition:
      'An SLO of a whole user journey (“a shopper who starts checkout ends up with an order”) rather than of one service. It belongs to the System (or Domain) that delivers the journey and shows on its page like a service’s SLOs.',
  },
  {
    id: 'user-journey',
    term: 'User journey',
    definition:
      'Something a user does from start to finish, such as “a shopper pays for an order”, written down as the steps it takes through components and APIs. The tour walks a journey step by step, with each step’s SLOs, on-call and runbooks: the quickest way to learn how a request flows and where it can break.',
  },
  {
    id: 'toil',
    term: 'Toil',
    definition:
      'Manual, repetitive operational work that scales with the service and leaves nothing lasting behind, such as restarting a stuck job by hand every week. Good teams measure it and automate it away.',
  },
  {
    id: 'runbook',
    term: 'Runbook',
    definition:
      'Step-by-step instructions for handling one alert or situation: what it means, how to check the impact, how to mitigate, and whom to call. Linked from alerts so the person paged at 3 a.m. does not have to improvise.',
  },
  {
    id: 'rollback',
    term: 'Rollback',
    definition:
      'Putting the previous working version (or configuration) back when a change causes trouble. Most incidents start with a change, so a rehearsed rollback procedure is often the fastest mitigation; the runbook kind “rollback” marks these documents.',
  },
  {
    id: 'postmortem',
    term: 'Postmortem',
    definition:
      'A blameless written review after an incident: what happened, the impact, the timeline, why it happened, and the actions that make it less likely or less harmful next time.',
  },
  {
    id: 'mttr',
    term: 'MTTR (mean time to restore)',
    definition:
      'The average time from the start of an incident until users are served normally again. It measures how fast a team detects, mitigates and recovers, which is often cheaper to improve than preventing every failure: good alerts, runbooks and rollbacks shorten it.',
  },
  {
    id: 'pre-mortem',
    term: 'Pre-mortem',
    definition:
      'A review held before a launch or a risky change: the team imagines it has already failed and asks why. It starts from the blast radius (what breaks if this fails?) and ends with mitigations, alerts and a rollback plan in place before go-live.',
  },
  {
    id: 'escalation-policy',
    term: 'Escalation policy',
    definition:
      'Who gets paged, in which order, and after how many minutes without acknowledgement the page moves on to the next level (for example primary, then secondary, then the team lead).',
  },
  {
    id: 'on-call',
    term: 'On call',
    definition:
      'The engineer who answers pages for a service right now, on a rotation shared by the team. The primary is paged first; the escalation policy decides who is paged next when nobody acknowledges.',
  },
  {
    id: 'maturity-level',
    term: 'Maturity level',
    definition:
      'How far a service has come on the reliability checklist, from basics (an owner, on-call, runbooks) to SLOs with alerting and regular reviews. The score (0–100) is the weighted share of checklist items met; the level is the highest level whose items are all met ("No level yet" below the first one). "Not assessed" means no score exists yet.',
  },
  {
    id: 'reliability-state',
    term: 'Reliability state',
    definition:
      'The colour of a service on these pages, from its SLOs: Breaching when its error budget is used up or a page-level burn-rate alert fires, At risk when less than a quarter of the budget is left or a ticket-level alert fires, OK otherwise, and No SLO data when it has no SLOs or no measurements yet. A system takes the worst of its own SLOs and its services’ (lowest budget, most severe alert), a domain the worst of its systems.',
  },
  {
    id: 'service-tier',
    term: 'Service tier',
    definition:
      'How critical a service is to the business, from tier-1 (customers notice at once when it fails) to tier-4 (internal, can wait). Set with the tier annotation; the tour reads tier-1 services first.',
  },
  {
    id: 'blast-radius',
    term: 'Blast radius',
    definition:
      'Everything that depends on a component, directly or through other services and APIs: what breaks, or gets slower, if it fails. Tiers, SLOs and owners of the dependents tell who to warn and how bad it would be.',
  },
];
