import { screen, within } from '@testing-library/react';
import {
  mockIncidentsApi,
  testEntity,
  testIncidents,
  testPostmortems,
} from '../testData';
import { EntityIncidentsCard } from './EntityIncidentsCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockIncidentsApi>) {
  return renderWithEntity(testEntity, <EntityIncidentsCard />, api);
}

const RUNBOOKS_TAB = '/catalog/default/component/checkout-api/runbooks';

describe('EntityIncidentsCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockIncidentsApi({ getEntityIncidents: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    await renderCard(
      mockIncidentsApi({
        getEntityPostmortems: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows MTTA and MTTR per severity, the incidents with their postmortems, and what is still owed', async () => {
    await renderCard(mockIncidentsApi());
    expect(
      await screen.findByText(
        'Last 90 days from embedded (demo data) · postmortems for SEV-2 and worse within 5 business days (Europe/Berlin)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('incident-counts')).toHaveTextContent(
      '3 incidents, 1 open · 1 postmortem overdue, 0 due',
    );

    const sev1 = screen.getByTestId('mtt-sev1');
    expect(within(sev1).getByText('4 min')).toBeInTheDocument();
    expect(within(sev1).getByText('1 h 35 min')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('mtt-sev3')).getAllByText('—'),
    ).toHaveLength(1);

    const written = screen.getByTestId('incident-PCL-INC-1207');
    expect(
      within(written).getByRole('link', {
        name: /^PSP timeouts during the evening peak/,
      }),
    ).toHaveAttribute(
      'href',
      'https://status.example.com/incidents/PCL-INC-1207',
    );
    expect(
      within(written).getByRole('link', { name: 'Postmortem: PSP timeouts' }),
    ).toHaveAttribute('href', `${RUNBOOKS_TAB}?runbook=pm-psp`);

    // A non-http(s) incident link is not rendered as a link.
    const overdue = screen.getByTestId('incident-PCL-INC-1192');
    expect(within(overdue).queryByRole('link')).toBeNull();
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();

    const open = screen.getByTestId('incident-PCL-INC-1224');
    expect(open).toHaveTextContent('(acknowledged)');
    expect(open).toHaveTextContent('1 h so far');

    expect(screen.getByTestId('missing-postmortems')).toHaveTextContent(
      'Overdue Nov 18: SEV-2 Order API errors during the database failover (PCL-INC-1192, Nov 10)',
    );
    const items = screen.getByTestId('action-items');
    expect(items).toHaveTextContent('Open action items (1 overdue)');
    expect(
      within(items).getByRole('link', {
        name: /^Give the PSP client a retry budget/,
      }),
    ).toHaveAttribute('href', 'https://issues.example.com/PAY-412');
    expect(items).toHaveTextContent(
      'Overdue: Give the PSP client a retry budget',
    );
    // Its owner, named by entity ref, links to the catalog.
    expect(
      within(items)
        .getAllByRole('link')
        .map(link => link.getAttribute('href')),
    ).toContain('/catalog/default/user/aisha.khan');
    expect(items).not.toHaveTextContent('user:default/aisha.khan');
    // The item whose issue link is not http(s) shows its title as text.
    expect(
      within(items).queryByRole('link', { name: /Page on PSP latency/ }),
    ).toBeNull();
    expect(items).toHaveTextContent('Page on PSP latency · due Dec 18, 2026');

    const launches = screen.getByTestId('launches');
    expect(launches).toHaveTextContent(
      'Jan 12, 2027: Pre-mortem: two PSPs (pre-mortem) · rollback: Roll back payments',
    );
    expect(
      within(launches).getByRole('link', { name: 'Roll back payments' }),
    ).toHaveAttribute('href', `${RUNBOOKS_TAB}?runbook=rollback-payments`);
  });

  it('names a failing source and unreadable documents, and keeps the incidents read before', async () => {
    await renderCard(
      mockIncidentsApi({
        getEntityIncidents: async () =>
          testIncidents({
            sources: [
              {
                source: 'pagerduty',
                label: 'pagerduty',
                syncedAt: '2026-11-30T10:00:00.000Z',
                error: 'PagerDuty answered HTTP 503',
              },
            ],
          }),
        getEntityPostmortems: async () =>
          testPostmortems({
            problems: [
              { title: 'pm-broken.md', error: 'Invalid front matter' },
            ],
          }),
      }),
    );
    expect(
      await screen.findByText(
        /Incidents from pagerduty could not be read; showing those read before/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Could not read pm-broken\.md/),
    ).toBeInTheDocument();
    expect(screen.getByText('PagerDuty answered HTTP 503')).toBeInTheDocument();
    expect(screen.getByTestId('incident-PCL-INC-1207')).toBeInTheDocument();
  });

  it('explains where incidents come from when there are none', async () => {
    await renderCard(
      mockIncidentsApi({
        getEntityIncidents: async () =>
          testIncidents({ incidents: [], bySeverity: [], sources: [] }),
        getEntityPostmortems: async () =>
          testPostmortems({
            postmortems: [],
            missing: [],
            actionItems: [],
            launches: [],
          }),
      }),
    );
    expect(
      await screen.findByText('No incidents in the last 90 days'),
    ).toBeInTheDocument();
    expect(screen.getByText(/pagerduty\.com\/service-id/)).toBeInTheDocument();
  });
});
