import { SLO_RUNBOOK_ANNOTATION } from '@internal/backstage-plugin-reliability-common';

/** The SLIs a template offers: share of requests without a server error, share answered fast enough. */
export const SLI_PRESETS = ['availability', 'latency'] as const;
/** @public */
export type SliPreset = (typeof SLI_PRESETS)[number];

/** Where the SLI data comes from: the suite's built-in event store, or Prometheus counters. */
export const SLI_SOURCES = ['embedded', 'prometheus'] as const;
/** @public */
export type SliSource = (typeof SLI_SOURCES)[number];

/** Latency threshold of the latency preset unless the template names one. */
export const DEFAULT_LATENCY_THRESHOLD_MS = 500;

/** One SLO a template asks for. */
export interface SloRequest {
  preset: SliPreset;
  /** Objective as a ratio, e.g. 0.999. */
  target: number;
  /** Rolling window as an OpenSLO duration, e.g. `28d`. */
  window: string;
  name?: string;
  displayName?: string;
  latencyThresholdMs?: number;
  /** Prometheus only: counter selectors replacing the preset's. */
  goodQuery?: string;
  totalQuery?: string;
}

/** A plain OpenSLO document (serialised as YAML). */
export type OpenSloDocument = Record<string, unknown>;

/** Name of an SLO: the template's, or `<service>-<preset>`. */
export function sloNameOf(service: string, request: SloRequest): string {
  return request.name ?? `${service}-${request.preset}`;
}

function prometheusQueries(
  service: string,
  request: SloRequest,
): { good: string; total: string } {
  if (request.preset === 'availability') {
    return {
      good: `http_requests_total{service="${service}",code!~"5.."}`,
      total: `http_requests_total{service="${service}"}`,
    };
  }
  const seconds =
    (request.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS) / 1000;
  return {
    good: `http_request_duration_seconds_bucket{service="${service}",le="${seconds}"}`,
    total: `http_request_duration_seconds_count{service="${service}"}`,
  };
}

function metricSources(
  service: string,
  name: string,
  source: SliSource,
  request: SloRequest,
) {
  if (source === 'embedded') {
    // Events are pushed to POST /api/reliability/entities/component/<ns>/<service>/sli-events as `sli: <name>`.
    const metricSource = { type: 'embedded', spec: { sli: name } };
    return { good: { metricSource }, total: { metricSource } };
  }
  const preset = prometheusQueries(service, request);
  return {
    good: {
      metricSource: {
        type: 'prometheus',
        spec: { query: request.goodQuery ?? preset.good },
      },
    },
    total: {
      metricSource: {
        type: 'prometheus',
        spec: { query: request.totalQuery ?? preset.total },
      },
    },
  };
}

function describe(request: SloRequest): string {
  if (request.preset === 'availability') {
    return `Share of requests answered without a server error over ${request.window}.`;
  }
  return `Share of requests answered within ${
    request.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS
  } ms over ${request.window}.`;
}

/**
 * The OpenSLO `SLO` document of one requested SLO (ratio SLI, Occurrences budgeting, rolling window), without
 * alert policies. `runbook` (a runbook id or URL) is set as the SLO's runbook.
 */
export function sloDocument(options: {
  service: string;
  source: SliSource;
  request: SloRequest;
  runbook?: string;
}): OpenSloDocument {
  const { service, source, request, runbook } = options;
  const name = sloNameOf(service, request);
  const displayName =
    request.displayName ??
    (request.preset === 'availability'
      ? `${service} availability`
      : `${service} latency under ${
          request.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS
        } ms`);
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name,
      displayName,
      ...(runbook
        ? { annotations: { [SLO_RUNBOOK_ANNOTATION]: runbook } }
        : {}),
    },
    spec: {
      description: describe(request),
      service,
      budgetingMethod: 'Occurrences',
      timeWindow: [{ duration: request.window, isRolling: true }],
      objectives: [{ displayName, target: request.target }],
      indicator: {
        metadata: { name },
        spec: {
          ratioMetric: {
            counter: true,
            ...metricSources(service, name, source, request),
          },
        },
      },
    },
  };
}
