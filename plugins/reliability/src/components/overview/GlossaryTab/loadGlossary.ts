import { useCallback, useEffect, useState } from 'react';
import type { GlossaryEntry, GlossaryTermId } from './glossary';

let loaded: GlossaryEntry[] | undefined;
let loading: Promise<GlossaryEntry[]> | undefined;

/**
 * The glossary's entries, loaded once on first use: the definitions are a chunk of their own, so a page that only
 * marks a few terms (the SLO card, the incidents card) does not download them until someone hovers or focuses one.
 * A failed load is forgotten, so the next hover tries again.
 */
export function loadGlossary(): Promise<GlossaryEntry[]> {
  loading ??= import('./glossary').then(
    module => {
      loaded = module.GLOSSARY;
      return loaded;
    },
    error => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The glossary once loaded (undefined before; it loads when `load` is called, or at once with `eager`). */
export function useGlossary(options: { eager?: boolean } = {}): {
  entries: GlossaryEntry[] | undefined;
  error: Error | undefined;
  load: () => void;
} {
  const [entries, setEntries] = useState(loaded);
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    if (loaded) {
      setEntries(loaded);
      return;
    }
    loadGlossary().then(setEntries, setError);
  }, []);
  const { eager } = options;
  useEffect(() => {
    if (eager) load();
  }, [eager, load]);
  return { entries, error, load };
}

/** One term's entry once the glossary is loaded. */
export function entryOf(
  entries: GlossaryEntry[] | undefined,
  term: GlossaryTermId,
): GlossaryEntry | undefined {
  return entries?.find(entry => entry.id === term);
}
