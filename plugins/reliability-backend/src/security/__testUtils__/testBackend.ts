import { startTestBackend } from '@backstage/backend-test-utils';
import { createRouter } from '../../router';
import { reliabilityPlugin } from '../../plugin';
import { listRoutes, RouteInfo } from '../listRoutes';

// The real router, wrapped so tests can read every route the running plugin mounted.
jest.mock('../../router', () => {
  const actual = jest.requireActual('../../router');
  return { ...actual, createRouter: jest.fn(actual.createRouter) };
});

type TestBackend = Awaited<ReturnType<typeof startTestBackend>>;
type TestBackendFeatures = NonNullable<
  Parameters<typeof startTestBackend>[0]['features']
>;

/** A started test backend running the real reliability plugin, and the routes its router mounted. */
export interface ReliabilityTestBackend {
  backend: TestBackend;
  server: TestBackend['server'];
  routes: RouteInfo[];
}

/** Base path of the plugin's routes on the test backend's server. */
export const API_BASE = '/api/reliability';

/** Write methods: every route with one of these changes state. */
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `METHOD /path` key of a route. */
export function routeKey(route: RouteInfo): string {
  return `${route.method} ${route.path}`;
}

/**
 * Starts the real reliability plugin with `startTestBackend` and the given service factories and modules,
 * and captures the router it mounted (so tests enumerate routes instead of keeping lists).
 * Import this module before anything that imports `src/router.ts` (its jest.mock must come first).
 */
export async function startReliabilityBackend(
  features: TestBackendFeatures,
): Promise<ReliabilityTestBackend> {
  const createRouterSpy = createRouter as jest.MockedFunction<
    typeof createRouter
  >;
  if (!jest.isMockFunction(createRouterSpy)) {
    throw new Error(
      'src/router.ts was loaded before the security test helper mocked it; import the helper first',
    );
  }
  const callsBefore = createRouterSpy.mock.results.length;
  const backend = await startTestBackend({
    features: [reliabilityPlugin, ...features],
  });
  const results = createRouterSpy.mock.results.slice(callsBefore);
  if (results.length !== 1 || results[0].type !== 'return') {
    await backend.stop();
    throw new Error(
      `Expected the plugin to create its router once, saw ${results.length} calls`,
    );
  }
  return {
    backend,
    server: backend.server,
    routes: listRoutes(results[0].value),
  };
}
