import { z } from 'zod';

/**
 * zod schemas of the OpenSLO v1 documents the suite reads (kinds SLO, SLI, AlertPolicy, AlertCondition,
 * DataSource). Every string, array and number is bounded. Unknown fields are dropped.
 * Cross-document rules (references, targets vs. budgeting method, windows) live in the other files of this folder.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const nameSchema = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    DNS_LABEL,
    'must be a DNS-like name: lowercase letters, digits and "-", starting and ending with a letter or digit',
  );

/**
 * Names of documents only referenced inside the file (AlertPolicy, AlertCondition, DataSource): RFC 1123
 * labels, upper-case letters allowed too (the OpenSLO README names an AlertPolicy `AlertPolicy`).
 * SLO and SLI names stay lower-case: they are keys of stored state and of the embedded SLI store.
 */
export const referenceNameSchema = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/,
    'must be a DNS-like name: letters, digits and "-", starting and ending with a letter or digit',
  );

const displayName = z.string().max(256).optional();
const description = z.string().max(1050).optional();
const durationText = z.string().min(2).max(16);

export const metadataSchema = z.object({
  name: nameSchema,
  displayName,
  labels: z
    .record(
      z.string().max(253),
      z.union([z.string().max(253), z.array(z.string().max(253)).max(20)]),
    )
    .optional(),
  annotations: z.record(z.string().max(253), z.string().max(2048)).optional(),
});

/** Metadata of AlertPolicy, AlertCondition and DataSource documents (see referenceNameSchema). */
export const referencedMetadataSchema = metadataSchema.extend({
  name: referenceNameSchema,
});

const metricSourceSchema = z.object({
  metricSourceRef: referenceNameSchema.optional(),
  type: z.string().min(1).max(63).optional(),
  spec: z
    .record(z.string().max(128), z.unknown())
    .default({})
    .refine(spec => JSON.stringify(spec).length <= 10_000, {
      message: 'metric source spec must be at most 10000 characters as JSON',
    }),
});

const metricHolder = z.object({ metricSource: metricSourceSchema });

export const sliSpecSchema = z.object({
  description,
  ratioMetric: z
    .object({
      counter: z.boolean().optional(),
      good: metricHolder.optional(),
      bad: metricHolder.optional(),
      total: metricHolder.optional(),
      rawType: z.enum(['success', 'failure']).optional(),
      raw: metricHolder.optional(),
    })
    .optional(),
  thresholdMetric: metricHolder.optional(),
});

const timeWindowSchema = z.object({
  duration: durationText,
  isRolling: z.boolean().optional(),
  calendar: z
    .object({
      startTime: z.string().max(32).optional(),
      timeZone: z.string().max(64).optional(),
    })
    .optional(),
});

const objectiveSchema = z.object({
  displayName,
  op: z.enum(['lt', 'lte', 'gt', 'gte']).optional(),
  value: z.number().finite().optional(),
  target: z
    .number()
    .gt(0, 'target must be above 0')
    .lte(1, 'target must be at most 1 (use targetPercent for percentages)')
    .optional(),
  targetPercent: z
    .number()
    .gt(0, 'targetPercent must be above 0')
    .lte(100, 'targetPercent must be at most 100')
    .optional(),
  timeSliceTarget: z.number().gt(0).lte(1).optional(),
  /** A duration, or a number of minutes (the OpenSLO default unit), at most a day. */
  timeSliceWindow: z
    .union([
      durationText,
      z
        .number()
        .int()
        .positive()
        .max(1440, 'timeSliceWindow in minutes must be at most 1440 (a day)'),
    ])
    .optional(),
  /** Composite SLOs (an indicator per objective) are recognised only to be reported as not supported. */
  indicator: z.unknown().optional(),
  indicatorRef: z.unknown().optional(),
  compositeWeight: z.unknown().optional(),
});

export const alertConditionSpecSchema = z.object({
  description,
  severity: z.string().min(1).max(32).default('page'),
  condition: z.object({
    /** Defaults to `burnrate`, the only kind OpenSLO v1 defines. */
    kind: z.string().max(32).default('burnrate'),
    op: z.enum(['lt', 'lte', 'gt', 'gte']),
    threshold: z.number().positive().max(1_000_000),
    lookbackWindow: durationText,
    alertAfter: durationText.optional(),
  }),
});

const alertConditionEntry = z.object({
  conditionRef: referenceNameSchema.optional(),
  kind: z.literal('AlertCondition').optional(),
  metadata: referencedMetadataSchema.optional(),
  spec: alertConditionSpecSchema.optional(),
});

export const alertPolicySpecSchema = z.object({
  description,
  alertWhenNoData: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  conditions: z.array(alertConditionEntry).min(1).max(10),
});

const alertPolicyEntry = z.object({
  alertPolicyRef: referenceNameSchema.optional(),
  kind: z.literal('AlertPolicy').optional(),
  metadata: referencedMetadataSchema.optional(),
  spec: alertPolicySpecSchema.optional(),
});

export const sloSpecSchema = z.object({
  description,
  service: z.string().max(253).optional(),
  /** Inline SLI; without metadata it takes the SLO's name. */
  indicator: z
    .object({ metadata: metadataSchema.optional(), spec: sliSpecSchema })
    .optional(),
  indicatorRef: nameSchema.optional(),
  timeWindow: z.union(
    [
      z
        .array(timeWindowSchema)
        .length(1, 'timeWindow must hold exactly one window'),
      timeWindowSchema,
    ],
    {
      error: issue =>
        issue.input === undefined
          ? 'timeWindow is required: the suite needs a window to measure the SLO over (e.g. - duration: 28d, isRolling: true)'
          : undefined,
    },
  ),
  budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices'], {
    error: issue =>
      issue.input === undefined
        ? 'budgetingMethod is required: Occurrences, Timeslices or RatioTimeslices'
        : 'budgetingMethod must be Occurrences, Timeslices or RatioTimeslices',
  }),
  objectives: z.array(objectiveSchema).min(1).max(10),
  alertPolicies: z.array(alertPolicyEntry).max(10).optional(),
});

export const dataSourceSpecSchema = z.object({
  description,
  type: z.string().min(1).max(63),
});

/** The spec schema of each document kind the suite reads. */
export const SPEC_SCHEMAS = {
  SLO: sloSpecSchema,
  SLI: sliSpecSchema,
  AlertPolicy: alertPolicySpecSchema,
  AlertCondition: alertConditionSpecSchema,
  DataSource: dataSourceSpecSchema,
} as const;

/** The metadata schema of each document kind the suite reads. */
export const METADATA_SCHEMAS = {
  SLO: metadataSchema,
  SLI: metadataSchema,
  AlertPolicy: referencedMetadataSchema,
  AlertCondition: referencedMetadataSchema,
  DataSource: referencedMetadataSchema,
} as const;

export type OpenSloKind = keyof typeof SPEC_SCHEMAS;
export type SloSpec = z.infer<typeof sloSpecSchema>;
export type SliSpec = z.infer<typeof sliSpecSchema>;
export type AlertPolicySpec = z.infer<typeof alertPolicySpecSchema>;
export type AlertConditionSpec = z.infer<typeof alertConditionSpecSchema>;
export type Metadata = z.infer<typeof metadataSchema>;
export type MetricSourceInput = z.infer<typeof metricSourceSchema>;
export type DataSourceSpec = z.infer<typeof dataSourceSpecSchema>;
