import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import { mockMaturityApi, testEntity, testMaturity } from '../testData';
import { EntityMaturityContent } from './EntityMaturityContent';

jest.setTimeout(30_000);

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('EntityMaturityContent', () => {
  it('shows the card, the history and the wizard, and reloads them after a submission', async () => {
    const api = mockMaturityApi();
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <EntityProvider entity={testEntity}>
          <EntityMaturityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('Reliability maturity')).toBeInTheDocument();
    expect(await screen.findByText('No assessments yet')).toBeInTheDocument();
    expect(await screen.findByTestId('item-slo-defined')).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Review & submit' }));
    await user.click(screen.getByRole('button', { name: 'Submit assessment' }));
    await waitFor(() =>
      expect(api.getEntityMaturityHistory).toHaveBeenCalledTimes(2),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Assessment submitted');
  });

  it('shows the checklist read-only, with one permission notice, to readers who may not submit', async () => {
    const api = mockMaturityApi({
      getEntityMaturity: jest.fn(async () =>
        testMaturity({}, { canSubmit: false }),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <EntityProvider entity={testEntity}>
          <EntityMaturityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('Checklist (read-only)'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('item-slo-defined')).toBeInTheDocument();
    expect(screen.getAllByRole('note', { name: 'Read-only' })).toHaveLength(1);
    expect(screen.queryByText('Browse the checklist')).not.toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByTestId('item-rollback')).toBeInTheDocument();
    expect(api.saveMaturityDraft).not.toHaveBeenCalled();
  });
});
