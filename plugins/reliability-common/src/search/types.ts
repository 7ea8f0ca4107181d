import { RunbookKind } from '../runbooks';

/** The search document type (index name) of the reliability collator. @public */
export const RELIABILITY_SEARCH_TYPE = 'reliability';

/** What a reliability search document describes: a runbook of one of the runbook kinds, or an SLO. @public */
export type ReliabilitySearchDocumentKind = RunbookKind | 'slo';

/**
 * One searchable document of the reliability suite, as `GET /search/documents` returns it and the search
 * collator indexes it (the collator adds `authorization.resourceRef = entityRef`). Every field is always
 * present (empty string when unknown): some search engines take their schema from the first document.
 *
 * @public
 */
export interface ReliabilitySearchDocument {
  title: string;
  /** Plain text: the runbook's Markdown without markup, or the SLO's description, objectives and alerts. */
  text: string;
  /** Where the document opens in the app: the entity's Runbooks tab (`?runbook=<id>`) or SLOs tab (`?slo=<name>`). */
  location: string;
  kind: ReliabilitySearchDocumentKind;
  /** The entity the document belongs to, as `entityRefKey` (lower case). */
  entityRef: string;
  /** The entity's title, or its name. */
  entityTitle: string;
  /** The runbook's owner from its front matter, else the entity's owner (an entity ref). */
  owner: string;
  /** The entity's `spec.lifecycle`. */
  lifecycle: string;
}

/** Response of `GET /search/documents`: one page of documents. @public */
export interface ReliabilitySearchDocumentsResponse {
  documents: ReliabilitySearchDocument[];
  /** Pass it as `cursor` to read the next page; null on the last page. */
  nextCursor: string | null;
}
