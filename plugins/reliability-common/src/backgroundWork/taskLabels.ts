/** What each of the suite's background tasks does, for people (ids as the scheduler knows them). */
const TASK_LABELS: Record<string, string> = {
  'reliability-slo-refresh': 'SLO collection',
  'reliability-oncall-refresh': 'On-call refresh',
  'reliability-oncall-schedule-files': 'On-call schedule files',
  'reliability-runbooks-refresh': 'Runbook indexing',
  'reliability-alerts-refresh': 'Alert inventory refresh',
  'reliability-incidents-refresh': 'Incidents refresh',
  'reliability-notifications-refresh': 'Notifications',
  'reliability-checklist-refresh': 'Checklist refresh',
  'reliability-trends-refresh': 'Trends snapshot',
  'reliability-policy-refresh': 'Error-budget policy refresh',
  'reliability-reports-notify': 'SLO review reports',
  'reliability-overview-refresh': 'Overview roll-ups and services index',
  'reliability-learning-refresh': 'Learning progress refresh',
  'reliability-campaigns-refresh': 'Campaigns refresh',
};

const DEMO_SEEDER = /^reliability-([a-z-]+)-demo-seeder$/;

/**
 * A background task's name for people: "SLO collection" for `reliability-slo-refresh`; an id the suite does not
 * know (a newer replica's task) is shown as it is; the demo's seeders say so.
 *
 * @public
 */
export function backgroundTaskLabel(id: string): string {
  const demoArea = DEMO_SEEDER.exec(id)?.[1];
  if (demoArea) return `Demo data seeder (${demoArea})`;
  return TASK_LABELS[id] ?? id;
}
