import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { deadlineSignal } from './deadline';
import {
  ProviderBudgetExceededError,
  ProviderHttpError,
  ProviderNetworkError,
  ProviderResponseError,
  ProviderResponseTooLargeError,
  ProviderTimeoutError,
} from './errors';
import {
  ProviderHttpClient,
  ProviderHttpClientOptions,
} from './ProviderHttpClient';
import { ProviderRequestBudget } from './ProviderRequestBudget';

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

  it('honours a Retry-After date and gives up when the next one exceeds the retry budget', async () => {
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
    const error = await client(sleeps, {
      now: () => now,
      retry: { maxDelayMs: 10_000 },
    })
      .get('/x')
      .catch(e => e);
    // The hour asked for the second retry is neither shortened nor waited: the request fails at once.
    expect(sleeps).toEqual([5000]);
    expect(calls).toBe(2);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.status).toBe(503);
    expect(error.message).toBe(
      'Acme GET /x answered HTTP 503, Acme is unavailable (asked to retry after 3600 s)',
    );
  });

  it('waits as long as Retry-After asks, beyond maxDelayMs, when it fits in the retry budget', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, {
              status: 429,
              headers: { 'Retry-After': '45' },
            })
          : HttpResponse.json({ ok: true });
      }),
    );
    await expect(client(sleeps).getJson('/x')).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([45_000]);
  });

  it('does not retry early when Retry-After exceeds the whole retry budget', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${BASE}/x`, () => {
        calls += 1;
        return HttpResponse.json(
          { message: 'quota exhausted' },
          { status: 429, headers: { 'Retry-After': '120' } },
        );
      }),
    );
    const error = await client(sleeps, {
      errorDetail: body => (body as { message?: string }).message,
    })
      .get('/x')
      .catch(e => e);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
    expect(error).toMatchObject({
      name: 'ProviderHttpError',
      status: 429,
      message:
        'Acme GET /x answered HTTP 429, rate limited: quota exhausted (asked to retry after 120 s)',
    });
  });

  it('still caps its own backoff at maxDelayMs', async () => {
    const sleeps: number[] = [];
    server.use(
      http.get(`${BASE}/x`, () => new HttpResponse(null, { status: 503 })),
    );
    await expect(
      client(sleeps, {
        retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 2000 },
      }).get('/x'),
    ).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([750, 1500, 2000]);
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

  describe('response size limit', () => {
    /** A JSON array streamed in 1 KiB chunks, counting the chunks the client pulled. */
    function streamedArray(chunks: number) {
      const pulled = { count: 0 };
      const item = JSON.stringify('x'.repeat(1020));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled.count += 1;
          const encoder = new TextEncoder();
          if (sent === chunks) {
            controller.enqueue(encoder.encode(']'));
            controller.close();
            return;
          }
          controller.enqueue(
            encoder.encode(`${sent === 0 ? '[' : ','}${item}`),
          );
          sent += 1;
        },
      });
      return { stream, pulled };
    }

    it('stops reading a body larger than maxResponseBytes and fails with a typed error', async () => {
      const { stream, pulled } = streamedArray(1000);
      server.use(
        http.get(
          `${BASE}/x`,
          () =>
            new HttpResponse(stream, {
              headers: { 'Content-Type': 'application/json' },
            }),
        ),
      );
      const error = await client([], { maxResponseBytes: 8 * 1024 })
        .getJson('/x')
        .catch(e => e);
      expect(error).toBeInstanceOf(ProviderResponseTooLargeError);
      expect(error).toBeInstanceOf(ProviderResponseError);
      expect(error).toMatchObject({
        name: 'ProviderResponseTooLargeError',
        provider: 'Acme',
        maxBytes: 8192,
        message:
          'Acme answered GET /x with more than 8192 bytes; reading stopped there',
      });
      // About 8 chunks are needed to pass the limit; the rest of the megabyte is never produced.
      expect(pulled.count).toBeLessThan(50);
    });

    it('reads a body within the limit in full', async () => {
      const { stream } = streamedArray(20);
      server.use(http.get(`${BASE}/x`, () => new HttpResponse(stream)));
      const body = await client([], { maxResponseBytes: 64 * 1024 }).getJson(
        '/x',
      );
      expect(body).toHaveLength(20);
    });

    it('rejects a Content-Length above the limit without reading the body', async () => {
      server.use(
        http.get(
          `${BASE}/x`,
          () =>
            new HttpResponse(JSON.stringify({ data: 'y'.repeat(5000) }), {
              headers: { 'Content-Type': 'application/json' },
            }),
        ),
      );
      await expect(
        client([], { maxResponseBytes: 1000 }).getJson('/x'),
      ).rejects.toThrow(ProviderResponseTooLargeError);
    });

    it('limits bodies to 5 MiB by default', async () => {
      const big = JSON.stringify({ data: 'z'.repeat(5 * 1024 * 1024) });
      const small = JSON.stringify({ data: 'z'.repeat(4 * 1024 * 1024) });
      server.use(
        http.get(`${BASE}/big`, () => new HttpResponse(big)),
        http.get(`${BASE}/small`, () => new HttpResponse(small)),
      );
      await expect(client().getJson('/big')).rejects.toMatchObject({
        name: 'ProviderResponseTooLargeError',
        maxBytes: 5 * 1024 * 1024,
      });
      await expect(client().getJson('/small')).resolves.toMatchObject({
        data: expect.any(String),
      });
    });
  });

  describe('caller deadline', () => {
    it('makes no retry whose delay ends after the deadline of the signal, and fails with the last answer', async () => {
      let calls = 0;
      const sleeps: number[] = [];
      const now = () => 1_000_000;
      server.use(
        http.get(`${BASE}/x`, () => {
          calls += 1;
          return HttpResponse.json(
            { message: 'slow down' },
            { status: 429, headers: { 'Retry-After': '30' } },
          );
        }),
      );
      // Retry budget 60 s, but the caller gives up after 10 s: waiting 30 s would only end in its timeout.
      const error = (await client(sleeps, { now })
        .getJson('/x', { signal: deadlineSignal(10_000, { now }) })
        .catch(e => e)) as ProviderHttpError;
      expect(error).toBeInstanceOf(ProviderHttpError);
      expect(error.status).toBe(429);
      expect(error.message).toMatch(/asked to retry after 30 s/);
      expect(calls).toBe(1);
      expect(sleeps).toEqual([]);
    });

    it('still retries within the deadline', async () => {
      let calls = 0;
      const sleeps: number[] = [];
      const now = () => 1_000_000;
      server.use(
        http.get(`${BASE}/x`, () => {
          calls += 1;
          return calls === 1
            ? new HttpResponse(null, {
                status: 503,
                headers: { 'Retry-After': '2' },
              })
            : HttpResponse.json({ ok: true });
        }),
      );
      await expect(
        client(sleeps, { now }).getJson('/x', {
          signal: deadlineSignal(10_000, { now }),
        }),
      ).resolves.toEqual({ ok: true });
      expect(sleeps).toEqual([2000]);
    });
  });

  describe('request budget', () => {
    it('sends every attempt through the budget and counts retries against it', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/x`, () => {
          calls += 1;
          return calls === 1
            ? new HttpResponse(null, { status: 503 })
            : HttpResponse.json({ ok: true });
        }),
      );
      const budget = new ProviderRequestBudget({
        provider: 'Acme',
        maxConcurrency: 1,
      });
      const acquire = jest.spyOn(budget, 'acquire');
      await expect(client([], { budget }).getJson('/x')).resolves.toEqual({
        ok: true,
      });
      expect(acquire).toHaveBeenCalledTimes(2);
      // Both slots were returned: a further request gets one at once.
      await expect(budget.acquire()).resolves.toBeInstanceOf(Function);
    });

    it('does not send a request the budget has no room for', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/x`, () => {
          calls += 1;
          return HttpResponse.json({ ok: true });
        }),
      );
      const budget = new ProviderRequestBudget({
        provider: 'Acme',
        requestsPerMinute: 1,
        maxWaitMs: 1_000,
      });
      const shared = [client([], { budget }), client([], { budget })];
      await expect(shared[0].getJson('/x')).resolves.toEqual({ ok: true });
      await expect(shared[1].getJson('/x')).rejects.toBeInstanceOf(
        ProviderBudgetExceededError,
      );
      expect(calls).toBe(1);
    });
  });
});
