import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import {
  AutomaticResult,
  Checklist,
  scoreChecklist,
} from '@internal/backstage-plugin-reliability-common';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import {
  mockMaturityApi,
  NOW,
  testChecklist,
  testEntity,
  testMaturity,
} from '../components/checklist/testData';
import { reliabilityPlugin } from './plugin';

/** The app and its lazy extensions take a few seconds to load on a busy machine. */
const WAIT = { timeout: 15_000 };

const checklist: Checklist = {
  ...testChecklist,
  items: testChecklist.items.map(item =>
    item.id === 'slo-defined'
      ? {
          ...item,
          fixTemplate: {
            templateRef: 'template:default/adopt-slos',
            title: 'Adopt SLOs for a service',
          },
        }
      : item,
  ),
};

const automatic: AutomaticResult[] = [
  {
    itemId: 'slo-defined',
    check: 'slo-defined',
    status: 'fail',
    detail: 'No SLOs defined',
  },
];

function renderMaturityCard(bound: boolean) {
  const api = mockMaturityApi({
    getChecklist: jest.fn(async () => checklist),
    getEntityMaturity: jest.fn(async () => ({
      ...testMaturity(),
      automatic,
      explanation: scoreChecklist({
        checklist,
        answers: {},
        automatic,
        now: NOW,
      }),
    })),
  });
  renderTestApp({
    features: [reliabilityPlugin],
    extensions: [createTestEntityPage({ entity: testEntity })],
    apis: [[reliabilityApiRef, api as any]],
    mountedRoutes: bound
      ? {
          '/create/templates/:namespace/:templateName':
            reliabilityPlugin.externalRoutes.scaffolderTemplate,
        }
      : {},
    config: {
      app: {
        extensions: [
          { 'entity-content:reliability/reliability': false },
          { 'entity-content:reliability/maturity': false },
          { 'entity-card:reliability/maturity': true },
        ],
      },
    },
  });
}

describe('scaffolderTemplate external route (new frontend system)', () => {
  it('links a failing item to its template once the app binds the route', async () => {
    renderMaturityCard(true);
    const list = await screen.findByRole(
      'list',
      { name: 'Items to fix next' },
      WAIT,
    );
    const link = within(list).getByRole('link', {
      name: 'Adopt SLOs for a service',
    });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/adopt-slos');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      component: 'component:default/orders-api',
    });
  });

  it('shows no link while the route is unbound', async () => {
    renderMaturityCard(false);
    const list = await screen.findByRole(
      'list',
      { name: 'Items to fix next' },
      WAIT,
    );
    expect(
      within(list).getByText('The service has at least one SLO'),
    ).toBeInTheDocument();
    expect(within(list).queryByRole('link')).not.toBeInTheDocument();
  });
});
