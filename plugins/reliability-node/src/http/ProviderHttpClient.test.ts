import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ProviderHttpError,
  ProviderNetworkError,
  ProviderResponseError,
  ProviderTimeoutError,
} from './errors';
import {
  ProviderHttpClient,
  ProviderHttpClientOptions,
} from './ProviderHttpClient';

const BASE = 'https://api.provider.test';
const server = setupServer();
registerMswTestHooks(server);

function client(
  sleeps: number[] = [],
  options: Partial<ProviderHttpClientOptions> = {},
) {
  return new ProviderHttpClient({
    provider: 'Acme',
    baseUrl: `${BASE}/`,
    headers: { Authorization: 'Token t' },
    timeoutMs: 2000,
    sleep: async ms => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
  });
}

describe('ProviderHttpClient', () => {
  it('sends the headers and query, and parses JSON', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${BASE}/v1/things`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ things: [1] });
      }),
    );
    await expect(
      client().getJson('/v1/things', { query: [['a', '1']] }),
    ).resolves.toEqual({ things: [1] });
    expect(seen?.headers.get('authorization')).toBe('Token t');
    expect(new URL(seen!.url).searchParams.get('a')).toBe('1');
  });

  it('retries a 429 after the Retry-After delay, then succeeds', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { message: 'slow down' },
              { status: 429, headers: { 'Retry-After': '2' } },
            )
          : HttpResponse.json({ ok: true });
      }),
    );
    await expect(client(sleeps).getJson('/x')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([2000]);
  });

  it('honours a Retry-After date and caps it at maxDelayMs', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const now = Date.parse('2026-11-20T12:00:00Z');
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return calls < 3
          ? new HttpResponse(null, {
              status: 503,
              headers: {
                'Retry-After':
                  calls === 1
                    ? 'Fri, 20 Nov 2026 12:00:05 GMT'
                    : 'Fri, 20 Nov 2026 13:00:00 GMT',
              },
            })
          : HttpResponse.json({});
      }),
    );
    await client(sleeps, {
      now: () => now,
      retry: { maxDelayMs: 10_000 },
    }).getJson('/x');
    expect(sleeps).toEqual([5000, 10_000]);
  });

  it('backs off exponentially and throws a typed error when 503 retries are exhausted', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return HttpResponse.json(
          { error: { message: 'maintenance' } },
          { status: 503 },
        );
      }),
    );
    const error = await client(sleeps, {
      retry: { maxAttempts: 4, baseDelayMs: 100 },
      errorDetail: body =>
        (body as { error?: { message?: string } }).error?.message,
    })
      .get('/x')
      .catch(e => e);
    expect(calls).toBe(4);
    // random() = 0.5: backoff * 0.75
    expect(sleeps).toEqual([75, 150, 300]);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({
      name: 'ProviderHttpError',
      provider: 'Acme',
      status: 503,
      message:
        'Acme GET /x answered HTTP 503, Acme is unavailable: maintenance',
    });
    expect(error.bodyExcerpt).toContain('maintenance');
  });

  it('stops retrying when the total delay would exceed maxTotalDelayMs', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return new HttpResponse(null, {
          status: 429,
          headers: { 'X-RateLimit-Period-In-Sec': '20' },
        });
      }),
    );
    await expect(
      client([], { retry: { maxAttempts: 5, maxTotalDelayMs: 30_000 } }).get(
        '/x',
      ),
    ).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(2);
  });

  it('does not retry other 4xx and lets the caller word the error', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/teams/a`, () => {
        calls += 1;
        return HttpResponse.json({ message: 'no such team' }, { status: 404 });
      }),
    );
    await expect(
      client([], {
        statusHints: { 401: 'the key was rejected' },
      }).get('/teams/a', {
        describeError: ({ status }) =>
          status === 404 ? "Acme team 'a' not found (HTTP 404)" : undefined,
      }),
    ).rejects.toMatchObject({
      name: 'ProviderHttpError',
      status: 404,
      message: "Acme team 'a' not found (HTTP 404)",
    });
    expect(calls).toBe(1);
  });

  it('uses status hints in the default message and can throw an error of the caller', async () => {
    server.use(
      http.get(`${BASE}/x`, () => new HttpResponse('denied', { status: 401 })),
    );
    await expect(
      client([], { statusHints: { 401: 'the key was rejected' } }).get('/x'),
    ).rejects.toThrow('Acme GET /x answered HTTP 401, the key was rejected');
    await expect(
      client().get('/x', {
        describeError: ({ body }) =>
          new ProviderResponseError('Acme', `rejected: ${body}`),
      }),
    ).rejects.toThrow(new ProviderResponseError('Acme', 'rejected: denied'));
  });

  it('fails with ProviderTimeoutError when an attempt takes too long', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/x`, async () => {
        calls += 1;
        await delay(2000);
        return HttpResponse.json({});
      }),
    );
    const error = await client([], { timeoutMs: 100 })
      .get('/x')
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderTimeoutError);
    expect(error.message).toBe(
      'Acme did not answer within 100 ms (https://api.provider.test)',
    );
    expect(calls).toBe(1);
  });

  it('retries network errors and then fails with ProviderNetworkError', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return HttpResponse.error();
      }),
    );
    await expect(client().get('/x')).rejects.toThrow(ProviderNetworkError);
    expect(calls).toBe(3);
  });

  it('stops retrying when the caller aborts', async () => {
    let calls = 0;
    const controller = new AbortController();
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const pending = new ProviderHttpClient({
      provider: 'Acme',
      baseUrl: BASE,
      timeoutMs: 2000,
      retry: { maxAttempts: 5, baseDelayMs: 10_000 },
    }).get('/x', { signal: controller.signal });
    await new Promise(resolve => setTimeout(resolve, 50));
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    expect(calls).toBe(1);
  });

  it('stops a pending attempt when the caller aborts', async () => {
    server.use(
      http.get(`${BASE}/x`, async () => {
        await delay(2000);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = client().get('/x', { signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });

  it('reports a body that is not JSON as ProviderResponseError', async () => {
    server.use(http.get(`${BASE}/x`, () => HttpResponse.text('<html>')));
    await expect(client().getJson('/x')).rejects.toThrow(
      new ProviderResponseError(
        'Acme',
        'Acme answered GET /x with a body that is not JSON',
      ),
    );
  });
});
