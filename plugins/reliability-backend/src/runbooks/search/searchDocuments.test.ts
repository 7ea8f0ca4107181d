import { Entity } from '@backstage/catalog-model';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import { LoadedRunbook } from '../sources/types';
import { runbookSearchDocuments, sloSearchDocuments } from './searchDocuments';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Checkout-API', namespace: 'Shop', title: 'Checkout API' },
  spec: { owner: 'checkout-payments', lifecycle: 'production' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/checkout-payments' },
  ],
};

function runbook(
  overrides: Partial<LoadedRunbook['entry']>,
  body: string | null,
): LoadedRunbook {
  return {
    entry: {
      id: 'rollback-checkout',
      title: 'Roll back checkout-api',
      kind: 'rollback',
      answers: [],
      owner: null,
      lastReviewed: '2026-03-11',
      stale: false,
      url: '/catalog/shop/component/checkout-api/runbooks?runbook=rollback-checkout',
      source: 'markdown',
      location: 'runbooks/',
      error: null,
      ...overrides,
    },
    body,
  };
}

describe('runbookSearchDocuments', () => {
  it('describes each runbook with its kind, answers and plain text, located in the Runbooks tab', () => {
    const [doc] = runbookSearchDocuments(entity, [
      runbook(
        { answers: ['checkout-availability-fast-burn'] },
        '# Roll back\n\nRun `kubectl argo rollouts undo checkout-api`.',
      ),
    ]);
    expect(doc).toEqual({
      title: 'Roll back checkout-api',
      text: [
        'Rollback procedure of Checkout API.',
        'Answers the alerts: checkout-availability-fast-burn.',
        'Roll back',
        'Run kubectl argo rollouts undo checkout-api.',
      ].join('\n'),
      location:
        '/catalog/shop/component/checkout-api/runbooks?runbook=rollback-checkout',
      kind: 'rollback',
      entityRef: 'component:shop/checkout-api',
      entityTitle: 'Checkout API',
      owner: 'group:default/checkout-payments',
      lifecycle: 'production',
    });
  });

  it('prefers the runbook owner, indexes links by their URL and leaves out unreadable runbooks', () => {
    const docs = runbookSearchDocuments(entity, [
      runbook(
        {
          id: 'pm-1',
          kind: 'postmortem',
          owner: 'group:default/sre',
          source: 'link',
          url: 'https://wiki.example/postmortems/checkout-outage',
        },
        null,
      ),
      runbook({ id: 'missing', error: 'No such file: gone.md' }, null),
    ]);
    expect(docs.map(d => [d.kind, d.owner, d.text])).toEqual([
      [
        'postmortem',
        'group:default/sre',
        'Postmortem of Checkout API.\nhttps://wiki.example/postmortems/checkout-outage',
      ],
    ]);
  });
});

describe('sloSearchDocuments', () => {
  const slo: SloDefinition = {
    name: 'checkout-availability',
    displayName: 'Checkout availability',
    description: 'Share of checkout requests answered without a server error.',
    indicator: { name: 'checkout-good-requests', displayName: 'Good requests' },
    window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    alertPolicies: [
      {
        name: 'fast-burn',
        displayName: 'Fast burn',
        description: 'Pages the on-call',
        conditions: [],
      },
    ],
    runbook: 'rollback-checkout',
  };

  it('describes each SLO, located in the SLOs tab by its name', () => {
    expect(sloSearchDocuments(entity, [slo])).toEqual([
      {
        title: 'Checkout availability',
        text: [
          'SLO of Checkout API (checkout-availability).',
          'Share of checkout requests answered without a server error.',
          'Indicator: Good requests.',
          'Objectives: 99.9% over 28d.',
          'Alerts: Fast burn: Pages the on-call.',
          'Runbook: rollback-checkout.',
        ].join('\n'),
        location:
          '/catalog/shop/component/checkout-api/slos?slo=checkout-availability',
        kind: 'slo',
        entityRef: 'component:shop/checkout-api',
        entityTitle: 'Checkout API',
        owner: 'group:default/checkout-payments',
        lifecycle: 'production',
      },
    ]);
  });

  it('falls back to spec.owner and empty strings, so every document has every field', () => {
    const bare: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'orders' },
      spec: { owner: 'group:default/orders' },
    };
    const [doc] = sloSearchDocuments(bare, [
      { ...slo, displayName: undefined, runbook: undefined },
    ]);
    expect(doc).toMatchObject({
      title: 'checkout-availability',
      entityTitle: 'orders',
      owner: 'group:default/orders',
      lifecycle: '',
      location: '/catalog/default/system/orders/slos?slo=checkout-availability',
    });
    expect(doc.text.startsWith('SLO of orders.')).toBe(true);
  });
});
