import { setupServer } from 'msw/node';
import { ReliabilityClient } from '../ReliabilityClient';

/** The backend's base URL in tests with an msw server. */
export const MSW_BASE_URL = 'http://backend.test/api/reliability';

/**
 * An msw server that listens during the test file (unhandled requests fail the test, handlers are reset after
 * each test) and a ReliabilityClient whose requests go through the real fetch to it. Call at the top of a file.
 */
export function setupMswTestClient() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => MSW_BASE_URL },
    fetchApi: { fetch: (...args) => globalThis.fetch(...args) },
  });
  return { server, client };
}
