import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';
import {
  testPrivateTeamLearningProgress,
  testTeamLearningProgress,
} from '../testData';
import { GroupLearningProgressCard } from './GroupLearningProgressCard';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

async function renderCard(getTeamLearningProgress: jest.Mock) {
  await renderWithEntity(team, <GroupLearningProgressCard />, {
    getTeamLearningProgress,
  });
}

describe('GroupLearningProgressCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(jest.fn(() => new Promise(() => {})));
    expect(screen.getByText('Onboarding progress')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderCard(
      jest.fn(async () => {
        throw new Error('learning backend down');
      }),
    );
    expect(
      (await screen.findAllByText(/learning backend down/)).length,
    ).toBeGreaterThan(0);
  });

  it("shows the team's aggregated progress per item, for the group of the page", async () => {
    const load = jest.fn(async () => testTeamLearningProgress());
    await renderCard(load);
    expect(
      await screen.findByTestId('team-learning-summary'),
    ).toHaveTextContent('1 of 4 members finished the path');
    expect(load).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'sre',
    });
    expect(screen.getByText('SRE onboarding')).toBeInTheDocument();
    expect(screen.getByTestId('team-learning-demo')).toHaveTextContent(
      'demo data',
    );
    // The plugin's plain table: named, with its headers, whole words and sideways scrolling (WholeWordsTable).
    const table = screen.getByRole('table', {
      name: 'Members who finished each item',
    });
    expect(table.className).toMatch(/makeStyles-table/);
    expect(table.parentElement).toHaveStyle({ overflowX: 'auto' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Item', 'Done by']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'Read: Gateway adds latency3 of 4 members',
      'Walk: A shopper pays for an order1 of 4 members',
    ]);
    expect(
      within(rows[0]).getByRole('progressbar', {
        name: 'Gateway adds latency: 3 of 4 members done',
      }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(within(rows[1]).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
  });

  it('explains why there are no numbers when the team keeps progress private', async () => {
    await renderCard(jest.fn(async () => testPrivateTeamLearningProgress()));
    expect(
      await screen.findByText("The team's onboarding progress is not shared"),
    ).toBeInTheDocument();
    expect(screen.getByTestId('team-learning-explanation')).toHaveTextContent(
      /keeps its members' learning progress private.*spec\.shareProgress: true/,
    );
    expect(screen.getByText('Payments onboarding')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('team-learning-demo')).not.toBeInTheDocument();
  });

  it('says so when a sharing team has no members yet', async () => {
    await renderCard(
      jest.fn(async () =>
        testTeamLearningProgress({ memberCount: 0, completedBy: 0 }),
      ),
    );
    expect(
      await screen.findByText('The team has no members in the catalog yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
