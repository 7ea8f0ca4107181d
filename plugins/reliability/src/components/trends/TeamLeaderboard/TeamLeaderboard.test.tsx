import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { leaderboard } from '../testData';
import { TeamLeaderboard } from './TeamLeaderboard';

async function renderBoard(getTrendLeaderboard: jest.Mock) {
  await renderInTestApp(
    <TestApiProvider
      apis={[[reliabilityApiRef, { getTrendLeaderboard } as any]]}
    >
      <TeamLeaderboard limit={5} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const teamsInOrder = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[1].textContent);

describe('TeamLeaderboard', () => {
  it('names levels as people read them, not by their ids', async () => {
    await renderBoard(
      jest.fn(async () => ({
        ...leaderboard,
        byScore: leaderboard.byScore.map((e, i) => ({
          ...e,
          level: i === 0 ? 'none' : e.level,
        })),
      })),
    );
    await screen.findByText('Snapshot of 2026-12-01.');
    const levels = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[3].textContent);
    expect(levels).toEqual(['No level yet', 'Beginner', 'Beginner']);
  });

  it('ranks teams by score, then by improvement', async () => {
    const getTrendLeaderboard = jest.fn(async () => leaderboard);
    await renderBoard(getTrendLeaderboard);
    expect(
      await screen.findByText('Snapshot of 2026-12-01.'),
    ).toBeInTheDocument();
    expect(getTrendLeaderboard).toHaveBeenCalledWith({ limit: 5 });
    expect(teamsInOrder()).toEqual(['payments', 'orders demo data', 'search']);
    // Any column sorts on the client; a team without a change comes first, upwards.
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect(teamsInOrder()).toEqual(['search', 'payments', 'orders demo data']);
    expect(
      screen.getByRole('columnheader', { name: 'Change' }),
    ).toHaveAttribute('aria-sort', 'ascending');

    // The other ranking starts in its own order.
    fireEvent.click(
      screen.getByRole('tab', { name: 'Most improved (90 days)' }),
    );
    expect(teamsInOrder()).toEqual(['orders demo data', 'payments']);
    expect(screen.getByText('+30.5 since 2026-09-02')).toBeInTheDocument();
  });

  it('says when the first snapshot is taken while there is none', async () => {
    await renderBoard(
      jest.fn(async () => ({
        ...leaderboard,
        day: null,
        byScore: [],
        byImprovement: [],
      })),
    );
    expect(
      await screen.findByText(/^No snapshots yet: the first is taken /),
    ).toBeInTheDocument();
  });

  it('explains an empty improvement ranking after the first day', async () => {
    await renderBoard(
      jest.fn(async () => ({ ...leaderboard, byImprovement: [] })),
    );
    fireEvent.click(
      await screen.findByRole('tab', { name: 'Most improved (90 days)' }),
    );
    expect(
      screen.getByText(/improvement shows from the second day on/),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderBoard(
      jest.fn(async () => Promise.reject(new Error('backend down'))),
    );
    expect(await screen.findAllByText(/backend down/)).not.toHaveLength(0);
  });
});
