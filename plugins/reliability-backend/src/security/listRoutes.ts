import express from 'express';

/** One route of an Express router: HTTP method and path pattern. */
export interface RouteInfo {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Lists every route registered on an Express router, including routers mounted inside it
 * (the feature routers), so tests can prove properties of all routes without a hand-kept list.
 */
export function listRoutes(router: express.Router): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push({ method: method.toUpperCase(), path: layer.route.path });
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((router as unknown as { stack: Layer[] }).stack);
  return routes;
}

export const SAMPLE_PARAMS: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout-api',
  // Valid for both kinds of `:id` (runbook ids and assessment UUIDs), so requests get past parameter checks.
  id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
  slo: 'checkout-availability',
  // A self-assessed item of the default checklist (exemption routes address an entity's item).
  itemId: 'slo-user-facing',
  // A global task with a 2-minute initial delay: registered, and never running while the tests trigger it.
  taskId: 'reliability-learning-refresh',
};

/** Fills route parameters (`:kind`, `:id`, ...) with the given values, or else plausible sample values. */
export function samplePath(
  path: string,
  params: Record<string, string> = {},
): string {
  return path.replace(
    /:(\w+)/g,
    (_m, param: string) => params[param] ?? SAMPLE_PARAMS[param] ?? 'sample',
  );
}
