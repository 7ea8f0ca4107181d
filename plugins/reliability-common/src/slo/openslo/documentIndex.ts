import { findPrototypeKey, MAX_SCANNED_DEPTH } from '../../validation';
import { PositionedError, zodErrors } from './errors';
import {
  AlertConditionSpec,
  AlertPolicySpec,
  DataSourceSpec,
  Metadata,
  METADATA_SCHEMAS,
  OpenSloKind,
  SliSpec,
  SloSpec,
  SPEC_SCHEMAS,
} from './schema';
import { OpenSloV1alphaError, upgradeV1alphaDocument } from './v1alpha';

const SUPPORTED_API_VERSIONS = ['openslo/v1', 'openslo/v1alpha'];
/** Kinds that may appear in an OpenSLO file but carry nothing the suite uses. */
const IGNORED_KINDS = new Set(['Service', 'AlertNotificationTarget']);

type Json = Record<string, unknown>;

/**
 * The value with every null-valued key of a mapping left out: in YAML `alertPolicies:` with nothing after
 * it is null, and means "not given" (as in the OpenSLO examples). Called after the prototype-key scan, so
 * the nesting is bounded.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const result: Json = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null) result[key] = withoutNulls(entry);
  }
  return result;
}

/** The spec type of each document kind. */
interface SpecOf {
  SLO: SloSpec;
  SLI: SliSpec;
  AlertPolicy: AlertPolicySpec;
  AlertCondition: AlertConditionSpec;
  DataSource: DataSourceSpec;
}

/** One document of a file, validated by the schema of its kind. */
export interface ParsedDocument<K extends OpenSloKind> {
  /** `metadata.name`, or `#<position>` when the document has no usable name. */
  label: string;
  position: number;
  metadata: Metadata;
  spec: SpecOf[K];
}

/** Files the documents of one file by kind and name, and reports what cannot be read. */
export class DocumentIndex {
  readonly errors: PositionedError[] = [];
  readonly slos: ParsedDocument<'SLO'>[] = [];
  private readonly byKind = new Map<
    OpenSloKind,
    Map<string, ParsedDocument<OpenSloKind>>
  >();

  add(raw: unknown, index: number) {
    if (raw === null || raw === undefined) {
      return; // empty YAML document, e.g. a trailing `---`
    }
    const fallbackLabel = `#${index + 1}`;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.error(index, fallbackLabel, '', 'document must be a mapping');
      return;
    }
    let doc = raw as Json;
    const rawName = (doc.metadata as Json | undefined)?.name;
    const label =
      typeof rawName === 'string' && rawName.length <= 63
        ? rawName
        : fallbackLabel;
    const forbidden = findPrototypeKey(doc);
    if (forbidden) {
      this.error(
        index,
        label,
        forbidden.path.join('.'),
        forbidden.reason === 'forbidden-key'
          ? 'forbidden key (__proto__, constructor and prototype are not allowed)'
          : `nesting deeper than ${MAX_SCANNED_DEPTH} levels is not allowed`,
      );
      return;
    }
    if (!SUPPORTED_API_VERSIONS.includes(String(doc.apiVersion))) {
      this.error(
        index,
        label,
        'apiVersion',
        `unsupported apiVersion '${String(
          doc.apiVersion,
        )}'; expected openslo/v1 (or openslo/v1alpha)`,
      );
      return;
    }
    const kind = String(doc.kind);
    if (IGNORED_KINDS.has(kind)) {
      return;
    }
    if (!(kind in SPEC_SCHEMAS)) {
      this.error(
        index,
        label,
        'kind',
        `unsupported kind '${kind}'; expected one of SLO, SLI, AlertPolicy, AlertCondition, DataSource, Service, AlertNotificationTarget`,
      );
      return;
    }
    doc = withoutNulls(doc) as Json;
    if (doc.apiVersion === 'openslo/v1alpha') {
      try {
        doc = upgradeV1alphaDocument(doc);
      } catch (error) {
        if (error instanceof OpenSloV1alphaError) {
          this.error(index, label, error.path, error.message);
          return;
        }
        throw error;
      }
    }
    const metadata = METADATA_SCHEMAS[kind as OpenSloKind].safeParse(
      doc.metadata,
    );
    if (!metadata.success) {
      this.errors.push(...zodErrors(label, index, 'metadata', metadata.error));
      return;
    }
    const spec = SPEC_SCHEMAS[kind as OpenSloKind].safeParse(doc.spec ?? {});
    if (!spec.success) {
      this.errors.push(...zodErrors(label, index, 'spec', spec.error));
      return;
    }
    const parsed = {
      label,
      position: index,
      metadata: metadata.data,
      spec: spec.data,
    } as ParsedDocument<OpenSloKind>;
    const named = this.byKind.get(kind as OpenSloKind) ?? new Map();
    this.byKind.set(kind as OpenSloKind, named);
    if (named.has(metadata.data.name)) {
      this.error(
        index,
        label,
        'metadata.name',
        `duplicate ${kind} name '${metadata.data.name}'`,
      );
      return;
    }
    named.set(metadata.data.name, parsed);
    if (kind === 'SLO') {
      this.slos.push(parsed as ParsedDocument<'SLO'>);
    }
  }

  /** The document of a kind with a name, for references (`indicatorRef`, `alertPolicyRef`, ...). */
  get<K extends OpenSloKind>(
    kind: K,
    name: string,
  ): ParsedDocument<K> | undefined {
    return this.byKind.get(kind)?.get(name) as ParsedDocument<K> | undefined;
  }

  private error(
    position: number,
    document: string,
    path: string,
    message: string,
  ) {
    this.errors.push({ position, document, path, message });
  }
}
