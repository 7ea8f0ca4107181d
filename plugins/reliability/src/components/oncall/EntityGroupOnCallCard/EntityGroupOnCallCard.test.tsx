import { screen, within } from '@testing-library/react';
import { mockOnCallApi, testGroup, testGroupOnCall } from '../testData';
import { EntityGroupOnCallCard } from './EntityGroupOnCallCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockOnCallApi>) {
  return renderWithEntity(testGroup, <EntityGroupOnCallCard />, api);
}

describe('EntityGroupOnCallCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockOnCallApi({ getGroupOnCall: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderCard(
      mockOnCallApi({
        getGroupOnCall: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains how to configure on-call when no owned service has it', async () => {
    await renderCard(
      mockOnCallApi({
        getGroupOnCall: async () => ({ ...testGroupOnCall(), entities: [] }),
      }),
    );
    expect(
      await screen.findByText("No on-call configured for this team's services"),
    ).toBeInTheDocument();
  });

  it("lists who is on call now for the group's services and flags stale data", async () => {
    const api = mockOnCallApi();
    await renderCard(api);
    const ana = (await screen.findByText('Ana Silva')).closest('tr')!;
    expect(within(ana).getByText('3 people')).toBeInTheDocument();
    // Until: the time, then how far off (each kept on one line), for a missing end a dash.
    const until = within(ana).getAllByRole('cell')[2];
    expect(until).toHaveTextContent(/^\w{3}, .+ \(in 3 hours\)$/);
    expect(within(until).getByText('(in 3 hours)')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    expect(api.getGroupOnCall).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
    expect(
      screen.getByTestId('single-person-component:default/ledger'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /On-call data of 1 service could not be refreshed: showing the last known$/,
      ),
    ).toBeInTheDocument();
  });

  it('fits half a page: no Source column, emails under the names, a shift end wrapping between its parts', async () => {
    await renderCard(mockOnCallApi());
    const table = await screen.findByRole('table', { name: 'On call now' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Service', 'Primary now', 'Until', 'Secondary', 'Rotation']);
    // The failed provider is named above the table instead.
    expect(
      screen.getByText(
        'component:default/payouts: PagerDuty answered HTTP 401',
      ),
    ).toBeInTheDocument();
    const solo = screen.getByText('Solo Person').closest('tr')!;
    // The email on a line of its own, without brackets, and free to wrap before its "@".
    const email = within(solo).getByRole('link', { name: 'solo@example.com' });
    expect(email.parentElement).toHaveStyle({ display: 'block' });
    expect(email.querySelector('wbr')?.nextSibling?.textContent).toBe(
      '@example.com',
    );
    expect(within(solo).getAllByRole('cell')[1]).not.toHaveTextContent('(');
    // The day, the time and how far off: three unbreakable parts that wrap between them.
    const until = within(solo).getAllByRole('cell')[2];
    expect(
      Array.from(until.querySelectorAll('span')).map(span => [
        span.textContent,
        span.style.whiteSpace,
      ]),
    ).toEqual([
      [expect.stringMatching(/^\w{3}, \w{3} \d+,$/), 'nowrap'],
      [expect.stringMatching(/^\d\d:\d\d \S+$/), 'nowrap'],
      ['(in 4 days)', 'nowrap'],
    ]);
  });

  it("shows the team's pages per on-call shift under the table", async () => {
    const api = mockOnCallApi();
    await renderCard(api);
    // 31 shifts in 90 days: 10.3 per 30 days; 31 pages in 30 days: 3.0 per shift.
    expect(await screen.findByTestId('pages-per-shift')).toHaveTextContent(
      /^31 pages in the last 30 days: about 3 pages per on-call shift\. The team's rotations run about 10 shifts in 30 days/,
    );
    expect(api.getAlertsCoverage).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });

  it('keeps the card when the pages cannot be read, saying so', async () => {
    await renderCard(
      mockOnCallApi({
        getAlertsCoverage: async () => {
          throw new Error('alerts area down');
        },
      }),
    );
    expect(
      await screen.findByText(
        'Pages per shift could not be read: alerts area down',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Ana Silva')).toBeInTheDocument();
  });
});
