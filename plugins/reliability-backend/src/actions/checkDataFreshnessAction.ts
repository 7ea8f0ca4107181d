import {
  backgroundTaskInTrouble,
  backgroundTaskLabel,
  BackgroundWorkResponse,
  replicasInTrouble,
} from '@internal/backstage-plugin-reliability-common';
import { defineAction, READ_ONLY } from './defineAction';
import { BackgroundWorkReader } from './sources';

const DESCRIPTION = `
Says whether the reliability data the other reliability tools answer with is current: for each background task of
the suite (SLO collection, the on-call, runbook, alert, incident and checklist refreshes, the overview's roll-ups,
the trends snapshot, notifications), its state, when it last ran and succeeded, and when the next run is due.
States: "ok" (ran on time), "running", "waiting" (registered, first run not yet due), "failing" (last run failed),
"late" (no run started when one was due: no replica runs background tasks, or runs take longer than the cadence),
"interrupted" (a run never ended within its timeout). Use it before trusting figures that look wrong or old, or
for "is the reliability portal collecting data?". current=false means at least one task is late, failing or
interrupted (listed in needsAttention). Failure messages are not included (reliability admins read them on the
portal's Monitoring tab).
`.trim();

/** `check-data-freshness`: the background tasks' states (GET /background-work without failure messages). */
export function createCheckDataFreshnessAction(deps: {
  backgroundWork: BackgroundWorkReader;
}) {
  return defineAction({
    name: 'check-data-freshness',
    title: 'Check reliability data freshness',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          current: z.boolean(),
          needsAttention: z.array(z.string()),
          checkedAt: z.string(),
          tasks: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              state: z.enum([
                'waiting',
                'running',
                'ok',
                'failing',
                'late',
                'interrupted',
              ]),
              cadence: z.string(),
              lastRunStartedAt: z.string().nullable(),
              lastRunDurationMs: z.number().nullable(),
              lastSuccessAt: z
                .string()
                .nullable()
                .describe(
                  'When a run last succeeded; for a task every replica runs, the newest success of any replica',
                ),
              nextRunDueAt: z.string().nullable(),
              replicas: z
                .object({
                  total: z.number(),
                  inTrouble: z.number(),
                })
                .nullable()
                .describe(
                  'For a task every replica runs its own copy of: how many replicas run it, and how many of those are late, failing or interrupted (the task shows the one most in need of attention)',
                ),
            }),
          ),
        }),
    },
    action: async () => {
      const work: BackgroundWorkResponse = await deps.backgroundWork.list(
        false,
      );
      const attention = work.tasks.filter(task =>
        backgroundTaskInTrouble(task.state),
      );
      return {
        output: {
          current: work.tasks.length > 0 && attention.length === 0,
          needsAttention: attention.map(
            task => `${backgroundTaskLabel(task.id)} (${task.state})`,
          ),
          checkedAt: work.checkedAt,
          tasks: work.tasks.map(task => ({
            id: task.id,
            name: backgroundTaskLabel(task.id),
            state: task.state,
            cadence: task.cadence,
            lastRunStartedAt: task.lastRun?.startedAt ?? null,
            lastRunDurationMs: task.lastRun?.durationMs ?? null,
            lastSuccessAt: task.lastSuccess?.endedAt ?? null,
            nextRunDueAt: task.nextRunDueAt ?? null,
            replicas: task.replicaCount
              ? {
                  total: task.replicaCount.total,
                  inTrouble: replicasInTrouble(task.replicaCount),
                }
              : null,
          })),
        },
      };
    },
  });
}
