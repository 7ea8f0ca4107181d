/**
 * Rewrites an `openslo/v1alpha` SLO document into the `openslo/v1` shape, so one schema validates both.
 * v1alpha differences handled: `timeWindows[{unit, count}]` instead of `timeWindow[{duration}]`,
 * metrics as `{source, queryType, query}` instead of `metricSource {type, spec}`, the ratio metric on
 * each objective (`ratioMetrics`) instead of on the indicator.
 */

type Json = Record<string, unknown>;

const UNIT_LETTERS: Record<string, string> = {
  Second: 's',
  Minute: 'm',
  Hour: 'h',
  Day: 'd',
  Week: 'w',
  Month: 'M',
  Quarter: 'Q',
  Year: 'Y',
};

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function metricSourceOf(metric: unknown): Json | undefined {
  const source = asObject(metric);
  if (!source) {
    return undefined;
  }
  const spec: Json = {};
  if (source.query !== undefined) spec.query = source.query;
  if (source.queryType !== undefined) spec.queryType = source.queryType;
  return { metricSource: { type: source.source, spec } };
}

/** Thrown for v1alpha constructs without a v1 equivalent. */
export class OpenSloV1alphaError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/** Converts a v1alpha SLO document to v1; other kinds (Service) are returned unchanged. */
export function upgradeV1alphaDocument(doc: Json): Json {
  if (doc.kind !== 'SLO') {
    return doc;
  }
  const spec = asObject(doc.spec) ?? {};
  const metadata = asObject(doc.metadata) ?? {};
  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];

  const timeWindows = Array.isArray(spec.timeWindows) ? spec.timeWindows : [];
  const timeWindow = timeWindows.map(entry => {
    const window = asObject(entry) ?? {};
    const letter = UNIT_LETTERS[String(window.unit)];
    return {
      duration: letter ? `${window.count}${letter}` : String(window.unit),
      isRolling: window.isRolling,
      calendar: window.calendar,
    };
  });

  const ratioMetrics = objectives
    .map(objective => asObject(objective)?.ratioMetrics)
    .filter(ratio => ratio !== undefined);
  const distinctRatios = new Set(
    ratioMetrics.map(ratio => JSON.stringify(ratio)),
  );
  if (distinctRatios.size > 1) {
    throw new OpenSloV1alphaError(
      'spec.objectives',
      'v1alpha objectives with different ratioMetrics are not supported; split them into separate SLOs',
    );
  }
  const ratio = asObject(ratioMetrics[0]);
  const thresholdMetric = asObject(asObject(spec.indicator)?.thresholdMetric);

  const indicatorSpec: Json = {};
  if (ratio) {
    indicatorSpec.ratioMetric = {
      counter: ratio.incremental,
      good: metricSourceOf(ratio.good),
      bad: metricSourceOf(ratio.bad),
      total: metricSourceOf(ratio.total),
    };
  } else if (thresholdMetric) {
    indicatorSpec.thresholdMetric = metricSourceOf(thresholdMetric);
  }

  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata,
    spec: {
      description: spec.description,
      service: spec.service,
      indicator: {
        metadata: { name: metadata.name, displayName: metadata.displayName },
        spec: indicatorSpec,
      },
      timeWindow,
      budgetingMethod: spec.budgetingMethod,
      objectives: objectives.map(objective => {
        const { ratioMetrics: _ratio, ...rest } = asObject(objective) ?? {};
        return rest;
      }),
    },
  };
}
