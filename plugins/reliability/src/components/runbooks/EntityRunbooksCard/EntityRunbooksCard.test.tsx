import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockRunbooksApi, testEntity, testRunbooksResponse } from '../testData';
import { EntityRunbooksCard } from './EntityRunbooksCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockRunbooksApi>) {
  return renderWithEntity(testEntity, <EntityRunbooksCard />, api);
}

describe('EntityRunbooksCard', () => {
  it('shows progress while loading', async () => {
    const api = mockRunbooksApi({
      getEntityRunbooks: () => new Promise(() => {}),
    });
    await renderCard(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    const api = mockRunbooksApi({
      getEntityRunbooks: async () => {
        throw new Error('backend unavailable');
      },
    });
    await renderCard(api);
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains how to add runbooks when there are none', async () => {
    const api = mockRunbooksApi({
      getEntityRunbooks: async () =>
        testRunbooksResponse({ runbooks: [], total: 0, staleCount: 0 }),
    });
    await renderCard(api);
    expect(await screen.findByText('No runbooks yet')).toBeInTheDocument();
    expect(
      screen.getByText(/reliability.sre-portal.dev\/runbooks annotation/),
    ).toBeInTheDocument();
  });

  it('lists runbooks with coverage, stale flags, errors and links', async () => {
    const api = mockRunbooksApi();
    await renderCard(api);
    expect(await screen.findByLabelText('Runbook coverage')).toHaveTextContent(
      '67%',
    );
    expect(
      screen.getByText(/^2 of 3 SLO alerts have a runbook/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Without a runbook: orders-latency \/ latency-burn/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/3 of 5 runbooks not reviewed in the last 180 days/),
    ).toBeInTheDocument();

    const rollback = screen.getByTestId('runbook-rollback');
    expect(within(rollback).getByLabelText('stale')).toBeInTheDocument();
    expect(
      within(rollback).getByText(/Reviewed 2025-01-10: more than 180 days ago/),
    ).toBeInTheDocument();
    expect(
      within(rollback).getByRole('link', { name: 'Roll back a release' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders-api/runbooks?runbook=rollback',
    );
    const fresh = screen.getByTestId('runbook-high-error-rate');
    expect(within(fresh).queryByLabelText('stale')).not.toBeInTheDocument();
    expect(
      within(fresh).getByText('Answers: orders-availability-fast-burn'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('runbook-db-failover')).getByRole('link'),
    ).toHaveAttribute('href', 'https://wiki.example.com/orders/db-failover');
    expect(
      within(screen.getByTestId('runbook-broken')).getByText(
        /Invalid front matter/,
      ),
    ).toBeInTheDocument();
  });

  it('shows "—" coverage and a warning when SLO definitions are unreadable', async () => {
    const api = mockRunbooksApi({
      getEntityRunbooks: async () =>
        testRunbooksResponse({
          coverage: {
            ratio: null,
            alertCount: 0,
            alertsWithRunbook: 0,
            alerts: [],
            error: 'openslo.yaml not found',
          },
        }),
    });
    await renderCard(api);
    expect(await screen.findByLabelText('Runbook coverage')).toHaveTextContent(
      '—',
    );
    expect(
      screen.getByText('Coverage unknown: openslo.yaml not found'),
    ).toBeInTheDocument();
  });

  it('filters by kind chips and searches on the server', async () => {
    const api = mockRunbooksApi();
    await renderCard(api);
    await screen.findByTestId('runbook-rollback');

    await userEvent.click(screen.getByRole('button', { name: 'Rollback (1)' }));
    expect(screen.getByTestId('runbook-rollback')).toBeInTheDocument();
    expect(
      screen.queryByTestId('runbook-high-error-rate'),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rollback (1)' }));
    expect(screen.getByTestId('runbook-high-error-rate')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search runbooks'), 'kubectl');
    await waitFor(() =>
      expect(api.getEntityRunbooks).toHaveBeenLastCalledWith(
        { kind: 'Component', namespace: 'default', name: 'orders-api' },
        { q: 'kubectl' },
      ),
    );
  });
});
