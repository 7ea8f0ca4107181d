import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  LearningItemKind,
} from '@internal/backstage-plugin-reliability-common';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/** `apiVersion` of a learning path document. */
export const LEARNING_PATH_API_VERSION = 'reliability.sre-portal.dev/v1alpha1';

/** Limits of one learning path file. */
export const LEARNING_PATH_LIMITS = {
  maxTextLength: 128 * 1024,
  maxItems: 50,
  maxAliasCount: 100,
};

const ITEM_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

const common = {
  id: z.string().max(100).regex(ITEM_ID, {
    message:
      'must be lower-case letters, digits and single - _ . separators (e.g. read-gateway-runbook)',
  }),
  title: z.string().trim().min(1).max(200).optional(),
  why: z.string().trim().min(1).max(1000).optional(),
};
const entity = z.string().trim().min(1).max(253);
const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine(value => /^https?:\/\//i.test(value), {
    message: 'must be an http(s) URL',
  });
const runbookId = z.string().trim().min(1).max(100);

const itemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('runbook'),
    entity,
    runbook: runbookId,
  }),
  z.strictObject({
    ...common,
    kind: z.literal('postmortem'),
    entity,
    runbook: runbookId,
  }),
  z.strictObject({
    ...common,
    kind: z.literal('journey'),
    entity,
    journey: z.string().trim().min(1).max(63),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('shadow-oncall'),
    entity: entity.optional(),
    url: httpUrl.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('link'),
    title: z.string().trim().min(1).max(200),
    url: httpUrl,
  }),
]);

const documentSchema = z.strictObject({
  apiVersion: z.literal(LEARNING_PATH_API_VERSION),
  kind: z.literal('LearningPath'),
  metadata: z.strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    labels: z.record(z.string().max(63), z.string().max(63)).optional(),
  }),
  spec: z.strictObject({
    /** Opt-in: share the team's aggregated progress with anyone signed in. */
    shareProgress: z.boolean().default(false),
    items: z.array(itemSchema).min(1).max(LEARNING_PATH_LIMITS.maxItems),
  }),
});

/** Default kind of an item's `entity` when the ref names none. */
const DEFAULT_KINDS: Record<LearningItemKind, string> = {
  runbook: 'component',
  postmortem: 'component',
  journey: 'system',
  'shadow-oncall': 'group',
  link: 'component',
};

/** Kinds an item's `entity` may name. */
const ALLOWED_KINDS: Record<LearningItemKind, string[]> = {
  runbook: ['component', 'api', 'resource', 'system', 'domain', 'group'],
  postmortem: ['component', 'api', 'resource', 'system', 'domain', 'group'],
  journey: ['system', 'domain'],
  'shadow-oncall': ['component', 'group', 'system'],
  link: [],
};

/** One item of a learning path file, its entity ref normalised (`entityRefKey`). */
export interface LearningItemDefinition {
  id: string;
  kind: LearningItemKind;
  title: string | null;
  why: string | null;
  entityRef: string | null;
  runbookId: string | null;
  journey: string | null;
  url: string | null;
}

/** A learning path read from its file. */
export interface LearningPathDefinition {
  title: string;
  description: string | null;
  shareProgress: boolean;
  demo: boolean;
  items: LearningItemDefinition[];
}

/** The path of a file, or every problem that keeps it from being used. */
export type ParsedLearningPath =
  | { path: LearningPathDefinition; errors: [] }
  | { path: null; errors: string[] };

function failed(errors: string[]): ParsedLearningPath {
  return { path: null, errors };
}

function itemEntityRef(
  value: string,
  kind: LearningItemKind,
  defaultNamespace: string,
): string {
  let ref: string;
  try {
    ref = entityRefKey(
      parseEntityRef(value, {
        defaultKind: DEFAULT_KINDS[kind],
        defaultNamespace,
      }),
    );
  } catch {
    throw new Error(`'${value}' is not an entity ref`);
  }
  const refKind = ref.split(':')[0];
  if (!ALLOWED_KINDS[kind].includes(refKind)) {
    throw new Error(
      `a ${kind} item names a ${ALLOWED_KINDS[kind].join(
        ', ',
      )}, not '${value}'`,
    );
  }
  return ref;
}

/**
 * Parses a learning path file: one YAML document of kind `LearningPath` (see docs/tour.md). Entity refs without a
 * kind default per item kind (runbooks and postmortems: Component, journeys: System, on-call shifts: Group), without
 * a namespace to `defaultNamespace` (the declaring Group's); a shadow-oncall item without an entity is about
 * `groupRef`. Every problem names the field, so the page can say what to fix; an invalid file yields no path.
 */
export function parseLearningPath(
  text: string,
  options: { defaultNamespace: string; groupRef: string },
): ParsedLearningPath {
  if (text.length > LEARNING_PATH_LIMITS.maxTextLength) {
    return failed([
      `the file is longer than ${LEARNING_PATH_LIMITS.maxTextLength} characters`,
    ]);
  }
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  const list = (Array.isArray(documents) ? documents : [documents]).filter(
    document => document.contents !== null || document.errors.length > 0,
  );
  if (list.length !== 1) {
    return failed([
      list.length === 0
        ? 'the file holds no learning path'
        : `the file holds ${list.length} YAML documents; a learning path file holds exactly one`,
    ]);
  }
  const [document] = list;
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const position = error.linePos?.[0];
    return failed([
      `invalid YAML${
        position ? ` at line ${position.line}, column ${position.col}` : ''
      }: ${error.message.split('\n')[0]}`,
    ]);
  }
  let value: unknown;
  try {
    value = document.toJS({
      maxAliasCount: LEARNING_PATH_LIMITS.maxAliasCount,
    });
  } catch (error) {
    return failed([`invalid YAML: ${(error as Error).message}`]);
  }
  const result = documentSchema.safeParse(value);
  if (!result.success) {
    return failed(
      result.error.issues.map(
        issue => `${issue.path.join('.') || '(document)'}: ${issue.message}`,
      ),
    );
  }
  const { metadata, spec } = result.data;
  const errors: string[] = [];
  const seen = new Set<string>();
  const items = spec.items.map((item, index): LearningItemDefinition => {
    if (seen.has(item.id)) {
      errors.push(`spec.items.${index}.id: '${item.id}' is used twice`);
    }
    seen.add(item.id);
    let entityRef: string | null = null;
    if ('entity' in item && item.entity) {
      try {
        entityRef = itemEntityRef(
          item.entity,
          item.kind,
          options.defaultNamespace,
        );
      } catch (error) {
        errors.push(`spec.items.${index}.entity: ${(error as Error).message}`);
      }
    } else if (item.kind === 'shadow-oncall') {
      entityRef = options.groupRef;
    }
    return {
      id: item.id,
      kind: item.kind,
      title: item.title ?? null,
      why: item.why ?? null,
      entityRef,
      runbookId: 'runbook' in item ? item.runbook : null,
      journey: 'journey' in item ? item.journey : null,
      url: 'url' in item ? item.url ?? null : null,
    };
  });
  if (errors.length > 0) {
    return failed(errors);
  }
  return {
    path: {
      title: metadata.title,
      description: metadata.description ?? null,
      shareProgress: spec.shareProgress,
      demo: metadata.labels?.demo === 'true',
      items,
    },
    errors: [],
  };
}
