import { screen, within } from '@testing-library/react';
import { mockOnCallApi, testGroup, testGroupOnCall } from '../testData';
import { GroupOnCallContent } from './GroupOnCallContent';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderContent(api: ReturnType<typeof mockOnCallApi>) {
  return renderWithEntity(testGroup, <GroupOnCallContent />, api);
}

describe('GroupOnCallContent', () => {
  it('shows progress while loading', async () => {
    await renderContent(
      mockOnCallApi({ getGroupOnCall: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderContent(
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
    await renderContent(
      mockOnCallApi({
        getGroupOnCall: async () => ({
          ...testGroupOnCall(),
          entities: [],
          load: [],
        }),
      }),
    );
    expect(
      await screen.findByText("No on-call configured for this team's services"),
    ).toBeInTheDocument();
  });

  it('lists who is on call per service, flags single-person rotations and failures, and shows the load', async () => {
    const api = mockOnCallApi();
    await renderContent(api);
    expect(await screen.findByText('On call now')).toBeInTheDocument();
    expect(api.getGroupOnCall).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
    expect(
      screen.getByText(/1 service has a single-person rotation/),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('single-person-component:default/ledger'),
    ).toBeInTheDocument();
    expect(screen.getByText(/could not be refreshed/)).toBeInTheDocument();
    expect(screen.getByText(/pagerduty failed/)).toBeInTheDocument();
    expect(screen.getByText('3 people')).toBeInTheDocument();

    const ana = screen.getByText('720.0 h').closest('tr')!;
    expect(within(ana).getByText('30')).toBeInTheDocument();
    expect(within(ana).getByText('75%')).toBeInTheDocument();
    const solo = screen.getByText('2160.0 h').closest('tr')!;
    expect(within(solo).getByText('—')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('NaN');
  });

  it("shows the team's pages per on-call shift beside the load", async () => {
    const api = mockOnCallApi();
    await renderContent(api);
    // 31 shifts in 90 days: 10.3 per 30 days; 31 pages in 30 days: 3.0 per shift.
    expect(await screen.findByTestId('pages-per-shift')).toHaveTextContent(
      "31 pages in the last 30 days: about 3 pages per on-call shift. The team's rotations run about 10 shifts in 30 days (at the pace of the last 90 days); a person on call for several services at once counts one shift.",
    );
    expect(api.getAlertsCoverage).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });

  it('says when no paging alert maps to the team', async () => {
    await renderContent(
      mockOnCallApi({
        getAlertsCoverage: async () => ({
          pages: { windowDays: 30, count: 0, pagingAlerts: 0 },
          windowDays: 30,
        }),
      }),
    );
    expect(await screen.findByTestId('pages-per-shift')).toHaveTextContent(
      "No paging alert maps to this team's services yet.",
    );
  });

  it('keeps the load when the pages cannot be read', async () => {
    await renderContent(
      mockOnCallApi({
        getAlertsCoverage: async () => {
          throw new Error('alerts area down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/alerts area down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('720.0 h')).toBeInTheDocument();
  });
});
