import {
  ALERT_STATES,
  AlertFiring,
  isHttpUrl,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';
import {
  ALERT_ID_PATTERN,
  LABEL_NAME_PATTERN,
  MAX_LABELS,
} from '../embedded/alertsBodySchema';

const MAX_NAME = 255;
const MAX_TEXT = 4000;
const MAX_LABEL_VALUE = 500;

function text(value: unknown, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

function time(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** An http(s) link of at most 2000 characters, else null. */
function link(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.length <= 2000 && isHttpUrl(value)
    ? value
    : null;
}

/**
 * What a source reported, made safe to store: a valid id and state, bounded texts and labels, http(s) links
 * only. Undefined for an alert that cannot be stored (no valid id, name or state).
 */
export function sanitizeSourceAlert(
  alert: SourceAlert,
): SourceAlert | undefined {
  const name = text(alert.name, MAX_NAME);
  if (
    typeof alert.id !== 'string' ||
    !ALERT_ID_PATTERN.test(alert.id) ||
    !name ||
    !ALERT_STATES.includes(alert.state)
  ) {
    return undefined;
  }
  const labels = Object.fromEntries(
    Object.entries(alert.labels ?? {})
      .filter(([key]) => LABEL_NAME_PATTERN.test(key))
      .slice(0, MAX_LABELS)
      .map(([key, value]) => [key, String(value).slice(0, MAX_LABEL_VALUE)]),
  );
  return {
    id: alert.id,
    name,
    state: alert.state,
    severity: text(alert.severity, 64),
    pages: alert.pages === true,
    labels,
    runbookUrl: link(alert.runbookUrl),
    description: text(alert.description, MAX_TEXT),
    url: link(alert.url),
    query: text(alert.query, MAX_TEXT),
    firingSince: time(alert.firingSince),
  };
}

/** A firing made safe to store, or undefined (unknown alert, unreadable start). */
export function sanitizeFiring(
  firing: AlertFiring,
  knownIds: ReadonlySet<string>,
): AlertFiring | undefined {
  const startedAt = time(firing.startedAt);
  if (!startedAt || !knownIds.has(firing.alertId)) return undefined;
  const resolvedAt = time(firing.resolvedAt);
  return {
    alertId: firing.alertId,
    startedAt,
    // A resolution before the start (clock skew) counts as resolved at once.
    resolvedAt:
      resolvedAt === null || resolvedAt >= startedAt ? resolvedAt : startedAt,
  };
}
