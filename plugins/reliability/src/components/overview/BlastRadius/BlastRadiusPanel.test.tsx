import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { BlastRadius } from '@internal/backstage-plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../../api';
import { testNode } from '../testData';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { blastRadiusSummary } from './BlastRadiusView';

const radius: BlastRadius = {
  root: testNode('component:default/payments', { title: 'Payments' }),
  dependents: [
    {
      ...testNode('component:default/checkout', {
        title: 'Checkout',
        tier: 'tier-1',
        owner: 'group:default/checkout-team',
        state: 'at-risk',
        sloCount: 2,
        worstBudgetRemaining: 0.2,
        onCallPrimary: { name: 'Jonas' },
      }),
      distance: 1,
      via: [],
      link: 'dependsOn',
    },
    {
      ...testNode('component:default/web', {
        title: 'Web',
        tier: 'tier-2',
        owner: 'group:default/web-team',
      }),
      distance: 2,
      via: ['component:default/checkout'],
      link: 'dependsOn',
    },
    {
      ...testNode('component:default/refunds', {
        tier: 'tier-1',
        owner: 'group:default/web-team',
      }),
      distance: 1,
      via: ['api:default/payments-grpc'],
      link: 'consumesApi',
    },
  ],
  rollbacks: [
    {
      id: 'rollback-payments',
      title: 'Roll back a payments release',
      kind: 'rollback',
      url: null,
      source: 'markdown',
    },
  ],
  premortems: [],
  postmortems: [],
  maxDistance: 6,
  truncated: false,
};

function Harness() {
  const [ref, setRef] = useState<string | undefined>();
  return <BlastRadiusPanel entityRef={ref} onChange={setRef} />;
}

describe('BlastRadiusPanel', () => {
  it('shows what depends on the picked component, with its rollbacks and pre-mortems', async () => {
    const api = { getBlastRadius: jest.fn(async () => radius) };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api as any],
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Component',
                  metadata: {
                    name: 'payments',
                    namespace: 'default',
                    title: 'Payments',
                  },
                  spec: {},
                },
              ],
            }),
          ],
        ]}
      >
        <Harness />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const input = screen.getByLabelText('Component that fails');
    fireEvent.mouseDown(input);
    fireEvent.click(
      await screen.findByText('Payments (component:default/payments)'),
    );
    expect(
      await screen.findByText(
        /3 entities depend on Payments \(2 directly\): 2 of them tier-1, owned by 2 teams\./,
      ),
    ).toBeInTheDocument();
    expect(api.getBlastRadius).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'payments',
    });
    expect(
      screen.getByRole('link', {
        name: 'Rollback: Roll back a payments release',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/runbooks?runbook=rollback-payments',
    );
    expect(
      screen.getByText(/None yet: this list is where one starts/),
    ).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    const web = rows.find(row => within(row).queryByText('Web'));
    expect(web).toHaveTextContent('2 hops');
    expect(web).toHaveTextContent('via component:checkout');
    const refunds = rows.find(row => within(row).queryByText('refunds'));
    expect(refunds).toHaveTextContent('direct (uses its API)');
    const checkout = rows.find(row => within(row).queryByText('Checkout'));
    expect(checkout).toHaveTextContent('At risk');
    expect(checkout).toHaveTextContent('20% budget left');
    expect(checkout).toHaveTextContent('on call: Jonas');

    // Nearest first, as the backend walked them; any column sorts.
    const table = screen.getByRole('table', {
      name: 'What depends on it, nearest first',
    });
    const dependents = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('link')[0].textContent);
    expect(dependents()).toEqual(['Checkout', 'Web', 'refunds']);
    fireEvent.click(
      within(table).getByRole('button', { name: 'Depends on it' }),
    );
    expect(dependents()).toEqual(['Checkout', 'refunds', 'Web']);
    const distance = within(table).getByRole('button', { name: 'Distance' });
    fireEvent.click(distance);
    fireEvent.click(distance);
    expect(dependents()).toEqual(['Web', 'Checkout', 'refunds']);
    fireEvent.click(within(table).getByRole('button', { name: 'SLOs' }));
    expect(dependents()[0]).toBe('Checkout');
  });
});

describe('blastRadiusSummary', () => {
  it('says when nothing depends on it and when the walk was cut', () => {
    expect(blastRadiusSummary({ ...radius, dependents: [] })).toBe(
      'Nothing in the catalog depends on Payments.',
    );
    expect(
      blastRadiusSummary({
        ...radius,
        dependents: [radius.dependents[1]],
        truncated: true,
      }),
    ).toBe(
      '1 entity depends on Payments (0 directly): owned by 1 team. The walk stopped after 6 hops or a few hundred entities: there may be more.',
    );
  });
});
