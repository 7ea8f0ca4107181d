import {
  SloDefinition,
  SloDefinitionError,
  validateOpenSloDocuments,
} from '@internal/backstage-plugin-reliability-common';
import { parseAllDocuments } from 'yaml';
import { fastYamlDocuments } from '../shared/fastYamlDocuments';

/** Largest OpenSLO text parsed (characters). */
const MAX_TEXT_LENGTH = 1024 * 1024;
/** Alias expansion limit against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses a multi-document OpenSLO YAML file and validates it with `validateOpenSloDocuments`. Valid texts
 * without anchors or aliases are read by the faster js-yaml (`fastYamlDocuments`), the others by `yaml`.
 * A document with YAML syntax errors is reported (as `#<position>`, with line and column) and skipped;
 * the other documents are still read.
 */
export function parseOpenSloYaml(text: string): {
  slos: SloDefinition[];
  errors: SloDefinitionError[];
} {
  if (text.length > MAX_TEXT_LENGTH) {
    return {
      slos: [],
      errors: [
        {
          path: '',
          message: `OpenSLO text is longer than ${MAX_TEXT_LENGTH} characters`,
        },
      ],
    };
  }
  const fast = fastYamlDocuments(text);
  if (fast) return validate(fast, []);
  const errors: SloDefinitionError[] = [];
  const values: unknown[] = [];
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [documents];
  list.forEach((document, index) => {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const position = error.linePos?.[0];
        errors.push({
          document: `#${index + 1}`,
          path: '',
          message: `invalid YAML${
            position ? ` at line ${position.line}, column ${position.col}` : ''
          }: ${error.message.split('\n')[0]}`,
        });
      }
      values.push(null);
      return;
    }
    try {
      values.push(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (error) {
      errors.push({
        document: `#${index + 1}`,
        path: '',
        message: `invalid YAML: ${(error as Error).message}`,
      });
      values.push(null);
    }
  });
  return validate(values, errors);
}

/** The OpenSLO definitions of the documents' values, after the YAML errors found reading them. */
function validate(
  values: unknown[],
  yamlErrors: SloDefinitionError[],
): { slos: SloDefinition[]; errors: SloDefinitionError[] } {
  const validated = validateOpenSloDocuments(values);
  return {
    slos: validated.slos,
    errors: [...yamlErrors, ...validated.errors],
  };
}
