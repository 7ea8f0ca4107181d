import {
  PostmortemDetails,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';

/**
 * A runbook as read from its source, before ids are made unique and staleness is computed.
 * `preferredId` is the front-matter id or one derived from the file name / link title.
 */
export interface RunbookDraft {
  preferredId: string;
  entry: Omit<RunbookEntry, 'id' | 'stale'>;
  /** Markdown body without front matter (Markdown runbooks only). */
  body: string | null;
  /** Incidents, action items and launch date its front matter names (postmortems, pre-mortems); absent otherwise. */
  details?: PostmortemDetails;
}

/** A runbook of an entity with its final id and staleness. */
export interface LoadedRunbook {
  entry: RunbookEntry;
  body: string | null;
  /** See RunbookDraft.details: what the incidents area reads from postmortems and pre-mortems. */
  details?: PostmortemDetails;
}
