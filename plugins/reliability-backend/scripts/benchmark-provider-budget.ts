/*
 * Benchmark (not a test) of the vendor request budget: refresh cycles over BENCH_SERVICES (10,000) services
 * against msw-backed vendors that count requests and answer 429 past their rate limit (BENCH_VENDOR_LIMIT requests
 * in any 60 s, default 1200). Every service starts with last data from an earlier cycle, so a service the cycle
 * does not refresh keeps it (stale).
 *
 * Run from the repo root: `yarn bench:provider-budget` (BENCH_SERVICES=2000 for a quicker run;
 * BENCH_SCENARIO=oncall|slo|all, default all). Scenarios, each in both areas:
 *   no budget   one cycle; the vendor's 429s decide what is refreshed
 *   budget      budget.requestsPerMinute (BENCH_BUDGET, default 1000) below the vendor limit, two cycles of
 *               BENCH_CYCLE_SECONDS (default 60; the real cycle is the refresh interval, 5 minutes):
 *               requests wait for their turn until the cycle's end, then what the budget has no room for is
 *               refused at once (one log line), and the next cycle starts where this one ran out of budget
 * Areas:
 *   oncall      on-call refresh over PagerDuty (2 requests a service; providerBudget/onCall.ts)
 *   slo         SLO collection over Datadog (6 requests a service; providerBudget/slo.ts)
 */
import { cpus, loadavg } from 'node:os';
import { runOnCallScenario } from './providerBudget/onCall';
import {
  BUDGET_SETTINGS,
  CYCLE_MS,
  SERVICES,
  TABLE_HEADER,
  VENDOR_LIMIT,
} from './providerBudget/shared';
import {
  REQUESTS_PER_SLO,
  runSloScenario,
  SLO_TASK_TIMEOUT_MS,
} from './providerBudget/slo';

const SCENARIO = process.env.BENCH_SCENARIO ?? 'all';

function print(lines: string[]) {
  // eslint-disable-next-line no-console
  console.log(lines.join('\n'));
}

async function main() {
  if (!['oncall', 'slo', 'all'].includes(SCENARIO)) {
    throw new Error(
      `BENCH_SCENARIO must be oncall, slo or all, got '${SCENARIO}'`,
    );
  }
  print([
    `# Provider budget benchmark, ${new Date().toISOString()}`,
    `machine: ${cpus().length} x ${cpus()[0]?.model}, load average ${loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}, node ${process.version}`,
  ]);
  if (SCENARIO === 'oncall' || SCENARIO === 'all') {
    print([
      `services: ${SERVICES} (2 PagerDuty requests each), vendor limit ${VENDOR_LIMIT} requests in any 60 s, budget cycle ${
        CYCLE_MS / 1000
      } s`,
      '',
      ...TABLE_HEADER,
    ]);
    await runOnCallScenario('no budget', undefined, 1);
    await runOnCallScenario('budget', BUDGET_SETTINGS, 2);
  }
  if (SCENARIO === 'slo' || SCENARIO === 'all') {
    print([
      '',
      `## SLO collection over Datadog`,
      `services: ${SERVICES} (1 SLO, ${REQUESTS_PER_SLO} Datadog requests each), vendor limit ${VENDOR_LIMIT} requests in any 60 s, budget cycle ${
        Math.min(CYCLE_MS, SLO_TASK_TIMEOUT_MS) / 1000
      } s, collection timeout ${SLO_TASK_TIMEOUT_MS / 1000} s`,
      '',
      ...TABLE_HEADER,
    ]);
    await runSloScenario('slo, no budget', undefined, 1);
    await runSloScenario('slo, budget', BUDGET_SETTINGS, 2);
  }
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
