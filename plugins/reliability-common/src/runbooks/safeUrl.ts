/**
 * URL safety rules shared by the backend (validating links and front matter) and the frontend
 * (rendering Markdown): only http(s) URLs and relative references may become links.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Characters browsers strip or ignore inside a scheme (`java\tscript:`), and C0 controls / spaces.
// eslint-disable-next-line no-control-regex
const IGNORED_CHARS = /[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g;

/**
 * True for absolute http(s) URLs and relative references (`/docs/...`, `./x.md`, `#anchor`, `?q`),
 * false for every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, ...) and for
 * protocol-relative `//host` references.
 *
 * @public
 */
export function isSafeLinkUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') {
    return false;
  }
  const compact = url.replace(IGNORED_CHARS, '');
  if (!compact) {
    return false;
  }
  if (
    compact.startsWith('//') ||
    compact.startsWith('\\\\') ||
    compact.startsWith('/\\')
  ) {
    return false;
  }
  const scheme = SCHEME.exec(compact);
  if (!scheme) {
    // No scheme before the first `/`, `?` or `#`: a relative reference. A colon later on is harmless.
    return true;
  }
  const name = scheme[1].toLowerCase();
  return name === 'http' || name === 'https';
}

/**
 * True for absolute http(s) URLs only.
 *
 * @public
 */
export function isHttpUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The URL itself when it is safe to render as a link (see {@link isSafeLinkUrl}), otherwise an empty string,
 * which Markdown renderers treat as "no link".
 *
 * @public
 */
export function safeLinkUrlOrEmpty(url: string): string {
  return isSafeLinkUrl(url) ? url : '';
}
