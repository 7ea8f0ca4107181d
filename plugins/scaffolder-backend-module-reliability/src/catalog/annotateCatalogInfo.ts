import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  entityRefKey,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';
import { Document, isMap, isSeq, parseAllDocuments } from 'yaml';

/** The suite's annotations a template may set (keys of `ANNOTATIONS` in `-common`). */
export interface ReliabilityAnnotationValues {
  sloDefinitions?: string;
  /** Markdown runbook locations; merged with those already listed. */
  runbooks?: string[];
  onCallSchedule?: string;
  escalationPolicy?: string;
  tier?: string;
  policy?: string;
  pagerDutyServiceId?: string;
  opsgenieTeam?: string;
}

/** A `metadata.links` entry of type runbook. */
export interface RunbookLink {
  url: string;
  title: string;
}

const SINGLE_VALUED = [
  'sloDefinitions',
  'onCallSchedule',
  'escalationPolicy',
  'tier',
  'policy',
  'pagerDutyServiceId',
  'opsgenieTeam',
] as const;

function entityDocument(
  documents: Document[],
  entityName: string | undefined,
): Document {
  const candidates = documents.filter(doc => {
    const name = doc.getIn(['metadata', 'name']);
    const kind = String(doc.getIn(['kind']) ?? '').toLowerCase();
    return entityName ? name === entityName : kind === 'component';
  });
  if (candidates.length !== 1) {
    throw new InputError(
      entityName
        ? `catalog-info has ${candidates.length} entities named '${entityName}', expected one`
        : `catalog-info has ${candidates.length} Component entities; name the one to annotate (entityName)`,
    );
  }
  return candidates[0];
}

/**
 * Adds the suite's annotations (and runbook links) to one entity of a catalog-info YAML text, keeping the rest of
 * the file (other documents, comments, order) as it is. Runbook locations are merged into the comma-separated
 * list already there; links with a URL already present are skipped; other annotations are set.
 * Returns the new text and the entity's ref and the annotation keys written.
 */
export function annotateCatalogInfo(options: {
  text: string;
  entityName?: string;
  annotations: ReliabilityAnnotationValues;
  runbookLinks?: RunbookLink[];
}): { text: string; entityRef: string; written: string[] } {
  const documents = parseAllDocuments(options.text);
  if (!Array.isArray(documents)) {
    throw new InputError('catalog-info is not a YAML document stream');
  }
  const broken = documents.find(doc => doc.errors.length > 0);
  if (broken) {
    throw new InputError(
      `catalog-info is not valid YAML: ${
        broken.errors[0].message.split('\n')[0]
      }`,
    );
  }
  const doc = entityDocument(documents, options.entityName);
  if (!isMap(doc.getIn(['metadata']))) {
    throw new InputError('The entity has no metadata mapping');
  }
  const written: string[] = [];
  const set = (key: string, value: string) => {
    doc.setIn(['metadata', 'annotations', key], value);
    written.push(key);
  };
  for (const field of SINGLE_VALUED) {
    const value = options.annotations[field]?.trim();
    if (value) set(ANNOTATIONS[field], value);
  }
  const added = (options.annotations.runbooks ?? [])
    .map(r => r.trim())
    .filter(Boolean);
  if (added.length > 0) {
    const existing = String(
      doc.getIn(['metadata', 'annotations', ANNOTATIONS.runbooks]) ?? '',
    )
      .split(',')
      .map(r => r.trim())
      .filter(Boolean);
    set(ANNOTATIONS.runbooks, [...new Set([...existing, ...added])].join(','));
  }
  const links = doc.getIn(['metadata', 'links']);
  const knownUrls = new Set(
    isSeq(links)
      ? links.items.map(item => (isMap(item) ? String(item.get('url')) : ''))
      : [],
  );
  for (const link of options.runbookLinks ?? []) {
    if (!knownUrls.has(link.url)) {
      doc.addIn(['metadata', 'links'], { ...link, type: RUNBOOK_LINK_TYPE });
      knownUrls.add(link.url);
    }
  }
  const kind = String(doc.getIn(['kind']) ?? 'Component');
  const namespace = String(doc.getIn(['metadata', 'namespace']) ?? 'default');
  const name = String(doc.getIn(['metadata', 'name']) ?? '');
  const text = documents
    .map((d, index) =>
      index > 0 && !d.directives?.docStart ? `---\n${d}` : String(d),
    )
    .join('');
  return {
    text,
    entityRef: entityRefKey({ kind, namespace, name }),
    written,
  };
}
