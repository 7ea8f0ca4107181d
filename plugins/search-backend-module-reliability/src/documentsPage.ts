import {
  RUNBOOK_KINDS,
  ReliabilitySearchDocumentsResponse,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

const KINDS = [...RUNBOOK_KINDS, 'slo'] as const;

const documentSchema = z.object({
  title: z.string(),
  text: z.string(),
  location: z.string().startsWith('/'),
  kind: z.enum(KINDS),
  entityRef: z.string().min(1),
  entityTitle: z.string(),
  owner: z.string(),
  lifecycle: z.string(),
});

const pageSchema = z.object({
  documents: z.array(documentSchema),
  nextCursor: z.string().min(1).nullable(),
});

/**
 * Validates one page of `GET /search/documents` (only the known fields are kept). A page that does not match
 * (another backend version, a proxy's error page) fails the run, so the search backend keeps the previous index.
 */
export function parseDocumentsPage(
  body: unknown,
): ReliabilitySearchDocumentsResponse {
  const result = pageSchema.safeParse(body);
  if (!result.success) {
    const details = result.error.issues
      .slice(0, 5)
      .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`Unexpected reliability search documents page: ${details}`);
  }
  return result.data;
}
