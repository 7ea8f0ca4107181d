import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReliabilityApi } from '@internal/backstage-plugin-reliability-common';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { BackgroundWorkBanner } from './BackgroundWorkBanner';
import { testBackgroundWork, testLocalTask, testTask } from './testData';

async function renderBanner(
  getBackgroundWork: ReliabilityApi['getBackgroundWork'],
) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, { getBackgroundWork }]]}>
      <BackgroundWorkBanner />
      <p>overview</p>
    </TestApiProvider>,
    { mountedRoutes: { '/reliability': rootRouteRef } },
  );
}

describe('BackgroundWorkBanner', () => {
  it('names the tasks that need attention and links to the Monitoring tab', async () => {
    await renderBanner(async () =>
      testBackgroundWork({
        tasks: [
          testTask(),
          testTask({ id: 'reliability-slo-refresh', state: 'late' }),
          testTask({ id: 'reliability-checklist-refresh', state: 'failing' }),
        ],
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Some reliability data may be out of date (SLO collection: late; Checklist refresh: last run failed).',
    );
    expect(
      screen.getByRole('link', {
        name: 'Background work on the Monitoring tab',
      }),
    ).toHaveAttribute('href', '/reliability/monitoring');
  });

  it('says how many replicas of a local task are in trouble', async () => {
    await renderBanner(async () =>
      testBackgroundWork({ tasks: [testTask(), testLocalTask(false)] }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '(On-call schedule files (1 of 2 replicas): last run failed)',
    );
  });

  it('says when no replica runs the tasks', async () => {
    await renderBanner(async () => testBackgroundWork({ tasks: [] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No replica runs the reliability background tasks',
    );
  });

  it('says nothing when every task runs on time', async () => {
    await renderBanner(async () => testBackgroundWork());
    expect(await screen.findByText('overview')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says nothing when the state cannot be read (the Monitoring tab shows the error)', async () => {
    await renderBanner(async () => {
      throw new Error('unavailable');
    });
    expect(await screen.findByText('overview')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
