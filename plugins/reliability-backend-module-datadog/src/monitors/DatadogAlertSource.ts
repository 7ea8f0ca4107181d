import {
  AlertState,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';
import {
  AlertInventory,
  AlertInventoryRequest,
  AlertSource,
} from '@internal/backstage-plugin-reliability-node';
import { DatadogMonitor, DatadogMonitorsClient } from './DatadogMonitorsClient';

/** The id of the Datadog alert source. */
export const DATADOG_ALERT_SOURCE = 'datadog';

/** Settings of the Datadog alert source. @public */
export interface DatadogAlertSourceOptions {
  /** Only monitors with all of these tags (e.g. `team:payments`); every monitor when empty. */
  monitorTags: string[];
  /**
   * Notification handles that page a person, matched as prefixes of `@handles` in monitor messages
   * (default `@pagerduty`, `@opsgenie`, `@victorops`, `@webhook-incident`).
   */
  pagingHandles: string[];
}

/** Default of `reliability.datadog.monitors.pagingHandles`. */
export const DEFAULT_PAGING_HANDLES = [
  '@pagerduty',
  '@opsgenie',
  '@victorops',
  '@webhook-incident',
];

const STATES: Record<string, AlertState> = {
  alert: 'firing',
  'no data': 'no-data',
  unknown: 'no-data',
  skipped: 'no-data',
  ok: 'ok',
  warn: 'ok',
  ignored: 'ok',
};

/** `key:value` tags as labels (a tag without a value becomes `tag` -> ''). The first value of a key wins. */
export function tagsToLabels(tags: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    const at = tag.indexOf(':');
    const key = (at < 0 ? tag : tag.slice(0, at)).trim();
    const value = at < 0 ? '' : tag.slice(at + 1).trim();
    if (key && !(key in labels)) labels[key] = value;
  }
  return labels;
}

const MARKDOWN_LINK = /\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/gi;
const URL = /https?:\/\/[^\s)<>"'\]]+/gi;

/**
 * The runbook a monitor message names: a Markdown link whose text or address mentions "runbook", else the first
 * link on a line that mentions "runbook" (`Runbook: https://...`). Null when it names none.
 */
export function runbookFromMessage(
  message: string | null | undefined,
): string | null {
  if (!message) return null;
  for (const [, text, url] of message.matchAll(MARKDOWN_LINK)) {
    if (/runbook/i.test(text) || /runbook/i.test(url)) return url;
  }
  for (const line of message.split('\n')) {
    if (!/runbook/i.test(line)) continue;
    const found = line.match(URL);
    // A sentence may end right after the link.
    if (found) return found[0].replace(/[.,;:!?]+$/, '');
  }
  return null;
}

/** The message without notification handles and template blocks, as a short description. */
function describe(message: string | null | undefined): string | null {
  if (!message) return null;
  const text = message
    .replace(/\{\{[#/^][^}]*\}\}/g, '')
    .replace(/(^|\s)@[\w.@+-]+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, 500) : null;
}

/**
 * Datadog monitors as an alert source: the monitors with the configured tags (all of them without), their tags
 * as labels (`service:checkout-api` maps the monitor to the `checkout-api` entity), `overall_state` as state
 * (`Alert` firing; `No Data`, `Unknown`, `Skipped` no data; else ok), priority as severity (`P1`...), paging when
 * the message notifies a paging handle (`@pagerduty-...`), and the runbook a link in the message names. Datadog
 * keeps no firing history here: the suite records firings from the states it reads
 * (`overall_state_modified` dates the start of a firing).
 *
 * @public
 */
export class DatadogAlertSource implements AlertSource {
  readonly id = DATADOG_ALERT_SOURCE;

  constructor(
    private readonly client: DatadogMonitorsClient,
    private readonly options: DatadogAlertSourceOptions,
  ) {}

  async getInventory(request: AlertInventoryRequest): Promise<AlertInventory> {
    const monitors = await this.client.listMonitors(
      this.options.monitorTags,
      request.signal,
    );
    return { alerts: monitors.map(m => this.toAlert(m)) };
  }

  private toAlert(monitor: DatadogMonitor): SourceAlert {
    const state =
      STATES[(monitor.overall_state ?? 'unknown').toLowerCase()] ?? 'no-data';
    const message = monitor.message ?? '';
    const handles = message.toLowerCase();
    return {
      id: String(monitor.id),
      name: monitor.name,
      state,
      severity: monitor.priority ? `P${monitor.priority}` : null,
      pages: this.options.pagingHandles.some(handle =>
        handles.includes(handle.toLowerCase()),
      ),
      labels: tagsToLabels(monitor.tags ?? []),
      runbookUrl: runbookFromMessage(message),
      description: describe(message),
      url: `${this.client.appUrl}/monitors/${monitor.id}`,
      query: monitor.query ?? null,
      firingSince:
        state === 'firing' ? monitor.overall_state_modified ?? null : null,
    };
  }
}
