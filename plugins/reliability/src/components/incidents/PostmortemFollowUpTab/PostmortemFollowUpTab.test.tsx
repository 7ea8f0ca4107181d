import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { mockIncidentsApi, testFollowUp, testOrgFollowUp } from '../testData';
import { PostmortemFollowUpTab } from './PostmortemFollowUpTab';

async function renderTab(api: ReturnType<typeof mockIncidentsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <PostmortemFollowUpTab />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('PostmortemFollowUpTab', () => {
  it('shows progress while loading', async () => {
    await renderTab(
      mockIncidentsApi({ getIncidentFollowUp: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderTab(
      mockIncidentsApi({
        getIncidentFollowUp: async () => {
          throw new Error('follow-up unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/follow-up unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('says so when nothing is tracked yet', async () => {
    await renderTab(
      mockIncidentsApi({
        getIncidentFollowUp: async () =>
          testFollowUp({ owner: null, teams: [] }),
      }),
    );
    expect(
      await screen.findByText('No incidents or postmortems tracked yet'),
    ).toBeInTheDocument();
  });

  it('lists the teams in the order the backend ranks them, most overdue first', async () => {
    const api = mockIncidentsApi({
      getIncidentFollowUp: jest.fn(async () => testOrgFollowUp()),
    });
    await renderTab(api);
    await screen.findByText('Postmortem follow-up by team');
    const rows = screen.getAllByRole('row').slice(1);
    // Team, overdue and open action items, overdue and due postmortems, incidents, services.
    expect(rows.map(r => r.textContent)).toEqual([
      'checkout-payments461152',
      'discovery242152',
      'no owner020152',
    ]);
    expect(
      screen.getByText(
        /6 overdue of 12 open action items · 3 postmortems overdue/,
      ),
    ).toBeInTheDocument();
    expect(api.getIncidentFollowUp).toHaveBeenCalledWith();
  });

  it('counts one postmortem and one action item in the singular', async () => {
    const followUp = testOrgFollowUp();
    await renderTab(
      mockIncidentsApi({
        getIncidentFollowUp: jest.fn(async () => ({
          ...followUp,
          counts: {
            ...followUp.counts,
            openActionItems: 1,
            overdueActionItems: 1,
            postmortemsOverdue: 1,
          },
        })),
      }),
    );
    expect(
      await screen.findByText(
        /^1 overdue of 1 open action item · 1 postmortem overdue, 3 due/,
      ),
    ).toBeInTheDocument();
  });

  it('sorts the teams by any count and pages more than twenty', async () => {
    const followUp = testOrgFollowUp();
    followUp.teams = Array.from({ length: 23 }, (_, i) => ({
      ...followUp.teams[0],
      ownerRef: `group:default/team-${String(i).padStart(2, '0')}`,
      incidents: i,
    }));
    await renderTab(
      mockIncidentsApi({ getIncidentFollowUp: async () => followUp }),
    );
    await screen.findByText('Postmortem follow-up by team');
    const teams = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(teams()).toHaveLength(20);
    expect(teams()[0]).toBe('team-00');
    expect(screen.getByText('1-20 of 23')).toBeInTheDocument();
    const incidents = screen.getByRole('button', {
      name: 'Incidents (90 days)',
    });
    fireEvent.click(incidents);
    fireEvent.click(incidents);
    expect(teams().slice(0, 2)).toEqual(['team-22', 'team-21']);
    expect(
      screen.getByRole('columnheader', { name: 'Incidents (90 days)' }),
    ).toHaveAttribute('aria-sort', 'descending');
  });
});
