import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  RegisterCollatorParameters,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ReliabilitySearchDocumentsResponse } from '@internal/backstage-plugin-reliability-common';
import Router from 'express-promise-router';
import { searchModuleReliabilityCollator } from './module';

/** Stands in for the search backend: records the collators modules add. */
function fakeSearchPlugin(collators: RegisterCollatorParameters[]) {
  return createBackendPlugin({
    pluginId: 'search',
    register(reg) {
      reg.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator: options => collators.push(options),
        addDecorator: () => {},
      });
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
}

/** Stands in for the reliability backend: one page of documents, for service callers only. */
function fakeReliabilityPlugin(callers: string[]) {
  return createBackendPlugin({
    pluginId: 'reliability',
    register(reg) {
      reg.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/search/documents', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            const body: ReliabilitySearchDocumentsResponse = {
              documents: [
                {
                  title: 'Roll back checkout-api (canary and full)',
                  text: 'Rollback procedure of Checkout API.',
                  location:
                    '/catalog/default/component/checkout-api/runbooks?runbook=rollback-checkout',
                  kind: 'rollback',
                  entityRef: 'component:default/checkout-api',
                  entityTitle: 'Checkout API',
                  owner: 'group:default/checkout-payments',
                  lifecycle: 'production',
                },
              ],
              nextCursor: null,
            };
            res.json(body);
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

describe('searchModuleReliabilityCollator', () => {
  it('adds a collator that reads the reliability backend as the search plugin', async () => {
    const collators: RegisterCollatorParameters[] = [];
    const callers: string[] = [];
    await startTestBackend({
      features: [
        fakeSearchPlugin(collators),
        fakeReliabilityPlugin(callers),
        searchModuleReliabilityCollator,
      ],
    });

    expect(collators).toHaveLength(1);
    const [{ factory }] = collators;
    expect(factory.type).toBe('reliability');
    const { documents, error } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(error).toBeUndefined();
    expect(callers).toEqual(['plugin:search']);
    expect(documents).toEqual([
      expect.objectContaining({
        title: 'Roll back checkout-api (canary and full)',
        authorization: { resourceRef: 'component:default/checkout-api' },
      }),
    ]);
  });

  it('schedules the collator from search.collators.reliability.schedule', async () => {
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      features: [
        fakeSearchPlugin([]),
        searchModuleReliabilityCollator,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                reliability: {
                  schedule: {
                    frequency: { minutes: 2 },
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 5 },
                    scope: 'local',
                  },
                },
              },
            },
          },
        }),
      ],
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 2 },
      timeout: { minutes: 1 },
      initialDelay: { seconds: 5 },
      scope: 'local',
    });
  });

  it('refuses to start with an invalid batch size', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeSearchPlugin([]),
          searchModuleReliabilityCollator,
          mockServices.rootConfig.factory({
            data: { search: { collators: { reliability: { batchSize: 0 } } } },
          }),
        ],
      }),
    ).rejects.toThrow(/search\.collators\.reliability\.batchSize/);
  });
});
