import { SloDefinition, SloDefinitionError } from '../types';
import { definitionOf } from './definition';
import { DocumentIndex } from './documentIndex';
import { DefinitionError, PositionedError } from './errors';
import { MAX_DOCUMENTS_PER_FILE, MAX_SLOS_PER_FILE } from './limits';

/**
 * Validates and normalises parsed OpenSLO documents (the values of a multi-document YAML file; parse the
 * YAML first, e.g. with the backend's `parseOpenSloYaml`). Accepts `openslo/v1` kinds SLO, SLI (referenced
 * with `indicatorRef`), AlertPolicy (inline or referenced with `alertPolicyRef`), AlertCondition (inline or
 * `conditionRef`) and DataSource (`metricSourceRef`), `openslo/v1alpha` SLOs, and ignores Service and
 * AlertNotificationTarget documents.
 *
 * Every problem becomes an error naming the document (its `metadata.name`, or `#<position>`) and the field
 * path; a broken SLO is left out, the valid ones are returned. An SLO's own alert policies are returned as
 * written; an SLO without any has `alertPolicies: []`, and the evaluator then applies the default
 * multiwindow alerts derived for its window (`defaultMultiwindowAlerts`, `alertsSource: default`).
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

  const errors: PositionedError[] = [...documents.errors];
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
