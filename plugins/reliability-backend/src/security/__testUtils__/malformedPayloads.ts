import { ValidWriteBody } from './validWriteBodies';

/** One malformed request body, sent as raw text so keys like `__proto__` reach the server as written. */
export interface MalformedRequest {
  name: string;
  /** Raw body; undefined sends no body at all. */
  body?: string;
  /** Content-Type header (defaults to application/json when there is a body). */
  contentType?: string;
  /** The one status this request must get, when only one is right (e.g. 413 for an oversized body). */
  expectedStatus?: number;
}

type Path = Array<string | number>;
type Json = unknown;

const JSON_TYPE = 'application/json';
/** Marks a string value to be emitted as a raw JSON token (numbers JSON.stringify cannot write). */
const RAW = '\u0000raw:';
/** Marks an object key to be renamed in the JSON text (keys JSON objects cannot hold safely). */
const RAW_KEY = '\u0000key:';
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const WRONG_TYPES: Array<[string, Json]> = [
  ['number', 12345],
  ['boolean', true],
  ['null', null],
  ['string', 'text'],
  ['array', []],
  ['object', {}],
];
const BAD_NUMBERS: Array<[string, Json]> = [
  ['negative', -1],
  ['fractional', 1.5],
  ['huge', 1e308],
  ['beyond 2^64', `${RAW}18446744073709551616`],
  ['overflowing to Infinity', `${RAW}1e999`],
  ['"NaN" string', 'NaN'],
  ['"Infinity" string', 'Infinity'],
];
/** Next year: an impossible day soon enough to pass "how far ahead" checks, so only date validation stops it. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const BAD_DATES = [
  `${NEXT_YEAR}-02-30`,
  `${NEXT_YEAR}-04-31T12:00:00Z`,
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T25:61:00Z',
  'not-a-date',
  '',
  '+275760-09-13T00:00:00Z',
];
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function typeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function setAt(root: Json, path: Path, value: Json): Json {
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  path.slice(0, -1).forEach(key => {
    node = node[key] as Record<string | number, Json>;
  });
  node[path[path.length - 1]] = value;
  return copy;
}

/** Serialises with the RAW / RAW_KEY markers turned into their raw JSON text. */
function toJsonText(value: Json): string {
  return JSON.stringify(value)
    .replace(/"\\u0000raw:([^"]*)"/g, '$1')
    .replace(/"\\u0000key:([^"]*)":/g, '"$1":');
}

function withKeyFirst(object: Record<string, Json>, key: string, value: Json) {
  return { [`${RAW_KEY}${key}`]: value, ...object };
}

function nested(depth: number, make: (inner: Json) => Json): Json {
  let value: Json = {};
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
}

function walk(
  value: Json,
  path: Path,
  visit: (value: Json, path: Path) => void,
): void {
  visit(value, path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], visit));
  } else if (isPlainObject(value)) {
    Object.entries(value).forEach(([k, v]) => walk(v, [...path, k], visit));
  }
}

/**
 * A deterministic battery of malformed requests derived from a valid body: broken or mistyped JSON, wrong
 * content types, wrong field types, missing and extra fields, bad numbers and dates, 100k-character strings,
 * 10k-item arrays and objects, 100-level nesting, prototype-pollution keys at every level, and an oversized body.
 */
export function malformedRequests(valid: ValidWriteBody): MalformedRequest[] {
  const base = valid.body;
  const optional = new Set(valid.optionalFields ?? []);
  const requests: MalformedRequest[] = [];
  const add = (
    name: string,
    body: Json,
    extra: Partial<MalformedRequest> = {},
  ) => requests.push({ name, body: toJsonText(body), ...extra });
  const at = (path: Path) => path.join('.') || '(body)';

  // The body as a whole.
  requests.push({ name: 'no body' });
  requests.push({ name: 'empty JSON text', body: '', contentType: JSON_TYPE });
  for (const text of ['null', '[]', '"text"', '42', 'true']) {
    requests.push({ name: `body ${text}`, body: text });
  }
  requests.push({
    name: 'truncated JSON',
    body: toJsonText(base).slice(0, -3),
  });
  requests.push({
    name: 'text/plain content type',
    body: toJsonText(base),
    contentType: 'text/plain',
  });
  requests.push({
    name: 'form-encoded content type',
    body: 'answers=1&checklistVersion=1',
    contentType: 'application/x-www-form-urlencoded',
  });
  requests.push({
    name: 'XML content type',
    body: '<body/>',
    contentType: 'application/xml',
  });
  add('10k-item array body', new Array(10_000).fill(0));
  add(
    'body nested 100 levels',
    nested(100, inner => ({ a: inner })),
  );
  requests.push({
    name: 'body over 256kb',
    body: toJsonText({ ...base, padding: 'x'.repeat(300 * 1024) }),
    expectedStatus: 413,
  });

  // Top-level prototype keys.
  for (const key of PROTOTYPE_KEYS) {
    add(
      `top-level ${key}`,
      withKeyFirst(base, key, { polluted: 'yes', prototype: { polluted: 1 } }),
    );
  }
  add('extra top-level field', { ...base, unexpected: 'value' });

  // Each top-level field: wrong types, missing, nested 100 levels.
  for (const key of Object.keys(base)) {
    for (const [type, value] of WRONG_TYPES) {
      if (type !== typeName(base[key])) {
        add(`${key} as ${type}`, { ...base, [key]: value });
      }
    }
    if (!optional.has(key)) {
      const { [key]: _dropped, ...rest } = base;
      add(`missing ${key}`, rest);
    }
    add(`${key} nested 100 levels`, {
      ...base,
      [key]: nested(100, inner => ({ a: inner })),
    });
  }

  walk(base, [], (value, path) => {
    if (path.length === 0) return;
    if (isPlainObject(value)) {
      add(
        `extra field in ${at(path)}`,
        setAt(base, path, { ...value, unexpected: 'value' }),
      );
      for (const key of PROTOTYPE_KEYS.slice(0, 2)) {
        add(
          `${key} in ${at(path)}`,
          setAt(base, path, withKeyFirst(value, key, { polluted: 'yes' })),
        );
      }
      const many: Record<string, Json> = {};
      for (let i = 0; i < 10_000; i++) many[`k${i}`] = {};
      add(`10k keys in ${at(path)}`, setAt(base, path, many));
    } else if (Array.isArray(value)) {
      add(
        `10k items in ${at(path)}`,
        setAt(base, path, new Array(10_000).fill(0)),
      );
      add(
        `arrays nested 100 levels in ${at(path)}`,
        setAt(base, path, [nested(100, inner => [inner])]),
      );
      if (isPlainObject(value[0])) {
        add(
          `__proto__ in an item of ${at(path)}`,
          setAt(
            base,
            [...path, 0],
            withKeyFirst(value[0], '__proto__', { polluted: 'yes' }),
          ),
        );
      }
    } else if (typeof value === 'string') {
      add(`100k-character ${at(path)}`, setAt(base, path, 'x'.repeat(100_000)));
      if (DATE_LIKE.test(value)) {
        for (const date of BAD_DATES) {
          add(`${at(path)} = '${date}'`, setAt(base, path, date));
        }
      }
    } else if (typeof value === 'number') {
      for (const [kind, bad] of BAD_NUMBERS) {
        add(`${kind} ${at(path)}`, setAt(base, path, bad));
      }
    }
  });

  return requests.map(r =>
    r.body !== undefined && !r.contentType
      ? { ...r, contentType: JSON_TYPE }
      : r,
  );
}
