import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  RunbookSummary,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { RunbookRefresher } from './RunbookRefresher';
import { RunbookService } from './RunbookService';
import { RunbookCollector } from './sources/RunbookCollector';
import { IndexedEntityRunbooks, RunbookStore } from './store/RunbookStore';
import { createFakeUrlReader } from './__testUtils__/fakeUrlReader';
import { stubRunbookService } from './__testUtils__/stubRunbookService';

function component(
  name: string,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...metadata,
      annotations: {
        'backstage.io/source-location': `url:https://git.example.com/${name}/`,
        ...metadata.annotations,
      },
    },
    spec: {},
  };
}

class MemoryStore implements RunbookStore {
  readonly entities = new Map<string, IndexedEntityRunbooks>();
  async replaceEntities(entities: IndexedEntityRunbooks[]) {
    entities.forEach(e => this.entities.set(e.entityRef, e));
  }
  async removeEntitiesNotIn(keep: string[]) {
    const gone = [...this.entities.keys()].filter(ref => !keep.includes(ref));
    gone.forEach(ref => this.entities.delete(ref));
    return gone.length;
  }
  async getSummaries(): Promise<Map<string, RunbookSummary>> {
    throw new Error('not used');
  }
  async listRunbooks() {
    return [];
  }
  async listRunbooksOf() {
    return new Map();
  }
  async listStaleRunbooks(): Promise<never> {
    throw new Error('not used');
  }
}

const slo: SloDefinition = {
  name: 'availability',
  indicator: { name: 'availability-sli' },
  window: { kind: 'rolling', durationSeconds: 86400 * 28, label: '28d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.99 }],
  alertPolicies: [
    { name: 'fast-burn', conditions: [] },
    { name: 'slow-burn', conditions: [] },
  ],
};

describe('RunbookRefresher', () => {
  it('indexes entities with runbook sources or SLOs and removes the others', async () => {
    const entities = [
      component('orders-api', {
        annotations: { [ANNOTATIONS.runbooks]: 'runbooks/high-error-rate.md' },
      }),
      component('payments-api', {
        links: [
          {
            url: 'https://wiki.example.com/payments',
            title: 'Payments runbook',
            type: 'runbook',
          },
        ],
      }),
      component('search-api', {
        annotations: { [ANNOTATIONS.sloDefinitions]: 'openslo.yaml' },
      }),
      component('marketing-site'),
    ];
    const store = new MemoryStore();
    store.entities.set('component:default/deleted-service', {
      entityRef: 'component:default/deleted-service',
      runbooks: [],
      alertCount: 0,
      alertsWithRunbook: 0,
      coverageError: null,
      indexedAt: new Date(0),
    });
    const now = () => new Date('2026-11-22T10:00:00Z');
    const service = new RunbookService({
      collector: new RunbookCollector({
        urlReader: createFakeUrlReader({
          'https://git.example.com/orders-api/runbooks/high-error-rate.md':
            '---\nanswers: [fast-burn]\nlastReviewed: 2026-11-01\n---\n# Orders errors',
        }),
        staleAfterDays: 180,
      }),
      sloDefinitions: {
        load: async entity => ({
          definitions: entity.metadata.name === 'payments-api' ? [] : [slo],
        }),
      },
      logger: mockServices.logger.mock(),
      now,
      staleAfterDays: 180,
    });
    const refresher = new RunbookRefresher({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      service,
      store,
      logger: mockServices.logger.mock(),
      now,
    });

    expect(await refresher.run()).toEqual({
      indexed: 3,
      failed: 0,
      removed: 1,
    });
    expect([...store.entities.keys()].sort()).toEqual([
      'component:default/orders-api',
      'component:default/payments-api',
      'component:default/search-api',
    ]);
    expect(store.entities.get('component:default/orders-api')).toMatchObject({
      alertCount: 2,
      alertsWithRunbook: 1,
      coverageError: null,
      runbooks: [
        { id: 'high-error-rate', title: 'Orders errors', stale: false },
      ],
    });
    expect(store.entities.get('component:default/search-api')).toMatchObject({
      alertCount: 2,
      alertsWithRunbook: 0,
      runbooks: [],
    });
    expect(store.entities.get('component:default/payments-api')).toMatchObject({
      alertCount: 0,
      runbooks: [{ title: 'Payments runbook', source: 'link', stale: true }],
    });
  });

  it('writes a page in one batch, leaving out entities whose runbooks could not be read', async () => {
    const entities = ['a', 'b', 'c'].map(name =>
      component(name, {
        annotations: { [ANNOTATIONS.runbooks]: 'runbooks/' },
      }),
    );
    const store = new MemoryStore();
    const previous: IndexedEntityRunbooks = {
      entityRef: 'component:default/b',
      runbooks: [],
      alertCount: 1,
      alertsWithRunbook: 0,
      coverageError: null,
      indexedAt: new Date(0),
    };
    store.entities.set(previous.entityRef, previous);
    const replaceEntities = jest.spyOn(store, 'replaceEntities');
    const logger = mockServices.logger.mock();
    const service = stubRunbookService(entity => {
      if (entity.metadata.name === 'b') throw new Error('git down');
      return [];
    });
    const refresher = new RunbookRefresher({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      service,
      store,
      logger,
      now: () => new Date('2026-11-22T10:00:00Z'),
    });

    expect(await refresher.run()).toEqual({
      indexed: 2,
      failed: 1,
      removed: 0,
    });
    expect(replaceEntities).toHaveBeenCalledTimes(1);
    expect(replaceEntities.mock.calls[0][0].map(e => e.entityRef)).toEqual([
      'component:default/a',
      'component:default/c',
    ]);
    expect(store.entities.get('component:default/b')).toBe(previous);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/b failed: Error: git down'),
    );
  });

  it('counts the entities of a page as failed when writing the page fails', async () => {
    const entities = ['a', 'b'].map(name =>
      component(name, {
        annotations: { [ANNOTATIONS.runbooks]: 'runbooks/' },
      }),
    );
    const store = new MemoryStore();
    jest
      .spyOn(store, 'replaceEntities')
      .mockRejectedValue(new Error('database down'));
    const logger = mockServices.logger.mock();
    const service = stubRunbookService(() => []);
    const refresher = new RunbookRefresher({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      service,
      store,
      logger,
      now: () => new Date(),
    });

    expect(await refresher.run()).toEqual({
      indexed: 0,
      failed: 2,
      removed: 0,
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Storing the runbooks of a page of 2 entities failed: Error: database down',
    );
  });

  it('removes nothing when the catalog cannot be listed', async () => {
    const store = new MemoryStore();
    const catalog = catalogServiceMock.mock({
      queryEntities: jest.fn(async () => {
        throw new Error('catalog down');
      }),
    });
    const refresher = new RunbookRefresher({
      catalog,
      auth: mockServices.auth(),
      service: {} as RunbookService,
      store,
      logger: mockServices.logger.mock(),
      now: () => new Date(),
    });
    const remove = jest.spyOn(store, 'removeEntitiesNotIn');
    await expect(refresher.run()).rejects.toThrow('catalog down');
    expect(remove).not.toHaveBeenCalled();
  });
});
