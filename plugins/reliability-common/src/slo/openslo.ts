import { z } from 'zod';
import { RELIABILITY_ANNOTATION_PREFIX } from '../annotations';
import {
  CALENDAR_UNIT_MAX_COUNT,
  calendarUnitOf,
  fixedDurationSeconds,
  parseDuration,
} from './duration';
import { cleanNumber } from './math';
import {
  AlertConditionSpec,
  AlertPolicySpec,
  Metadata,
  metadataSchema,
  MetricSourceInput,
  OpenSloKind,
  SliSpec,
  SloSpec,
  SPEC_SCHEMAS,
} from './opensloSchema';
import { OpenSloV1alphaError, upgradeV1alphaDocument } from './opensloV1alpha';
import { formatWallClock, isValidTimeZone, parseWallClock } from './timeZone';
import {
  BurnRateAlertCondition,
  MetricSource,
  SliIndicator,
  SloAlertPolicy,
  SloDefinition,
  SloDefinitionError,
  SloObjective,
  SloWindow,
} from './types';

/** Annotation (on an OpenSLO SLO or AlertPolicy) with the runbook URL or id that answers it. @public */
export const SLO_RUNBOOK_ANNOTATION = `${RELIABILITY_ANNOTATION_PREFIX}/runbook`;

/** At most this many SLOs are read from one file. @public */
export const MAX_SLOS_PER_FILE = 50;
/** At most this many documents (of any kind) are read from one file. @public */
export const MAX_DOCUMENTS_PER_FILE = 200;

const MAX_WINDOW_SECONDS = 366 * 86400;
const MIN_WINDOW_SECONDS = 60;
const SUPPORTED_API_VERSIONS = ['openslo/v1', 'openslo/v1alpha'];
/** Kinds that may appear in an OpenSLO file but carry nothing the suite uses. */
const IGNORED_KINDS = new Set(['Service', 'AlertNotificationTarget']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

interface ParsedDocument<K extends OpenSloKind> {
  label: string;
  position: number;
  metadata: Metadata;
  spec: K extends 'SLO'
    ? SloSpec
    : K extends 'SLI'
    ? SliSpec
    : K extends 'AlertPolicy'
    ? AlertPolicySpec
    : K extends 'AlertCondition'
    ? AlertConditionSpec
    : { type: string };
}

/** Thrown inside the normalisation of one SLO; becomes one SloDefinitionError. */
class DefinitionError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function fail(path: string, message: string): never {
  throw new DefinitionError(path, message);
}

function forbiddenKeyPath(
  value: unknown,
  path: string[],
  depth = 0,
): string | undefined {
  if (depth > 32) {
    return path.join('.');
  }
  if (value === null || typeof value !== 'object') {
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      return [...path, key].join('.');
    }
    const found = forbiddenKeyPath(
      (value as Json)[key],
      [...path, key],
      depth + 1,
    );
    if (found) {
      return found;
    }
  }
  return undefined;
}

function joinPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

function zodErrors(
  document: string,
  prefix: string,
  error: z.ZodError,
): SloDefinitionError[] {
  return error.issues.map(issue => ({
    document,
    path: joinPath(prefix, issue.path),
    message: issue.message,
  }));
}

function windowOf(spec: SloSpec): SloWindow {
  const input = Array.isArray(spec.timeWindow)
    ? spec.timeWindow[0]
    : spec.timeWindow;
  const path = Array.isArray(spec.timeWindow)
    ? 'spec.timeWindow.0'
    : 'spec.timeWindow';
  const duration = parseDuration(input.duration);
  if (!duration) {
    fail(
      `${path}.duration`,
      `'${input.duration}' is not a duration like 30d, 4w, 1h or 1M`,
    );
  }
  const rolling = input.isRolling ?? input.calendar === undefined;
  if (rolling) {
    const seconds = fixedDurationSeconds(duration);
    if (seconds === undefined) {
      fail(
        `${path}.duration`,
        `a rolling window needs a duration in minutes, hours, days or weeks (e.g. 30d), not '${input.duration}'`,
      );
    }
    if (seconds > MAX_WINDOW_SECONDS || seconds < MIN_WINDOW_SECONDS) {
      fail(`${path}.duration`, 'the window must be between 1m and 366d');
    }
    return { kind: 'rolling', durationSeconds: seconds, label: input.duration };
  }
  const unit = calendarUnitOf(duration);
  if (!unit) {
    fail(
      `${path}.duration`,
      `a calendar window needs a duration in days, weeks, months, quarters or years (e.g. 1M), not '${input.duration}'`,
    );
  }
  if (duration.count > CALENDAR_UNIT_MAX_COUNT[unit]) {
    fail(`${path}.duration`, 'the window must be at most a year');
  }
  const timeZone = input.calendar?.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    fail(`${path}.calendar.timeZone`, `unknown time zone '${timeZone}'`);
  }
  // Without a start, periods align on a Monday for weeks and on 1 January otherwise.
  const startText =
    input.calendar?.startTime ??
    (unit === 'Week' ? '2024-01-01' : '2000-01-01');
  const start = parseWallClock(startText);
  if (!start) {
    fail(
      `${path}.calendar.startTime`,
      `'${startText}' is not a date and time like 2024-01-01 00:00:00`,
    );
  }
  return {
    kind: 'calendar',
    unit,
    count: duration.count,
    startTime: formatWallClock(start),
    timeZone,
    label: input.duration,
  };
}

function windowLengthUpperBound(window: SloWindow): number {
  return window.kind === 'rolling'
    ? window.durationSeconds
    : MAX_WINDOW_SECONDS;
}

function fixedSeconds(text: string, path: string, what: string): number {
  const duration = parseDuration(text);
  const seconds = duration && fixedDurationSeconds(duration);
  if (!seconds) {
    fail(path, `${what} '${text}' is not a duration like 5m, 1h or 3d`);
  }
  return seconds;
}

function objectivesOf(
  spec: SloSpec,
  indicator: SliIndicator,
  window: SloWindow,
  budgetingMethod: SloDefinition['budgetingMethod'],
): SloObjective[] {
  return spec.objectives.map((input, index) => {
    const path = `spec.objectives.${index}`;
    if (input.target !== undefined && input.targetPercent !== undefined) {
      fail(path, 'give either target or targetPercent, not both');
    }
    const target =
      input.target ??
      (input.targetPercent === undefined
        ? undefined
        : cleanNumber(input.targetPercent / 100));
    if (target === undefined || target === null) {
      fail(
        `${path}.target`,
        'target (0 < target <= 1) or targetPercent is required',
      );
    }
    if (
      indicator.threshold &&
      (input.op === undefined || input.value === undefined)
    ) {
      fail(path, 'objectives of a threshold SLI need op and value');
    }
    const objective: SloObjective = { target };
    if (input.displayName !== undefined)
      objective.displayName = input.displayName;
    if (indicator.threshold) {
      objective.op = input.op;
      objective.value = input.value;
    }
    if (input.timeSliceTarget !== undefined) {
      objective.timeSliceTarget = input.timeSliceTarget;
    }
    if (input.timeSliceWindow !== undefined) {
      const seconds =
        typeof input.timeSliceWindow === 'number'
          ? input.timeSliceWindow
          : fixedSeconds(
              input.timeSliceWindow,
              `${path}.timeSliceWindow`,
              'timeSliceWindow',
            );
      if (seconds > windowLengthUpperBound(window)) {
        fail(
          `${path}.timeSliceWindow`,
          'timeSliceWindow must be shorter than the SLO window',
        );
      }
      objective.timeSliceWindowSeconds = seconds;
    } else if (budgetingMethod === 'Timeslices') {
      fail(
        `${path}.timeSliceWindow`,
        'Timeslices budgeting needs a timeSliceWindow (e.g. 1m)',
      );
    }
    return objective;
  });
}

/** Files its documents by kind and name, and reports what cannot be read. */
class DocumentIndex {
  /** Errors with the position of their document, so they can be listed in file order. */
  readonly errors: Array<SloDefinitionError & { position: number }> = [];
  readonly slos: ParsedDocument<'SLO'>[] = [];
  private readonly byKind = new Map<
    OpenSloKind,
    Map<string, ParsedDocument<any>>
  >();

  add(raw: unknown, index: number) {
    if (raw === null || raw === undefined) {
      return; // empty YAML document, e.g. a trailing `---`
    }
    const fallbackLabel = `#${index + 1}`;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.errors.push({
        position: index,
        document: fallbackLabel,
        path: '',
        message: 'document must be a mapping',
      });
      return;
    }
    let doc = raw as Json;
    const rawName = (doc.metadata as Json | undefined)?.name;
    const label =
      typeof rawName === 'string' && rawName.length <= 63
        ? rawName
        : fallbackLabel;
    const forbidden = forbiddenKeyPath(doc, []);
    if (forbidden) {
      this.errors.push({
        position: index,
        document: label,
        path: forbidden,
        message:
          'forbidden key (__proto__, constructor and prototype are not allowed)',
      });
      return;
    }
    if (!SUPPORTED_API_VERSIONS.includes(String(doc.apiVersion))) {
      this.errors.push({
        position: index,
        document: label,
        path: 'apiVersion',
        message: `unsupported apiVersion '${String(
          doc.apiVersion,
        )}'; expected openslo/v1 (or openslo/v1alpha)`,
      });
      return;
    }
    const kind = String(doc.kind);
    if (IGNORED_KINDS.has(kind)) {
      return;
    }
    if (!(kind in SPEC_SCHEMAS)) {
      this.errors.push({
        position: index,
        document: label,
        path: 'kind',
        message: `unsupported kind '${kind}'; expected one of SLO, SLI, AlertPolicy, AlertCondition, DataSource, Service`,
      });
      return;
    }
    if (doc.apiVersion === 'openslo/v1alpha') {
      try {
        doc = upgradeV1alphaDocument(doc);
      } catch (error) {
        if (error instanceof OpenSloV1alphaError) {
          this.errors.push({
            position: index,
            document: label,
            path: error.path,
            message: error.message,
          });
          return;
        }
        throw error;
      }
    }
    const metadata = metadataSchema.safeParse(doc.metadata);
    if (!metadata.success) {
      this.errors.push(
        ...zodErrors(label, 'metadata', metadata.error).map(e => ({
          ...e,
          position: index,
        })),
      );
      return;
    }
    const spec = SPEC_SCHEMAS[kind as OpenSloKind].safeParse(doc.spec ?? {});
    if (!spec.success) {
      this.errors.push(
        ...zodErrors(label, 'spec', spec.error).map(e => ({
          ...e,
          position: index,
        })),
      );
      return;
    }
    const parsed = {
      label,
      position: index,
      metadata: metadata.data,
      spec: spec.data,
    };
    const named = this.byKind.get(kind as OpenSloKind) ?? new Map();
    this.byKind.set(kind as OpenSloKind, named);
    if (named.has(metadata.data.name)) {
      this.errors.push({
        position: index,
        document: label,
        path: 'metadata.name',
        message: `duplicate ${kind} name '${metadata.data.name}'`,
      });
      return;
    }
    named.set(metadata.data.name, parsed);
    if (kind === 'SLO') {
      this.slos.push(parsed as ParsedDocument<'SLO'>);
    }
  }

  get<K extends OpenSloKind>(
    kind: K,
    name: string,
  ): ParsedDocument<K> | undefined {
    return this.byKind.get(kind)?.get(name);
  }
}

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

function indicatorOf(spec: SloSpec, documents: DocumentIndex): SliIndicator {
  let sli: { metadata: Metadata; spec: SliSpec };
  let path: string;
  if (spec.indicator && spec.indicatorRef) {
    fail('spec', 'give either indicator or indicatorRef, not both');
  } else if (spec.indicator) {
    sli = spec.indicator;
    path = 'spec.indicator.spec';
  } else if (spec.indicatorRef) {
    const found = documents.get('SLI', spec.indicatorRef);
    if (!found) {
      fail(
        'spec.indicatorRef',
        `no SLI named '${spec.indicatorRef}' in this file`,
      );
    }
    sli = found;
    path = `(SLI ${spec.indicatorRef}).spec`;
  } else {
    fail('spec.indicator', 'indicator or indicatorRef is required');
  }
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

const PAGE_SEVERITIES = new Set(['page', 'critical', 'high', 'urgent']);

function burnRateConditionOf(
  name: string,
  spec: AlertConditionSpec,
  path: string,
  window: SloWindow,
): BurnRateAlertCondition {
  const { condition } = spec;
  if (condition.kind.toLowerCase() !== 'burnrate') {
    fail(
      `${path}.condition.kind`,
      `only burnrate alert conditions are supported, not '${condition.kind}'`,
    );
  }
  if (condition.op !== 'gte' && condition.op !== 'gt') {
    fail(
      `${path}.condition.op`,
      'burn-rate alerts fire when the burn rate is high: use op gte',
    );
  }
  const longWindowSeconds = fixedSeconds(
    condition.lookbackWindow,
    `${path}.condition.lookbackWindow`,
    'lookbackWindow',
  );
  if (longWindowSeconds > windowLengthUpperBound(window)) {
    fail(
      `${path}.condition.lookbackWindow`,
      'lookbackWindow must not exceed the SLO window',
    );
  }
  // alertAfter is read as the short window of a multiwindow alert: the burn rate must also be high over
  // that recent span. Without it, the workbook's ratio applies (short window = 1/12 of the long one).
  const shortWindowSeconds = condition.alertAfter
    ? fixedSeconds(
        condition.alertAfter,
        `${path}.condition.alertAfter`,
        'alertAfter',
      )
    : Math.max(60, Math.round(longWindowSeconds / 12));
  if (shortWindowSeconds > longWindowSeconds) {
    fail(
      `${path}.condition.alertAfter`,
      'alertAfter must not exceed lookbackWindow',
    );
  }
  return {
    name,
    severity: PAGE_SEVERITIES.has(spec.severity.toLowerCase())
      ? 'page'
      : 'ticket',
    burnRateThreshold: condition.threshold,
    longWindowSeconds,
    shortWindowSeconds,
  };
}

function alertPoliciesOf(
  spec: SloSpec,
  window: SloWindow,
  documents: DocumentIndex,
): SloAlertPolicy[] {
  return (spec.alertPolicies ?? []).map((entry, index) => {
    let path = `spec.alertPolicies.${index}`;
    let policy: { metadata: Metadata; spec: AlertPolicySpec };
    if (entry.alertPolicyRef) {
      const found = documents.get('AlertPolicy', entry.alertPolicyRef);
      if (!found) {
        fail(
          `${path}.alertPolicyRef`,
          `no AlertPolicy named '${entry.alertPolicyRef}' in this file`,
        );
      }
      policy = found;
      path = `(AlertPolicy ${entry.alertPolicyRef})`;
    } else if (entry.metadata && entry.spec) {
      policy = { metadata: entry.metadata, spec: entry.spec };
    } else {
      fail(path, 'an alert policy needs alertPolicyRef, or metadata and spec');
    }
    const conditions = policy.spec.conditions.map(
      (conditionEntry, conditionIndex) => {
        const conditionPath = `${path}.spec.conditions.${conditionIndex}`;
        if (conditionEntry.conditionRef) {
          const found = documents.get(
            'AlertCondition',
            conditionEntry.conditionRef,
          );
          if (!found) {
            fail(
              `${conditionPath}.conditionRef`,
              `no AlertCondition named '${conditionEntry.conditionRef}' in this file`,
            );
          }
          return burnRateConditionOf(
            found.metadata.name,
            found.spec,
            `(AlertCondition ${found.metadata.name}).spec`,
            window,
          );
        }
        if (!conditionEntry.metadata || !conditionEntry.spec) {
          fail(
            conditionPath,
            'an alert condition needs conditionRef, or metadata and spec',
          );
        }
        return burnRateConditionOf(
          conditionEntry.metadata.name,
          conditionEntry.spec,
          `${conditionPath}.spec`,
          window,
        );
      },
    );
    const result: SloAlertPolicy = { name: policy.metadata.name, conditions };
    if (policy.metadata.displayName)
      result.displayName = policy.metadata.displayName;
    if (policy.spec.description) result.description = policy.spec.description;
    const runbook = policy.metadata.annotations?.[SLO_RUNBOOK_ANNOTATION];
    if (runbook) result.runbook = runbook;
    return result;
  });
}

function definitionOf(
  slo: ParsedDocument<'SLO'>,
  documents: DocumentIndex,
): SloDefinition {
  const { metadata, spec } = slo;
  const indicator = indicatorOf(spec, documents);
  const window = windowOf(spec);
  const budgetingMethod =
    spec.budgetingMethod === 'Occurrences' ? 'Occurrences' : 'Timeslices';
  const definition: SloDefinition = {
    name: metadata.name,
    indicator,
    window,
    budgetingMethod,
    objectives: objectivesOf(spec, indicator, window, budgetingMethod),
    alertPolicies: alertPoliciesOf(spec, window, documents),
  };
  if (metadata.displayName) definition.displayName = metadata.displayName;
  if (spec.description) definition.description = spec.description;
  if (spec.service) definition.service = spec.service;
  const runbook = metadata.annotations?.[SLO_RUNBOOK_ANNOTATION];
  if (runbook) definition.runbook = runbook;
  return definition;
}

/**
 * Validates and normalises parsed OpenSLO documents (the values of a multi-document YAML file; parse the
 * YAML first, e.g. with the backend's `parseOpenSloYaml`). Accepts `openslo/v1` kinds SLO, SLI (referenced
 * with `indicatorRef`), AlertPolicy, AlertCondition and DataSource, `openslo/v1alpha` SLOs, and ignores
 * Service and AlertNotificationTarget documents.
 *
 * Every problem becomes an error naming the document (its `metadata.name`, or `#<position>`) and the field
 * path; a broken SLO is left out, the valid ones are returned. SLOs without alert policies get no alerts.
 *
 * @public
 */
export function validateOpenSloDocuments(docs: unknown[]): {
  slos: SloDefinition[];
  errors: SloDefinitionError[];
} {
  const documents = new DocumentIndex();
  if (docs.length > MAX_DOCUMENTS_PER_FILE) {
    documents.errors.push({
      position: -1,
      path: '',
      message: `a file may hold at most ${MAX_DOCUMENTS_PER_FILE} documents; the rest were ignored`,
    });
  }
  docs
    .slice(0, MAX_DOCUMENTS_PER_FILE)
    .forEach((doc, index) => documents.add(doc, index));

  const errors = [...documents.errors];
  if (documents.slos.length > MAX_SLOS_PER_FILE) {
    errors.push({
      position: documents.slos[MAX_SLOS_PER_FILE].position,
      document: documents.slos[MAX_SLOS_PER_FILE].label,
      path: '',
      message: `a file may define at most ${MAX_SLOS_PER_FILE} SLOs; this one and the ${
        documents.slos.length - MAX_SLOS_PER_FILE - 1
      } after it were ignored`,
    });
  }
  const slos: SloDefinition[] = [];
  for (const slo of documents.slos.slice(0, MAX_SLOS_PER_FILE)) {
    try {
      slos.push(definitionOf(slo, documents));
    } catch (error) {
      if (!(error instanceof DefinitionError)) {
        throw error;
      }
      errors.push({
        position: slo.position,
        document: slo.label,
        path: error.path,
        message: error.message,
      });
    }
  }
  errors.sort((a, b) => a.position - b.position);
  return {
    slos,
    errors: errors.map(({ position: _position, ...error }) => error),
  };
}
