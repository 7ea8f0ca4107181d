/**
 * One scan for prototype-pollution keys, shared by the OpenSLO validation and the backend's request
 * middleware (`rejectPrototypeKeys`).
 */

/** Keys that could reach an object's prototype when copied into an object. @public */
export const PROTOTYPE_KEYS: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'prototype',
];

/** Nesting depth beyond which a value is refused without looking further. @public */
export const MAX_SCANNED_DEPTH = 32;

/**
 * What `findPrototypeKey` found: a forbidden key (the last element of `path`), or nesting deeper than
 * the limit (`path` leads to where the scan stopped).
 *
 * @public
 */
export interface PrototypeKeyFinding {
  reason: 'forbidden-key' | 'too-deep';
  /** Keys (array indices as strings) from the scanned value to the finding. */
  path: string[];
}

const FORBIDDEN = new Set(PROTOTYPE_KEYS);

/**
 * Looks through a parsed JSON or YAML value (objects and arrays, depth first) for a key in
 * `PROTOTYPE_KEYS`, or for nesting deeper than `maxDepth`. Returns the first finding, or undefined.
 *
 * @public
 */
export function findPrototypeKey(
  value: unknown,
  maxDepth: number = MAX_SCANNED_DEPTH,
): PrototypeKeyFinding | undefined {
  const scan = (
    current: unknown,
    path: string[],
  ): PrototypeKeyFinding | undefined => {
    if (path.length > maxDepth) {
      return { reason: 'too-deep', path };
    }
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN.has(key)) {
        return { reason: 'forbidden-key', path: [...path, key] };
      }
      const found = scan((current as Record<string, unknown>)[key], [
        ...path,
        key,
      ]);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return scan(value, []);
}
