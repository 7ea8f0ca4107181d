import { LoadedRunbook } from './sources/types';

/** Longest accepted search query. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Keeps the runbooks matching every whitespace-separated term of the query (case-insensitive) in their title,
 * kind, owner, answers or Markdown body. An empty query keeps everything.
 */
export function searchRunbooks(
  runbooks: LoadedRunbook[],
  query: string | undefined,
): LoadedRunbook[] {
  const terms = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) {
    return runbooks;
  }
  return runbooks.filter(({ entry, body }) => {
    const haystack = [
      entry.title,
      entry.kind,
      entry.owner ?? '',
      ...entry.answers,
      body ?? '',
    ]
      .join('\n')
      .toLowerCase();
    return terms.every(term => haystack.includes(term));
  });
}
