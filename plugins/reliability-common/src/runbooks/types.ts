/** Every runbook kind, in display order. @public */
export const RUNBOOK_KINDS = [
  'runbook',
  'rollback',
  'postmortem',
  'premortem',
] as const;

/** What a runbook document is for. @public */
export type RunbookKind = (typeof RUNBOOK_KINDS)[number];

/**
 * Where a runbook was found: a `metadata.links` entry of type `runbook`, a TechDocs page of the entity
 * linked that way, or a Markdown file named by the runbooks annotation.
 *
 * @public
 */
export type RunbookSource = 'link' | 'techdocs' | 'markdown';

/** One runbook of an entity, as listed by the API. @public */
export interface RunbookEntry {
  /** Unique within the entity; used in `?runbook=<id>` links and in SLO `runbook` fields. */
  id: string;
  title: string;
  kind: RunbookKind;
  /** SLO names and alert (policy) names this runbook answers. */
  answers: string[];
  owner: string | null;
  /** Date of the last review (YYYY-MM-DD), null when unknown. */
  lastReviewed: string | null;
  /** Not reviewed within the configured number of days, or never reviewed. */
  stale: boolean;
  /** Where to open it: an http(s) URL or a path in this Backstage app; null when unsafe or unknown. */
  url: string | null;
  source: RunbookSource;
  /** The annotation location the Markdown came from (Markdown runbooks only). */
  location: string | null;
  /** Why this runbook could not be read or validated; the rest of the list is still usable. */
  error: string | null;
}

/** How one SLO alert policy is linked to a runbook. @public */
export interface RunbookAlertCoverage {
  slo: string;
  alert: string;
  /** The runbook answering it (null: none). `id` is set when it is one of the entity's runbooks. */
  runbook: {
    id: string | null;
    title: string | null;
    url: string | null;
  } | null;
  /** What linked them: the alert policy's `runbook`, the SLO's `runbook`, or the runbook's `answers`. */
  matchedBy: 'alert-policy' | 'slo' | 'answers' | null;
  /** A reference that points at nothing (unknown runbook id, unsafe URL). */
  problem: string | null;
}

/** Coverage of an entity's SLO alerts by runbooks. @public */
export interface RunbookCoverage {
  /** Share of SLO alerts with a runbook, 0..1; null when the entity has no SLO alerts. */
  ratio: number | null;
  alertCount: number;
  alertsWithRunbook: number;
  alerts: RunbookAlertCoverage[];
  /** Set when the SLO definitions could not be read (coverage is then null). */
  error: string | null;
}

/** Response of `GET /entities/:kind/:namespace/:name/runbooks`. @public */
export interface EntityRunbooksResponse {
  entityRef: string;
  /** The runbooks matching `query` (all of them without a query). */
  runbooks: RunbookEntry[];
  /** Number of runbooks of the entity before filtering. */
  total: number;
  query: string | null;
  staleCount: number;
  staleAfterDays: number;
  coverage: RunbookCoverage;
  generatedAt: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/runbooks/:id`. @public */
export interface EntityRunbookResponse {
  entityRef: string;
  runbook: RunbookEntry;
  /** The Markdown body without its front matter; null for linked (non-Markdown) runbooks and unreadable files. */
  markdown: string | null;
}
