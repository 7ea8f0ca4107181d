import {
  AlertFiring,
  AlertState,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';
import {
  AlertInventory,
  AlertInventoryRequest,
  AlertSource,
} from '@internal/backstage-plugin-reliability-node';
import {
  historyQuery,
  historyStepSeconds,
  seriesEpisodes,
} from './alertHistory';
import {
  PrometheusActiveAlert,
  PrometheusAlertingRule,
  PrometheusAlertsClient,
} from './PrometheusAlertsClient';

/** The id of the Prometheus alert source. */
export const PROMETHEUS_ALERT_SOURCE = 'prometheus';

/** Settings of the Prometheus alert source. @public */
export interface PrometheusAlertSourceOptions {
  /** Values of the `severity` label that page a person (compared case-insensitively). */
  pagingSeverities: string[];
  /** Base URL of the Prometheus UI, for links to the alerts page; none when unset. */
  externalUrl?: string;
}

const ID_UNSAFE = /[^A-Za-z0-9._:#/@+=-]/g;

function ruleId(group: string, name: string): string {
  const id = `${group}/${name}`
    .replace(ID_UNSAFE, '_')
    .replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 240) || 'rule';
}

function matches(
  ruleLabels: Record<string, string>,
  name: string,
  labels: Record<string, string>,
): boolean {
  return (
    labels.alertname === name &&
    Object.entries(ruleLabels).every(([key, value]) => labels[key] === value)
  );
}

/**
 * Prometheus alerting rules as an alert source: every alerting rule of `/api/v1/rules` (its labels map it to
 * catalog entities; `severity` decides whether it pages; the `runbook_url` annotation is its runbook), its state
 * from the active alerts of `/api/v1/alerts` (firing, else `no-data` when the rule fails to evaluate, else ok),
 * and its firings over the requested interval from the `ALERTS` series Prometheus records.
 *
 * @public
 */
export class PrometheusAlertSource implements AlertSource {
  readonly id = PROMETHEUS_ALERT_SOURCE;
  private readonly paging: Set<string>;

  constructor(
    private readonly client: PrometheusAlertsClient,
    private readonly options: PrometheusAlertSourceOptions,
  ) {
    this.paging = new Set(options.pagingSeverities.map(s => s.toLowerCase()));
  }

  async getInventory(request: AlertInventoryRequest): Promise<AlertInventory> {
    const { from, to, signal } = request;
    const step = historyStepSeconds(from, to);
    const [rules, active, history] = await Promise.all([
      this.client.getAlertingRules(signal),
      this.client.getActiveAlerts(signal),
      this.client.queryRange(historyQuery(step), from, to, step, signal),
    ]);
    const seen = new Map<string, number>();
    const entries = rules.map(({ group, rule }) => {
      const base = ruleId(group, rule.name);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { id: n === 1 ? base : `${base}#${n}`, rule };
    });
    const alerts = entries.map(({ id, rule }) =>
      this.toAlert(id, rule, active),
    );
    const episodes = seriesEpisodes(history, step, to);
    const firings: AlertFiring[] = entries.flatMap(({ id, rule }) =>
      episodes
        .filter(e => matches(rule.labels ?? {}, rule.name, e.labels))
        .map(e => ({
          alertId: id,
          startedAt: e.startedAt.toISOString(),
          resolvedAt: e.resolvedAt?.toISOString() ?? null,
        })),
    );
    return { alerts, firings };
  }

  private toAlert(
    id: string,
    rule: PrometheusAlertingRule,
    active: PrometheusActiveAlert[],
  ): SourceAlert {
    const labels = rule.labels ?? {};
    const annotations = rule.annotations ?? {};
    const firing = active.filter(
      a => a.state === 'firing' && matches(labels, rule.name, a.labels),
    );
    let state: AlertState = 'ok';
    if (firing.length > 0 || rule.state === 'firing') state = 'firing';
    else if (rule.health === 'err') state = 'no-data';
    const severity = labels.severity ?? null;
    const since = firing
      .map(a => a.activeAt)
      .filter((t): t is string => Boolean(t))
      .sort()[0];
    return {
      id,
      name: rule.name,
      state,
      severity,
      pages: severity !== null && this.paging.has(severity.toLowerCase()),
      labels,
      runbookUrl: annotations.runbook_url ?? annotations.runbook ?? null,
      description:
        annotations.summary ??
        annotations.description ??
        rule.lastError ??
        null,
      url: this.options.externalUrl
        ? `${this.options.externalUrl}/alerts?search=${encodeURIComponent(
            rule.name,
          )}`
        : null,
      query: rule.query ?? null,
      firingSince: since ?? null,
    };
  }
}
