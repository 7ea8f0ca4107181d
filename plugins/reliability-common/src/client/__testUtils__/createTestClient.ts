import { ReliabilityClient } from '../ReliabilityClient';

/** The base URL the test client's discovery answers. */
export const TEST_BASE_URL = 'http://backend/api/reliability';

/**
 * A ReliabilityClient over a fetch mock that answers every request with `body` as JSON and `status`
 * (`{ ok: true }`, 200 by default); the mock records the requests.
 */
export function createTestClient(body: unknown = { ok: true }, status = 200) {
  const fetch = jest.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}
