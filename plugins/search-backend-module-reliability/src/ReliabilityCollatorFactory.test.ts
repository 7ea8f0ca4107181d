import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { ReliabilitySearchDocument } from '@internal/backstage-plugin-reliability-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReliabilityCollatorFactory } from './ReliabilityCollatorFactory';

const BASE_URL = 'http://localhost:0/api/reliability';

function doc(
  entityRef: string,
  overrides: Partial<ReliabilitySearchDocument> = {},
): ReliabilitySearchDocument {
  const name = entityRef.split('/')[1];
  return {
    title: `Roll back ${name}`,
    text: `Rollback procedure of ${name}.`,
    location: `/catalog/default/component/${name}/runbooks?runbook=rollback`,
    kind: 'rollback',
    entityRef,
    entityTitle: name,
    owner: 'group:default/sre',
    lifecycle: 'production',
    ...overrides,
  };
}

describe('ReliabilityCollatorFactory', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function createFactory(batchSize = 2) {
    const auth = mockServices.auth();
    const factory = new ReliabilityCollatorFactory({
      discovery: mockServices.discovery(),
      auth,
      logger: mockServices.logger.mock(),
      batchSize,
    });
    return { factory, auth };
  }

  it('declares the reliability type, visible to readers of the catalog entity', () => {
    const { factory } = createFactory();
    expect(factory.type).toBe('reliability');
    expect(factory.visibilityPermission.name).toBe('catalog.entity.read');
  });

  it('reads every page with a service token and authorizes each document by its entity', async () => {
    const { factory, auth } = createFactory(2);
    const requests: Array<{
      limit: string | null;
      cursor: string | null;
      authorization: string | null;
    }> = [];
    server.use(
      http.get(`${BASE_URL}/search/documents`, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('cursor');
        requests.push({
          limit: url.searchParams.get('limit'),
          cursor,
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json(
          cursor === null
            ? {
                documents: [
                  doc('component:default/checkout-api'),
                  doc('component:default/payments', {
                    kind: 'slo',
                    title: 'Payments availability',
                    location:
                      '/catalog/default/component/payments/slos?slo=availability',
                  }),
                ],
                nextCursor: 'page-2',
              }
            : {
                documents: [doc('component:default/orders')],
                nextCursor: null,
              },
        );
      }),
    );

    const { documents, error } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(error).toBeUndefined();

    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'reliability',
    });
    expect(requests).toEqual([
      { limit: '2', cursor: null, authorization: `Bearer ${token}` },
      { limit: '2', cursor: 'page-2', authorization: `Bearer ${token}` },
    ]);
    expect(documents).toEqual([
      {
        ...doc('component:default/checkout-api'),
        authorization: { resourceRef: 'component:default/checkout-api' },
      },
      expect.objectContaining({
        kind: 'slo',
        title: 'Payments availability',
        authorization: { resourceRef: 'component:default/payments' },
      }),
      {
        ...doc('component:default/orders'),
        authorization: { resourceRef: 'component:default/orders' },
      },
    ]);
  });

  it('waits for the catalog when the first run finds nothing, then indexes what appears', async () => {
    const logger = mockServices.logger.mock();
    const sleeps: number[] = [];
    let catalogLoaded = false;
    const factory = new ReliabilityCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger,
      batchSize: 2,
      emptyRetries: 3,
      emptyRetryDelayMs: 30_000,
      sleep: async ms => {
        sleeps.push(ms);
        // the catalog finishes its first ingestion while the collator waits for the second time
        if (sleeps.length === 2) catalogLoaded = true;
      },
    });
    server.use(
      http.get(`${BASE_URL}/search/documents`, () =>
        HttpResponse.json({
          documents: catalogLoaded
            ? [doc('component:default/checkout-api')]
            : [],
          nextCursor: null,
        }),
      ),
    );

    const { error, documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();

    expect(error).toBeUndefined();
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(documents).toEqual([
      {
        ...doc('component:default/checkout-api'),
        authorization: { resourceRef: 'component:default/checkout-api' },
      },
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('No reliability search documents yet'),
    );
  });

  it('accepts an empty result after its retries, and at once after a run has found documents', async () => {
    const sleeps: number[] = [];
    let documentsNow = [doc('component:default/a')];
    const factory = new ReliabilityCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      batchSize: 2,
      emptyRetries: 2,
      emptyRetryDelayMs: 10,
      sleep: async ms => {
        sleeps.push(ms);
      },
    });
    server.use(
      http.get(`${BASE_URL}/search/documents`, () =>
        HttpResponse.json({ documents: documentsNow, nextCursor: null }),
      ),
    );
    const run = async () =>
      TestPipeline.fromCollator(await factory.getCollator()).execute();

    documentsNow = [];
    const empty = await run();
    expect(empty.documents).toEqual([]);
    expect(sleeps).toEqual([10, 10]);

    documentsNow = [doc('component:default/a')];
    expect((await run()).documents).toHaveLength(1);

    sleeps.length = 0;
    documentsNow = [];
    expect((await run()).documents).toEqual([]);
    expect(sleeps).toEqual([]);
  });

  it('fails the run when the backend answers with an error, so the previous index is kept', async () => {
    const { factory } = createFactory();
    server.use(
      http.get(`${BASE_URL}/search/documents`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'catalog unavailable' } },
          { status: 503 },
        ),
      ),
    );
    const { error, documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(String(error)).toMatch(/503/);
    expect(documents).toEqual([]);
  });

  it('fails the run on a page it does not understand', async () => {
    const { factory } = createFactory();
    server.use(
      http.get(`${BASE_URL}/search/documents`, () =>
        HttpResponse.json({
          documents: [{ ...doc('component:default/a'), kind: 'recipe' }],
          nextCursor: null,
        }),
      ),
    );
    const { error, documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(String(error)).toMatch(/documents\.0\.kind/);
    expect(documents).toEqual([]);
  });

  it('stops when the backend repeats a cursor instead of looping forever', async () => {
    const { factory } = createFactory();
    server.use(
      http.get(`${BASE_URL}/search/documents`, () =>
        HttpResponse.json({
          documents: [doc('component:default/a')],
          nextCursor: 'same',
        }),
      ),
    );
    const { error, documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(String(error)).toMatch(/same cursor/);
    expect(documents.length).toBeLessThanOrEqual(2);
  });
});
