/** Largest runbook id length; ids appear in URLs and database keys. */
export const MAX_RUNBOOK_ID_LENGTH = 100;

/** Pattern a runbook id (from front matter or derived) must match. */
export const RUNBOOK_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Turns a title, file path or URL into a runbook id: lower case, `[a-z0-9._-]`, at most 100 characters. */
export function slugifyRunbookId(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_RUNBOOK_ID_LENGTH)
    .replace(/[^a-z0-9]+$/, '');
  return slug || 'runbook';
}

/**
 * Hands out unique ids within one entity: the first runbook keeps its id, later ones with the same id
 * get `-2`, `-3`, ... (in the order sources are read, which is stable).
 */
export class RunbookIdAllocator {
  private readonly used = new Set<string>();

  allocate(preferred: string): string {
    const base = slugifyRunbookId(preferred);
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_RUNBOOK_ID_LENGTH - suffix.length)}${suffix}`;
    }
    this.used.add(id);
    return id;
  }
}
