import { SloDefinition } from '../types';
import { alertPoliciesOf } from './alertPolicies';
import { DocumentIndex, ParsedDocument } from './documentIndex';
import { indicatorOf } from './indicators';
import { objectivesOf } from './objectives';
import { sloPolicyOf } from './policyAnnotation';
import { SLO_RUNBOOK_ANNOTATION } from './runbookAnnotation';
import { windowOf } from './windows';

/** One SLO document, with what it references in the file, as a SloDefinition. Throws DefinitionError. */
export function definitionOf(
  slo: ParsedDocument<'SLO'>,
  documents: DocumentIndex,
): SloDefinition {
  const { metadata, spec } = slo;
  const indicator = indicatorOf(spec, metadata.name, documents);
  const window = windowOf(spec);
  const budgetingMethod = spec.budgetingMethod;
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
  const policy = sloPolicyOf(metadata);
  if (policy) definition.policy = policy;
  return definition;
}
