import { InputError } from '@backstage/errors';
import { findPrototypeKey } from '@internal/backstage-plugin-reliability-common';
import { NextFunction, Request, Response } from 'express';

/**
 * Express middleware rejecting JSON bodies and query strings that carry prototype-pollution keys
 * (`__proto__`, `constructor`, `prototype`) or absurd nesting, before any handler sees them.
 * The scan is `findPrototypeKey` from -common, the same one the OpenSLO validation uses.
 */
export function rejectPrototypeKeys(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  const found = findPrototypeKey(req.body) ?? findPrototypeKey(req.query);
  if (found) {
    const what =
      found.reason === 'too-deep'
        ? '(nesting too deep)'
        : found.path[found.path.length - 1];
    next(new InputError(`Forbidden key in request: ${what}`));
    return;
  }
  next();
}
