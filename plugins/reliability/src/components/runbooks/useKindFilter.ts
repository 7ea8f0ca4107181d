import {
  RunbookEntry,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';
import { useMemo, useState } from 'react';

/** Client-side kind filter over the (server-searched) runbooks; no kind selected shows all. */
export function useKindFilter(runbooks: RunbookEntry[] | undefined) {
  const [kinds, setKinds] = useState<RunbookKind[]>([]);
  const visible = useMemo(
    () =>
      (runbooks ?? []).filter(
        r => kinds.length === 0 || kinds.includes(r.kind),
      ),
    [runbooks, kinds],
  );
  return { kinds, setKinds, visible };
}
