import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AlertCheckId,
  AlertSummary,
  AutomaticCheckId,
  AutomaticResult,
  Checklist,
  DeployGateUsageSummary,
  evaluateDeployGateCheck,
  evaluateAlertCheck,
  evaluateIncidentCheck,
  IncidentCheckId,
  IncidentSummary,
  OnCallSummary,
  RunbookSummary,
  SloSummary,
  pluralCount,
} from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../summaries';

/** The other areas' summaries the automatic checks read; a missing one makes its checks `unknown`. */
export interface AutomaticCheckSources {
  slo?: SummarySource<SloSummary>;
  oncall?: SummarySource<OnCallSummary>;
  runbooks?: SummarySource<RunbookSummary>;
  alerts?: SummarySource<AlertSummary>;
  incidents?: SummarySource<IncidentSummary>;
  /** When the deploy gate was last asked about each service (the policy area). */
  deployGate?: SummarySource<DeployGateUsageSummary>;
}

/** Summaries of one area for a batch of entities, or why they are not available. */
type AreaData<T> =
  | { available: true; summaries: Map<string, T> }
  | { available: false; reason: string };

/** Everything the automatic checks need for a batch of entities. */
export interface AutomaticCheckData {
  slo: AreaData<SloSummary>;
  oncall: AreaData<OnCallSummary>;
  runbooks: AreaData<RunbookSummary>;
  alerts: AreaData<AlertSummary>;
  incidents: AreaData<IncidentSummary>;
  deployGate: AreaData<DeployGateUsageSummary>;
}

/** What the checks compare against: the checklist's thresholds and the time of the evaluation. */
export interface AutomaticCheckSettings {
  /** Share of SLO alerts (0..1) that must link a runbook for `runbook-coverage`. */
  runbookCoverageThreshold: number;
  /** How recent the newest deploy-gate answer must be for `deploys-ask-gate`, in days. */
  deployGateAskedWithinDays: number;
  now: Date;
}

const AREA_OF_CHECK: Record<AutomaticCheckId, keyof AutomaticCheckData> = {
  'slo-defined': 'slo',
  'slo-met-last-window': 'slo',
  'burn-rate-alerts': 'slo',
  'oncall-two-people': 'oncall',
  'runbook-coverage': 'runbooks',
  'runbooks-fresh': 'runbooks',
  'pages-have-runbooks': 'alerts',
  'paging-mostly-slo-based': 'alerts',
  'no-noisy-alerts': 'alerts',
  'postmortems-on-time': 'incidents',
  'action-items-on-time': 'incidents',
  'acknowledge-within-target': 'incidents',
  'deploys-ask-gate': 'deployGate',
};

const AREA_NAME: Record<keyof AutomaticCheckData, string> = {
  slo: 'SLO',
  oncall: 'on-call',
  runbooks: 'runbook',
  alerts: 'alert',
  incidents: 'incident',
  deployGate: 'deploy gate',
};

async function loadArea<T>(
  area: keyof AutomaticCheckData,
  source: SummarySource<T> | undefined,
  needed: boolean,
  entityRefs: string[],
  logger: LoggerService,
): Promise<AreaData<T>> {
  if (!needed) {
    return { available: true, summaries: new Map() };
  }
  if (!source) {
    return {
      available: false,
      reason: `the ${AREA_NAME[area]} data source is not available in this installation`,
    };
  }
  try {
    return {
      available: true,
      summaries: await source.getSummaries(entityRefs),
    };
  } catch (error) {
    logger.warn(
      `Checklist could not read ${AREA_NAME[area]} summaries: ${error}`,
    );
    return {
      available: false,
      reason: `the ${AREA_NAME[area]} data could not be read right now`,
    };
  }
}

/** Reads the summaries the checklist's automatic items need, one call per area for the whole batch. */
export async function loadAutomaticCheckData(
  sources: AutomaticCheckSources,
  checklist: Checklist,
  entityRefs: string[],
  logger: LoggerService,
): Promise<AutomaticCheckData> {
  const areas = new Set(
    checklist.items.flatMap(i => (i.check ? [AREA_OF_CHECK[i.check]] : [])),
  );
  const load = <T>(
    area: keyof AutomaticCheckData,
    source: SummarySource<T> | undefined,
  ) => loadArea(area, source, areas.has(area), entityRefs, logger);
  const [slo, oncall, runbooks, alerts, incidents, deployGate] =
    await Promise.all([
      load('slo', sources.slo),
      load('oncall', sources.oncall),
      load('runbooks', sources.runbooks),
      load('alerts', sources.alerts),
      load('incidents', sources.incidents),
      load('deployGate', sources.deployGate),
    ]);
  return { slo, oncall, runbooks, alerts, incidents, deployGate };
}

type Outcome = Pick<AutomaticResult, 'status' | 'detail'>;

const pass = (detail: string): Outcome => ({ status: 'pass', detail });
const fail = (detail: string): Outcome => ({ status: 'fail', detail });
const unknown = (detail: string): Outcome => ({ status: 'unknown', detail });

function staleNote(summary: { stale?: boolean } | undefined): string {
  return summary?.stale ? ' (data may be stale)' : '';
}

/** Evaluates one check for one entity from already loaded summaries. */
export function evaluateCheck(
  check: AutomaticCheckId,
  entityRef: string,
  data: AutomaticCheckData,
  settings: AutomaticCheckSettings,
): Outcome {
  const area = data[AREA_OF_CHECK[check]];
  if (!area.available) {
    return unknown(area.reason);
  }
  switch (check) {
    case 'slo-defined': {
      const slo = (area.summaries as Map<string, SloSummary>).get(entityRef);
      const count = slo?.sloCount ?? 0;
      return count > 0
        ? pass(`${pluralCount(count, 'SLO')} defined`)
        : fail(
            slo?.definitionErrors
              ? `no valid SLO (${pluralCount(
                  slo.definitionErrors,
                  'definition problem',
                )})`
              : 'no SLO defined',
          );
    }
    case 'slo-met-last-window': {
      const slo = (area.summaries as Map<string, SloSummary>).get(entityRef);
      if (!slo || slo.sloCount === 0) {
        return fail('no SLO defined, so none could be met');
      }
      if (slo.slosMeetingTarget === null) {
        return unknown('no completed SLO window collected yet');
      }
      const note = staleNote(slo);
      return slo.slosMeetingTarget >= slo.sloCount
        ? pass(
            `all ${pluralCount(slo.sloCount, 'SLO')} met their target${note}`,
          )
        : fail(
            `${slo.slosMeetingTarget} of ${pluralCount(
              slo.sloCount,
              'SLO',
            )} met their target${note}`,
          );
    }
    case 'burn-rate-alerts': {
      const slo = (area.summaries as Map<string, SloSummary>).get(entityRef);
      if (!slo || slo.sloCount === 0) {
        return fail('no SLO defined, so there is nothing to alert on');
      }
      return slo.burnRateAlertsConfigured
        ? pass('every SLO has multiwindow burn-rate alerts')
        : fail('not every SLO has multiwindow burn-rate alerts');
    }
    case 'oncall-two-people': {
      const oncall = (area.summaries as Map<string, OnCallSummary>).get(
        entityRef,
      );
      if (!oncall) {
        return fail('no on-call rotation found');
      }
      if (oncall.error && oncall.updatedAt === null) {
        return unknown(`the on-call provider failed: ${oncall.error}`);
      }
      const people = oncall.peopleInRotation;
      const note = oncall.error ? ' (last known data; provider failing)' : '';
      return people >= 2
        ? pass(`${pluralCount(people, 'person', 'people')} in rotation${note}`)
        : fail(`${pluralCount(people, 'person', 'people')} in rotation${note}`);
    }
    case 'runbook-coverage': {
      const runbooks = (area.summaries as Map<string, RunbookSummary>).get(
        entityRef,
      );
      if (!runbooks || runbooks.coverage === null) {
        return unknown(
          'the entity has no SLO alerts whose runbooks could be counted',
        );
      }
      const percent = Math.round(runbooks.coverage * 100);
      const required = Math.round(settings.runbookCoverageThreshold * 100);
      return runbooks.coverage >= settings.runbookCoverageThreshold
        ? pass(
            `${percent}% of SLO alerts link a runbook (${required}% required)`,
          )
        : fail(
            `${percent}% of SLO alerts link a runbook (${required}% required)`,
          );
    }
    case 'runbooks-fresh': {
      const runbooks = (area.summaries as Map<string, RunbookSummary>).get(
        entityRef,
      );
      if (!runbooks || runbooks.runbookCount === 0) {
        return fail('no runbook found');
      }
      return runbooks.staleCount === 0
        ? pass(
            `all ${pluralCount(
              runbooks.runbookCount,
              'runbook',
            )} reviewed recently`,
          )
        : fail(
            `${runbooks.staleCount} of ${pluralCount(
              runbooks.runbookCount,
              'runbook',
            )} not reviewed recently`,
          );
    }
    case 'pages-have-runbooks':
    case 'paging-mostly-slo-based':
    case 'no-noisy-alerts':
      // Worded by the alerts area's own rule (reliability-common alerts/checks.ts).
      return evaluateAlertCheck(
        check satisfies AlertCheckId,
        (area.summaries as Map<string, AlertSummary>).get(entityRef),
      );
    case 'postmortems-on-time':
    case 'action-items-on-time':
    case 'acknowledge-within-target':
      return evaluateIncidentCheck(
        check satisfies IncidentCheckId,
        (area.summaries as Map<string, IncidentSummary>).get(entityRef),
      );
    case 'deploys-ask-gate':
      // Worded by the policy area's own rule (reliability-common policy/deployGateCheck.ts).
      return evaluateDeployGateCheck(
        (area.summaries as Map<string, DeployGateUsageSummary>).get(entityRef),
        { now: settings.now, withinDays: settings.deployGateAskedWithinDays },
      );
    default:
      return unknown(`unsupported check '${check}'`);
  }
}

/** Automatic results of every automatic item of the checklist for one entity. */
export function evaluateAutomaticItems(
  checklist: Checklist,
  entityRef: string,
  data: AutomaticCheckData,
  settings: AutomaticCheckSettings,
): AutomaticResult[] {
  return checklist.items.flatMap(item =>
    item.kind === 'automatic' && item.check
      ? [
          {
            itemId: item.id,
            check: item.check,
            ...evaluateCheck(item.check, entityRef, data, settings),
          },
        ]
      : [],
  );
}
