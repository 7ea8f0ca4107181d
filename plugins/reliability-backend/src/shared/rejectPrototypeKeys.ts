import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

function findForbiddenKey(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) {
    return '(nesting too deep)';
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findForbiddenKey(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      const found = findForbiddenKey(
        (value as Record<string, unknown>)[key],
        depth + 1,
      );
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Express middleware rejecting JSON bodies and query strings that carry prototype-pollution keys
 * (`__proto__`, `constructor`, `prototype`) or absurd nesting, before any handler sees them.
 */
export function rejectPrototypeKeys(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  const found =
    findForbiddenKey(req.body, 0) ?? findForbiddenKey(req.query, 0);
  if (found) {
    next(new InputError(`Forbidden key in request: ${found}`));
    return;
  }
  next();
}
