import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { rootRouteRef } from '../../../routes';
import { testMyLearningPaths } from '../testData';
import { MyLearningPaths } from './MyLearningPaths';

async function renderPaths(api: Record<string, jest.Mock>) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <MyLearningPaths />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/reliability': rootRouteRef,
      },
    },
  );
}

function row(title: RegExp) {
  return screen.getByText(title).closest('li')!;
}

describe('MyLearningPaths', () => {
  it('shows each path with progress, links to every item and why it is there', async () => {
    await renderPaths({
      getMyLearningPaths: jest.fn(async () => testMyLearningPaths()),
    });
    expect(await screen.findByText('SRE onboarding')).toBeInTheDocument();
    expect(screen.getByText('demo data')).toBeInTheDocument();
    expect(screen.getByText('1 of 5 done')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'SRE onboarding progress' }),
    ).toHaveAttribute('aria-valuenow', '20');
    expect(
      screen.getByText(/Your progress is private to you/),
    ).toBeInTheDocument();

    const links = screen
      .getAllByRole('link')
      .map(link => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual(
      expect.arrayContaining([
        [
          'Read: Gateway adds latency',
          '/catalog/default/component/api-gateway/runbooks?runbook=gateway-latency',
        ],
        [
          'Walk: A shopper pays for an order',
          '/reliability/tour?entity=system%3Adefault%2Forders&journey=shopper-pays-for-order',
        ],
        [
          'Review: Postmortem: logins failing',
          '/catalog/default/component/identity-service/runbooks?runbook=postmortem-2026-01-key-rotation',
        ],
        [
          'Shadow: Shadow an on-call shift of sre',
          '/catalog/default/group/sre',
        ],
        [
          'Read: SLO basics, Opens in a new window',
          'https://sre.google/sre-book/service-level-objectives/',
        ],
      ]),
    );
    expect(
      screen.getByText('Every request passes the gateway.'),
    ).toBeInTheDocument();
    expect(
      within(row(/logins failing/)).getByText(/not in the runbook index/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Done: Gateway adds latency' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Done: SLO basics' }),
    ).not.toBeChecked();
  });

  it('ticks an item off and back, updating the progress once saved', async () => {
    const setLearningItemDone = jest.fn(
      async (request: { group: string; itemId: string; done: boolean }) => ({
        group: request.group,
        itemId: request.itemId,
        doneAt: request.done ? '2026-11-30T10:00:00.000Z' : null,
      }),
    );
    await renderPaths({
      getMyLearningPaths: jest.fn(async () => testMyLearningPaths()),
      setLearningItemDone,
    });
    const box = await screen.findByRole('checkbox', {
      name: 'Done: SLO basics',
    });
    fireEvent.click(box);
    await waitFor(() =>
      expect(screen.getByText('2 of 5 done')).toBeInTheDocument(),
    );
    expect(box).toBeChecked();
    expect(setLearningItemDone).toHaveBeenCalledWith({
      group: 'group:default/sre',
      itemId: 'slo-basics',
      done: true,
    });
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Done: Gateway adds latency' }),
    );
    await waitFor(() =>
      expect(screen.getByText('1 of 5 done')).toBeInTheDocument(),
    );
    expect(setLearningItemDone).toHaveBeenLastCalledWith({
      group: 'group:default/sre',
      itemId: 'read-gateway-latency',
      done: false,
    });
  });

  it('keeps the item as it was and says so when saving fails', async () => {
    await renderPaths({
      getMyLearningPaths: jest.fn(async () => testMyLearningPaths()),
      setLearningItemDone: jest.fn(async () => {
        throw new Error('Forbidden');
      }),
    });
    const box = await screen.findByRole('checkbox', {
      name: 'Done: SLO basics',
    });
    fireEvent.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your progress could not be saved: Forbidden',
    );
    expect(box).not.toBeChecked();
    expect(screen.getByText('1 of 5 done')).toBeInTheDocument();
  });

  it('shows a broken path file as an error naming the file, and the empty and error states', async () => {
    await renderPaths({
      getMyLearningPaths: jest.fn(async () =>
        testMyLearningPaths({
          paths: [],
          problems: [
            {
              groupRef: 'group:default/sre',
              source: 'https://example.com/org/learning/sre.yaml',
              message:
                'invalid learning path file: spec.items.0.kind: Invalid discriminator value',
            },
          ],
        }),
      ),
    });
    expect(
      await screen.findByText(
        /learning path of group:default\/sre cannot be shown/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/spec\.items\.0\.kind/)).toBeInTheDocument();
  });

  it('says when the user is in no team or their teams have no path', async () => {
    await renderPaths({
      getMyLearningPaths: jest.fn(async () =>
        testMyLearningPaths({ paths: [] }),
      ),
    });
    expect(
      await screen.findByText('Your teams have no learning path yet'),
    ).toBeInTheDocument();
  });

  it('shows a load error', async () => {
    await renderPaths({
      getMyLearningPaths: jest.fn(async () => {
        throw new Error('Backend down');
      }),
    });
    expect(
      await screen.findByText(/Your learning path could not be loaded/),
    ).toBeInTheDocument();
  });
});
