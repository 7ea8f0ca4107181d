/** One term of the SRE glossary. */
export interface GlossaryTerm {
  term: string;
  definition: string;
}

/** A short SRE glossary for people new to the on-call and SLO vocabulary. */
export const GLOSSARY: GlossaryTerm[] = [
  {
    term: 'SLI (service level indicator)',
    definition:
      'A number that tells how well a service behaves from its users’ point of view, usually the share of good events: successful requests out of all requests, or requests answered faster than 300 ms.',
  },
  {
    term: 'SLO (service level objective)',
    definition:
      'The target for an SLI over a time window, for example “99.9% of checkout requests succeed over 28 days”. It is an internal promise, deliberately below 100%.',
  },
  {
    term: 'Error budget',
    definition:
      'What the SLO leaves room for: with 99.9% over 28 days, 0.1% of requests (or about 40 minutes of full outage) may fail. While budget is left, the team can ship risky changes; when it runs out, reliability work comes first.',
  },
  {
    term: 'Burn rate',
    definition:
      'How fast the error budget is being spent compared with spending it evenly over the window. A burn rate of 1 uses the budget exactly by the end of the window; 14.4 uses a 30-day budget in about two days.',
  },
  {
    term: 'Multiwindow alert',
    definition:
      'A burn-rate alert that checks a long and a short window together (say 1 hour and 5 minutes): the long one proves the problem is significant, the short one that it is still happening, so alerts fire fast and stop soon after recovery.',
  },
  {
    term: 'Default alert thresholds',
    definition:
      'The alerts an SLO without its own alert policies gets: the SRE workbook’s “page when 2% of the budget burns in 1 hour or 5% in 6 hours, open a ticket at 10% in 3 days”, sized for the SLO’s window. The threshold is share × window ÷ alert window: 14.4× for a 30-day SLO, 3.36× for a 7-day one, never below 1×. Each SLO shows which thresholds apply and why.',
  },
  {
    term: 'Budget exhausted',
    definition:
      'No error budget is left: the window’s bad events reached or passed what the target allows. A 100% target has no budget at all, so a single bad event exhausts it; its burn rate is unbounded, and a failure in both windows of an alert fires it.',
  },
  {
    term: 'Time slices',
    definition:
      'Another way to count an SLO: the window is cut into slices of fixed length on the clock (say every hour). With Timeslices a slice is good when enough of its events were good, and the SLO counts good slices; with RatioTimeslices each slice with traffic contributes its share of good events and the SLO is their average, so one busy hour of failures weighs as much as any other hour.',
  },
  {
    term: 'Journey SLO',
    definition:
      'An SLO of a whole user journey (“a shopper who starts checkout ends up with an order”) rather than of one service. It belongs to the System (or Domain) that delivers the journey and shows on its page like a service’s SLOs.',
  },
  {
    term: 'Toil',
    definition:
      'Manual, repetitive operational work that scales with the service and leaves nothing lasting behind, such as restarting a stuck job by hand every week. Good teams measure it and automate it away.',
  },
  {
    term: 'Runbook',
    definition:
      'Step-by-step instructions for handling one alert or situation: what it means, how to check the impact, how to mitigate, and whom to call. Linked from alerts so the person paged at 3 a.m. does not have to improvise.',
  },
  {
    term: 'Postmortem',
    definition:
      'A blameless written review after an incident: what happened, the impact, the timeline, why it happened, and the actions that make it less likely or less harmful next time.',
  },
  {
    term: 'Escalation policy',
    definition:
      'Who gets paged, in which order, and after how many minutes without acknowledgement the page moves on to the next level (for example primary, then secondary, then the team lead).',
  },
  {
    term: 'Maturity level',
    definition:
      'How far a service has come on the reliability checklist, from basics (an owner, on-call, runbooks) to SLOs with alerting and regular reviews. The score (0–100) is the weighted share of checklist items met; the level is the highest level whose items are all met ("No level yet" below the first one). "Not assessed" means no score exists yet.',
  },
  {
    term: 'Reliability state',
    definition:
      'The colour of a service on these pages, from its SLOs: Breaching when its error budget is used up or a page-level burn-rate alert fires, At risk when less than a quarter of the budget is left or a ticket-level alert fires, OK otherwise, and No SLO data when it has no SLOs or no measurements yet. A system takes the worst of its own SLOs and its services’ (lowest budget, most severe alert), a domain the worst of its systems.',
  },
  {
    term: 'Service tier',
    definition:
      'How critical a service is to the business, from tier-1 (customers notice at once when it fails) to tier-4 (internal, can wait). Set with the tier annotation; the tour reads tier-1 services first.',
  },
];
