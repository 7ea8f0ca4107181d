import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { mockIncidentsApi, testFollowUp } from '../testData';
import { GroupPostmortemsCard } from './GroupPostmortemsCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

async function renderCard(api: ReturnType<typeof mockIncidentsApi>) {
  return renderWithEntity(team, <GroupPostmortemsCard />, api);
}

describe('GroupPostmortemsCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockIncidentsApi({ getIncidentFollowUp: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderCard(
      mockIncidentsApi({
        getIncidentFollowUp: async () => {
          throw new Error('incidents backend down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/incidents backend down/)).length,
    ).toBeGreaterThan(0);
  });

  it('tells a team without incidents from one that owes nothing', async () => {
    await renderCard(
      mockIncidentsApi({
        getIncidentFollowUp: async () =>
          testFollowUp({ entities: [], missing: [], actionItems: [] }),
      }),
    );
    expect(
      await screen.findByText('No incidents for this team in the last 90 days'),
    ).toBeInTheDocument();
  });

  it('says so when every postmortem is written and no item is open', async () => {
    await renderCard(
      mockIncidentsApi({
        getIncidentFollowUp: async () =>
          testFollowUp({ missing: [], actionItems: [] }),
      }),
    );
    expect(
      await screen.findByText(
        'Nothing owed: every postmortem is written and no action item is open',
      ),
    ).toBeInTheDocument();
  });

  it("lists the team's overdue postmortems and action items with their services", async () => {
    const api = mockIncidentsApi();
    await renderCard(api);
    expect(await screen.findByTestId('follow-up-counts')).toHaveTextContent(
      '1 postmortem overdue, 0 due · 1 of 2 open action items overdue',
    );
    expect(api.getIncidentFollowUp).toHaveBeenCalledWith({
      owner: 'group:default/checkout-payments',
    });
    const missing = screen.getByRole('table', { name: 'Postmortems to write' });
    const incident = within(missing)
      .getByText(/Order API errors during the database failover/)
      .closest('tr')!;
    expect(within(incident).getByText(/^Overdue/)).toBeInTheDocument();
    expect(within(incident).getByText('checkout-api')).toBeInTheDocument();
    const items = screen.getByRole('table', { name: 'Open action items' });
    const overdue = within(items).getByTestId('overdue-action-item');
    expect(
      within(overdue).getByRole('link', {
        name: /^Give the PSP client a retry budget/,
      }),
    ).toHaveAttribute('href', 'https://issues.example.com/PAY-412');
    expect(within(overdue).getByText(/^Overdue: /)).toBeInTheDocument();
    // An issue link that is not http(s) is shown as text only.
    expect(within(items).getByText(/^Page on PSP latency/)).toBeInTheDocument();
    expect(
      within(items).queryByRole('link', { name: /Page on PSP latency/ }),
    ).toBeNull();
  });

  it('links an owner named by entity ref to the catalog and shows any other owner as written', async () => {
    const followUp = testFollowUp();
    const [first, second] = followUp.actionItems;
    await renderCard(
      mockIncidentsApi({
        getIncidentFollowUp: async () => ({
          ...followUp,
          actionItems: [
            first,
            { ...second, item: { ...second.item, owner: 'Jonas (SRE)' } },
          ],
        }),
      }),
    );
    const items = await screen.findByRole('table', {
      name: 'Open action items',
    });
    const [, byRef, byName] = within(items).getAllByRole('row');
    const owner = within(byRef).getAllByRole('cell')[2];
    expect(within(owner).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/user/aisha.khan',
    );
    expect(owner).not.toHaveTextContent('user:default/aisha.khan');
    const named = within(byName).getAllByRole('cell')[2];
    expect(named).toHaveTextContent('Jonas (SRE)');
    expect(within(named).queryByRole('link')).toBeNull();
  });
});
