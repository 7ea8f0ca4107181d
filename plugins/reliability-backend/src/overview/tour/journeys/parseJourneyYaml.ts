import { parseEntityRef } from '@backstage/catalog-model';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/** `apiVersion` of a journey document. */
export const JOURNEY_API_VERSION = 'reliability.sre-portal.dev/v1alpha1';

/** Limits of one journey file. */
export const JOURNEY_LIMITS = {
  maxTextLength: 256 * 1024,
  maxJourneysPerFile: 20,
  maxSteps: 30,
  maxAliasCount: 100,
};

/** Kinds a journey step may name. */
const STEP_KINDS = ['component', 'api'];

const journeyDocumentSchema = z
  .object({
    apiVersion: z.literal(JOURNEY_API_VERSION),
    kind: z.literal('Journey'),
    metadata: z.object({
      name: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
          message:
            'must be lower-case letters, digits and single dashes (e.g. shopper-pays)',
        })
        .max(63),
      title: z.string().trim().min(1).max(200),
      description: z.string().trim().max(2000).optional(),
    }),
    spec: z.object({
      /** Name of an SLO of the entity that declares the journey (its journey SLO). */
      slo: z.string().trim().min(1).max(253).optional(),
      steps: z
        .array(
          z.object({
            entity: z.string().trim().min(1).max(253),
            description: z.string().trim().min(1).max(2000),
          }),
        )
        .min(1)
        .max(JOURNEY_LIMITS.maxSteps),
    }),
  })
  .strict();

/** One journey read from a file; step refs are normalised (`entityRefKey`). */
export interface JourneyDefinition {
  name: string;
  title: string;
  description: string | null;
  slo: string | null;
  steps: Array<{ entityRef: string; description: string }>;
}

/** Result of parsing one journey file: the valid journeys and one message per problem. */
export interface ParsedJourneys {
  journeys: JourneyDefinition[];
  errors: string[];
}

function stepRef(value: string, defaultNamespace: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace,
    });
  } catch (error) {
    throw new Error(`'${value}' is not an entity ref`);
  }
  const ref = entityRefKey(parsed);
  if (!STEP_KINDS.includes(ref.split(':')[0])) {
    throw new Error(`must name a Component or an API, not '${value}'`);
  }
  return ref;
}

function validate(
  value: unknown,
  document: string,
  defaultNamespace: string,
): { journey?: JourneyDefinition; errors: string[] } {
  const result = journeyDocumentSchema.safeParse(value);
  if (!result.success) {
    return {
      errors: result.error.issues.map(
        issue =>
          `${document} ${issue.path.join('.') || '(document)'}: ${
            issue.message
          }`,
      ),
    };
  }
  const { metadata, spec } = result.data;
  const errors: string[] = [];
  const steps = spec.steps.flatMap((step, index) => {
    try {
      return [
        {
          entityRef: stepRef(step.entity, defaultNamespace),
          description: step.description,
        },
      ];
    } catch (error) {
      errors.push(
        `${document} spec.steps.${index}.entity: ${(error as Error).message}`,
      );
      return [];
    }
  });
  if (errors.length > 0) {
    return { errors };
  }
  return {
    journey: {
      name: metadata.name,
      title: metadata.title,
      description: metadata.description ?? null,
      slo: spec.slo ?? null,
      steps,
    },
    errors: [],
  };
}

/**
 * Parses a journey file: one or more YAML documents (`---`) of kind `Journey`. Each document is validated on
 * its own, so one bad journey does not hide the others; problems name the document (`#2`) and the field.
 * Step refs without a kind are Components, without a namespace in `defaultNamespace` (the declaring entity's).
 */
export function parseJourneyYaml(
  text: string,
  defaultNamespace: string,
): ParsedJourneys {
  if (text.length > JOURNEY_LIMITS.maxTextLength) {
    return {
      journeys: [],
      errors: [
        `the file is longer than ${JOURNEY_LIMITS.maxTextLength} characters`,
      ],
    };
  }
  const journeys: JourneyDefinition[] = [];
  const errors: string[] = [];
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  const list = (Array.isArray(documents) ? documents : [documents]).filter(
    document => document.contents !== null || document.errors.length > 0,
  );
  if (list.length === 0) {
    return { journeys, errors: ['the file holds no journey'] };
  }
  list.forEach((document, index) => {
    const name = `#${index + 1}`;
    if (index >= JOURNEY_LIMITS.maxJourneysPerFile) {
      if (index === JOURNEY_LIMITS.maxJourneysPerFile) {
        errors.push(
          `${name}: more than ${JOURNEY_LIMITS.maxJourneysPerFile} journeys in one file; the rest are ignored`,
        );
      }
      return;
    }
    if (document.errors.length > 0) {
      const error = document.errors[0];
      const position = error.linePos?.[0];
      errors.push(
        `${name}: invalid YAML${
          position ? ` at line ${position.line}, column ${position.col}` : ''
        }: ${error.message.split('\n')[0]}`,
      );
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: JOURNEY_LIMITS.maxAliasCount });
    } catch (error) {
      errors.push(`${name}: invalid YAML: ${(error as Error).message}`);
      return;
    }
    const validated = validate(value, name, defaultNamespace);
    errors.push(...validated.errors);
    if (validated.journey) {
      if (journeys.some(j => j.name === validated.journey!.name)) {
        errors.push(
          `${name} metadata.name: journey '${validated.journey.name}' is defined more than once in the file; the first one is used`,
        );
      } else {
        journeys.push(validated.journey);
      }
    }
  });
  return { journeys, errors };
}
