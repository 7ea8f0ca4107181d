import { ANNOTATIONS } from '../../annotations';

/**
 * Annotation (or label) on an OpenSLO SLO naming the error-budget policy of that SLO, one of
 * `reliability.policy.policies`; it overrides the policy of the entity (annotation, tier or default) for that SLO.
 * The same key as the entity's policy annotation. @public
 */
export const SLO_POLICY_ANNOTATION = ANNOTATIONS.policy;

/** The policy an SLO document names: its annotation, else a label with a single value; undefined when none. */
export function sloPolicyOf(metadata: {
  annotations?: Record<string, string>;
  labels?: Record<string, string | string[]>;
}): string | undefined {
  const annotation = metadata.annotations?.[SLO_POLICY_ANNOTATION]?.trim();
  if (annotation) return annotation;
  const label = metadata.labels?.[SLO_POLICY_ANNOTATION];
  const values = Array.isArray(label) ? label : [label];
  const value = values.length === 1 ? values[0]?.trim() : undefined;
  return value || undefined;
}
