import { MetricSource, SliIndicator } from '../types';
import { DocumentIndex } from './documentIndex';
import { fail } from './errors';
import { Metadata, MetricSourceInput, SliSpec, SloSpec } from './schema';

/** A metric source with its type, read from `type` or from the DataSource `metricSourceRef` names. */
function metricSourceOf(
  input: MetricSourceInput,
  path: string,
  documents: DocumentIndex,
): MetricSource {
  let type = input.type;
  if (!type && input.metricSourceRef) {
    const dataSource = documents.get('DataSource', input.metricSourceRef);
    if (!dataSource) {
      fail(
        `${path}.metricSourceRef`,
        `no DataSource named '${input.metricSourceRef}' in this file`,
      );
    }
    type = dataSource.spec.type;
  }
  if (!type) {
    fail(
      `${path}.type`,
      'metric source type is required (e.g. prometheus, datadog)',
    );
  }
  return { type, spec: input.spec };
}

/** The SLI an SLO measures: inline (`indicator`) or an SLI document of the file (`indicatorRef`). */
function sliOf(
  spec: SloSpec,
  sloName: string,
  documents: DocumentIndex,
): { sli: { metadata: Metadata; spec: SliSpec }; path: string } {
  if (spec.indicator && spec.indicatorRef) {
    fail('spec', 'give either indicator or indicatorRef, not both');
  }
  if (spec.indicator) {
    return {
      sli: {
        metadata: spec.indicator.metadata ?? { name: sloName },
        spec: spec.indicator.spec,
      },
      path: 'spec.indicator.spec',
    };
  }
  if (spec.indicatorRef) {
    const found = documents.get('SLI', spec.indicatorRef);
    if (!found) {
      fail(
        'spec.indicatorRef',
        `no SLI named '${spec.indicatorRef}' in this file`,
      );
    }
    return { sli: found, path: `(SLI ${spec.indicatorRef}).spec` };
  }
  if (spec.objectives.some(o => o.indicator || o.indicatorRef)) {
    fail(
      'spec.objectives',
      'composite SLOs (an indicator or indicatorRef per objective) are not supported; define one SLO per indicator',
    );
  }
  return fail('spec.indicator', 'indicator or indicatorRef is required');
}

/** The SLO's indicator, normalised: a ratio of good or bad to total events, or a threshold metric. */
export function indicatorOf(
  spec: SloSpec,
  sloName: string,
  documents: DocumentIndex,
): SliIndicator {
  const { sli, path } = sliOf(spec, sloName, documents);
  const indicator: SliIndicator = { name: sli.metadata.name };
  if (sli.metadata.displayName)
    indicator.displayName = sli.metadata.displayName;
  if (sli.spec.description) indicator.description = sli.spec.description;
  const { ratioMetric, thresholdMetric } = sli.spec;
  if (ratioMetric && thresholdMetric) {
    fail(path, 'give either ratioMetric or thresholdMetric, not both');
  }
  if (ratioMetric) {
    if (ratioMetric.raw) {
      fail(
        `${path}.ratioMetric.raw`,
        'raw (pre-computed) ratio metrics are not supported; use good/bad and total counters',
      );
    }
    if (!ratioMetric.total) {
      fail(`${path}.ratioMetric.total`, 'a ratio metric needs total');
    }
    if (!ratioMetric.good && !ratioMetric.bad) {
      fail(`${path}.ratioMetric`, 'a ratio metric needs good or bad');
    }
    indicator.ratio = {
      total: metricSourceOf(
        ratioMetric.total.metricSource,
        `${path}.ratioMetric.total.metricSource`,
        documents,
      ),
    };
    if (ratioMetric.good) {
      indicator.ratio.good = metricSourceOf(
        ratioMetric.good.metricSource,
        `${path}.ratioMetric.good.metricSource`,
        documents,
      );
    }
    if (ratioMetric.bad) {
      indicator.ratio.bad = metricSourceOf(
        ratioMetric.bad.metricSource,
        `${path}.ratioMetric.bad.metricSource`,
        documents,
      );
    }
  } else if (thresholdMetric) {
    indicator.threshold = {
      metricSource: metricSourceOf(
        thresholdMetric.metricSource,
        `${path}.thresholdMetric.metricSource`,
        documents,
      ),
    };
  } else {
    fail(path, 'an SLI needs ratioMetric or thresholdMetric');
  }
  return indicator;
}
