import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { SliProvider } from '@internal/backstage-plugin-reliability-node';
import { Knex } from 'knex';
import { SloBurndownService } from '../burndown/SloBurndownService';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloDefinitionLoader } from '../SloDefinitionLoader';
import { SloService } from '../SloService';
import { KnexSloStore } from '../store/KnexSloStore';

/** An OpenSLO document of a 30-day rolling 99.9% availability SLO with a fast-burn page alert. */
export const CHECKOUT_SLO_YAML = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.999
  indicator:
    metadata:
      name: checkout-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: fake
            spec: { sli: checkout-requests }
        total:
          metricSource:
            type: fake
            spec: { sli: checkout-requests }
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: fast-burn
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: page-fast-burn
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
                alertAfter: 5m
`;

/** A catalog entity declaring the checkout SLO inline. */
export function checkoutEntity(inline = CHECKOUT_SLO_YAML): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: { [ANNOTATIONS.sloInline]: inline },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

/** An SLI provider answering from a function of the queried window length (seconds). */
export function fakeProvider(
  counts: (windowSeconds: number) => { good: number; total: number },
): SliProvider & { calls: number; fail?: Error } {
  const provider = {
    type: 'fake',
    calls: 0,
    fail: undefined as Error | undefined,
    async getEventCounts(request: { from: Date; to: Date }) {
      provider.calls += 1;
      if (provider.fail) throw provider.fail;
      return counts((request.to.getTime() - request.from.getTime()) / 1000);
    },
  };
  return provider;
}

/** An SloService over a real store, with the given providers and a pinned clock. */
export function createTestSloService(options: {
  db: Knex;
  providers: SliProvider[];
  now: () => Date;
  logger?: LoggerService;
  /** Deadline of each provider call (default 200 ms). */
  callTimeoutMs?: number;
  /** See SloServiceOptions (never, by default). */
  collectionOverdueAfterMs?: number;
}) {
  const store = new KnexSloStore({ knex: options.db });
  const evaluator = new SloEvaluator({
    providers: options.providers,
    callTimeoutMs: options.callTimeoutMs ?? 200,
  });
  const loader = new SloDefinitionLoader({
    urlReader: mockServices.urlReader.mock(),
    now: options.now,
    cacheTtlMs: 0,
  });
  const service = new SloService({
    loader,
    evaluator,
    store,
    logger: options.logger ?? mockServices.logger.mock(),
    now: options.now,
    collectionOverdueAfterMs: options.collectionOverdueAfterMs,
  });
  const burndown = new SloBurndownService({
    loader,
    evaluator,
    logger: mockServices.logger.mock(),
    now: options.now,
    cacheTtlMs: 300_000,
    cheapProviderTypes: ['embedded'],
  });
  return { service, store, loader, evaluator, burndown };
}
