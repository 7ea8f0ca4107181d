import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ProviderHttpError,
  ProviderResponseError,
  ProviderTimeoutError,
} from '@internal/backstage-plugin-reliability-node';
import { PrometheusClient } from './PrometheusClient';

const BASE = 'http://prometheus.test:9090';
const server = setupServer();
registerMswTestHooks(server);

const vector = (...values: string[]) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: values.map(value => ({ metric: {}, value: [1700000000, value] })),
  },
});

const client = (timeoutMs = 2000) =>
  new PrometheusClient({
    baseUrl: BASE,
    headers: { 'X-Scope-OrgID': 'tenant-1' },
    timeoutMs,
    retry: { baseDelayMs: 1, maxAttempts: 3 },
  });

describe('PrometheusClient', () => {
  const at = new Date(1_700_000_000_000);

  it('sends an instant query at the given time with the configured headers and sums the samples', async () => {
    let seen: URL | undefined;
    let tenant: string | null = null;
    server.use(
      http.get(`${BASE}/api/v1/query`, ({ request }) => {
        seen = new URL(request.url);
        tenant = request.headers.get('x-scope-orgid');
        return HttpResponse.json(vector('10', '32.5'));
      }),
    );
    await expect(client().querySum('sum(up)', at)).resolves.toBe(42.5);
    expect(seen?.searchParams.get('query')).toBe('sum(up)');
    expect(seen?.searchParams.get('time')).toBe('1700000000');
    expect(tenant).toBe('tenant-1');
  });

  it('retries after 429 (honouring Retry-After) and then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v1/query`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse('slow down', {
              status: 429,
              headers: { 'Retry-After': '0' },
            })
          : HttpResponse.json(vector('7'));
      }),
    );
    await expect(client().querySum('up', at)).resolves.toBe(7);
    expect(calls).toBe(2);
  });

  it('gives up after the last attempt on 5xx with a typed error carrying the status', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v1/query`, () => {
        calls += 1;
        return HttpResponse.json(
          { status: 'error', error: 'overloaded' },
          { status: 503 },
        );
      }),
    );
    const error = await client()
      .querySum('up', at)
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.status).toBe(503);
    expect(error.message).toBe('Prometheus answered HTTP 503: overloaded');
    expect(calls).toBe(3);
  });

  it('fails with ProviderTimeoutError when Prometheus does not answer in time', async () => {
    server.use(
      http.get(`${BASE}/api/v1/query`, async () => {
        await delay(2000);
        return HttpResponse.json(vector('1'));
      }),
    );
    await expect(client(100).querySum('up', at)).rejects.toThrow(
      ProviderTimeoutError,
    );
  });

  it('reports rejected queries and unusable results as ProviderResponseError', async () => {
    server.use(
      http.get(`${BASE}/api/v1/query`, ({ request }) => {
        const query = new URL(request.url).searchParams.get('query');
        if (query === 'bad(') {
          return HttpResponse.json(
            {
              status: 'error',
              errorType: 'bad_data',
              error: 'parse error: unclosed left parenthesis',
            },
            { status: 400 },
          );
        }
        if (query === 'inf') {
          return HttpResponse.json(vector('+Inf'));
        }
        return HttpResponse.json({
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        });
      }),
    );
    await expect(client().querySum('bad(', at)).rejects.toThrow(
      'Prometheus rejected the query (bad_data): parse error: unclosed left parenthesis',
    );
    await expect(client().querySum('inf', at)).rejects.toThrow(
      ProviderResponseError,
    );
    await expect(client().querySum('up[5m]', at)).rejects.toThrow(
      /returned a matrix/,
    );
  });

  it('stops when the caller aborts', async () => {
    server.use(
      http.get(`${BASE}/api/v1/query`, async () => {
        await delay(2000);
        return HttpResponse.json(vector('1'));
      }),
    );
    const controller = new AbortController();
    const pending = client().querySum('up', at, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });
});
