/**
 * DEMO DATA: the self-assessment history and exemptions of the Parcelly demo catalog (examples/catalog), written
 * when `reliability.demo.seedMaturity` is on. Times are days before the seeding run; answers are derived from the
 * checklist in force (see {@link demoAnswers}), so a custom checklist still gets a plausible history.
 */

/** Who the demo assessments and exemptions are by: shown wherever an author is, so they read as demo data. */
export const DEMO_AUTHOR = 'demo data (synthetic)';

/** One synthetic assessment: when, and up to which level its self-assessed items are answered "yes". */
export interface DemoAssessment {
  daysAgo: number;
  /** A level id of the checklist, or `none` (only partial answers). */
  level: string;
  /** Days its answers count (default: the configured answer validity); short ones make a level drop later. */
  validDays?: number;
}

/** The assessments of one Component (namespace default), oldest first. */
export interface DemoMaturityStory {
  component: string;
  assessments: DemoAssessment[];
}

/** About six months of assessments, so levels and scores move: most climb, one drops when its answers expire. */
export const DEMO_MATURITY: DemoMaturityStory[] = [
  {
    component: 'checkout-api',
    assessments: [
      { daysAgo: 172, level: 'none' },
      { daysAgo: 131, level: 'beginner' },
      { daysAgo: 88, level: 'beginner' },
      { daysAgo: 44, level: 'intermediate' },
      { daysAgo: 9, level: 'intermediate' },
    ],
  },
  {
    component: 'payments',
    assessments: [
      { daysAgo: 165, level: 'beginner' },
      { daysAgo: 118, level: 'intermediate' },
      { daysAgo: 61, level: 'intermediate' },
      { daysAgo: 16, level: 'advanced' },
    ],
  },
  {
    component: 'order-api',
    assessments: [
      { daysAgo: 158, level: 'none' },
      { daysAgo: 97, level: 'none' },
      { daysAgo: 52, level: 'beginner' },
      { daysAgo: 6, level: 'beginner' },
    ],
  },
  {
    // Reached Intermediate, then let its answers lapse: the level drops back once they expire.
    component: 'cart-service',
    assessments: [
      { daysAgo: 176, level: 'beginner' },
      { daysAgo: 139, level: 'intermediate' },
      { daysAgo: 100, level: 'intermediate', validDays: 90 },
    ],
  },
  {
    component: 'api-gateway',
    assessments: [
      { daysAgo: 150, level: 'beginner' },
      { daysAgo: 70, level: 'intermediate' },
      { daysAgo: 21, level: 'intermediate' },
    ],
  },
  {
    component: 'search-service',
    assessments: [
      { daysAgo: 145, level: 'none' },
      { daysAgo: 33, level: 'beginner' },
    ],
  },
  {
    component: 'inventory-service',
    assessments: [
      { daysAgo: 120, level: 'none' },
      { daysAgo: 58, level: 'none' },
      { daysAgo: 12, level: 'beginner' },
    ],
  },
  {
    component: 'tracking-service',
    assessments: [
      { daysAgo: 168, level: 'beginner' },
      { daysAgo: 27, level: 'beginner' },
    ],
  },
];

/** One synthetic exemption of one item; items not in the checklist in force are skipped. */
export interface DemoExemption {
  component: string;
  itemId: string;
  status: 'pending' | 'approved' | 'expired';
  justification: string;
  /** Requested this many days before the seeding run. */
  requestedDaysAgo: number;
  /** Requested (and, once approved, granted) for this many days from the request. */
  days: number;
}

export const DEMO_EXEMPTIONS: DemoExemption[] = [
  {
    component: 'search-service',
    itemId: 'gradual-rollout',
    status: 'pending',
    justification:
      'Demo data: search indexes are rebuilt in one step today; canary releases come with the new index pipeline next quarter.',
    requestedDaysAgo: 2,
    days: 120,
  },
  {
    component: 'checkout-api',
    itemId: 'disaster-recovery-exercise',
    status: 'approved',
    justification:
      'Demo data: the region failover exercise is booked with the platform team for the first week after the peak freeze.',
    requestedDaysAgo: 20,
    days: 90,
  },
  {
    component: 'order-api',
    itemId: 'incident-training',
    status: 'expired',
    justification:
      'Demo data: half of the team joined this quarter; incident training is planned once onboarding is done.',
    requestedDaysAgo: 75,
    days: 60,
  },
];
