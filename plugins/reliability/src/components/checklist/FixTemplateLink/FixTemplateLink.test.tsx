import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  AutomaticResult,
  Checklist,
  EntityMaturity,
  scoreChecklist,
} from '@internal/backstage-plugin-reliability-common';
import { screen, within } from '@testing-library/react';
import { ReactElement } from 'react';
import { reliabilityApiRef } from '../../../api';
import { scaffolderTemplateRouteRef } from '../../../routes';
import { AssessmentItem } from '../AssessmentWizard/AssessmentItem';
import { EntityMaturityCard } from '../EntityMaturityCard';
import {
  mockMaturityApi,
  NOW,
  testChecklist,
  testEntity,
  testMaturity,
} from '../testData';

const adoptSlos = {
  templateRef: 'template:default/adopt-slos',
  title: 'Adopt SLOs for a service',
};

/** The test checklist with the SLO item fixed by the "Adopt SLOs" template. */
const checklist: Checklist = {
  ...testChecklist,
  items: testChecklist.items.map(item =>
    item.id === 'slo-defined' ? { ...item, fixTemplate: adoptSlos } : item,
  ),
};

function maturityWithSloCheck(status: AutomaticResult['status']) {
  const automatic: AutomaticResult[] = [
    {
      itemId: 'slo-defined',
      check: 'slo-defined',
      status,
      detail: status === 'pass' ? '2 SLOs defined' : 'No SLOs defined',
    },
  ];
  const explanation = scoreChecklist({
    checklist,
    answers: {},
    automatic,
    now: NOW,
  });
  return { ...testMaturity(), explanation, automatic } as EntityMaturity;
}

async function render(
  element: ReactElement,
  options: { bound: boolean; maturity?: EntityMaturity },
) {
  const api = mockMaturityApi({
    getChecklist: jest.fn(async () => checklist),
    getEntityMaturity: jest.fn(async () => options.maturity ?? testMaturity()),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.bound
          ? {
              '/create/templates/:namespace/:templateName':
                scaffolderTemplateRouteRef,
            }
          : {}),
      },
    },
  );
  return api;
}

async function renderCard(
  status: AutomaticResult['status'],
  options: { bound: boolean },
) {
  return render(<EntityMaturityCard />, {
    ...options,
    maturity: maturityWithSloCheck(status),
  });
}

/** The "Fix next" entry of an item. */
async function fixNextEntry(title: string) {
  const list = await screen.findByRole('list', { name: 'Items to fix next' });
  return within(list).getByText(title).closest('li') as HTMLElement;
}

describe('FixTemplateLink', () => {
  it('offers the template of a failing item with the service filled in', async () => {
    await renderCard('fail', { bound: true });
    const entry = await fixNextEntry('The service has at least one SLO');
    const link = within(entry).getByRole('link', {
      name: 'Adopt SLOs for a service',
    });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/adopt-slos');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      component: 'component:default/orders-api',
    });
    // Failing items without a template offer none.
    const rollback = await fixNextEntry('A release can be rolled back quickly');
    expect(within(rollback).queryByRole('link')).not.toBeInTheDocument();
  });

  it('offers nothing when the app has not bound the scaffolder route', async () => {
    await renderCard('fail', { bound: false });
    const entry = await fixNextEntry('The service has at least one SLO');
    expect(within(entry).queryByRole('link')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Adopt SLOs for a service' }),
    ).not.toBeInTheDocument();
  });

  it('offers nothing for the item once it passes', async () => {
    await renderCard('pass', { bound: true });
    await fixNextEntry('A release can be rolled back quickly');
    expect(
      screen.queryByText('The service has at least one SLO'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Adopt SLOs for a service' }),
    ).not.toBeInTheDocument();
  });

  it.each([
    ['fail', 1],
    ['pass', 0],
    ['unknown', 0],
  ] as const)(
    'is offered in the wizard for an automatic item whose check is %s: %d link(s)',
    async (status, links) => {
      await render(
        <AssessmentItem
          item={checklist.items[0]}
          levelTitle="Beginner"
          automatic={{
            itemId: 'slo-defined',
            check: 'slo-defined',
            status,
            detail: 'checked',
          }}
          value={undefined}
          today="2026-11-22"
          onChange={() => {}}
        />,
        { bound: true },
      );
      expect(
        screen.queryAllByRole('link', { name: 'Adopt SLOs for a service' }),
      ).toHaveLength(links);
    },
  );
});
