import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReliabilityApi } from '@internal/backstage-plugin-reliability-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { BackgroundWorkCard } from './BackgroundWorkCard';
import { testBackgroundWork, testLocalTask, testTask } from './testData';

async function renderCard(
  getBackgroundWork: ReliabilityApi['getBackgroundWork'],
  triggerBackgroundTask: ReliabilityApi['triggerBackgroundTask'] = jest.fn(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[reliabilityApiRef, { getBackgroundWork, triggerBackgroundTask }]]}
    >
      <BackgroundWorkCard />
    </TestApiProvider>,
  );
}

describe('BackgroundWorkCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderCard(async () => {
      throw new Error('background work unavailable');
    });
    expect(
      (await screen.findAllByText(/background work unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('says the data is current when every task ran on time, with each run and its cadence', async () => {
    await renderCard(async () => testBackgroundWork());
    expect(
      await screen.findByText(/Every background task ran on time/),
    ).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /SLO collection/ });
    expect(within(row).getByText('On time')).toBeInTheDocument();
    expect(row).toHaveTextContent('2 minutes ago, took 21 s');
    expect(within(row).getByText('on backstage-worker-0')).toBeInTheDocument();
    expect(within(row).getByText('every 5 min')).toBeInTheDocument();
    expect(within(row).queryByText(/of it$/)).not.toBeInTheDocument();
    // The last success is that same run: said once.
    expect(within(row).getByText('the last run')).toBeInTheDocument();
    expect(within(row).getByText('in 3 minutes')).toBeInTheDocument();
  });

  it('names the tasks that need attention, late first, and says where failure messages are', async () => {
    await renderCard(async () =>
      testBackgroundWork({
        tasks: [
          testTask({
            id: 'reliability-checklist-refresh',
            state: 'failing',
            lastRun: {
              startedAt: '2026-12-01T09:59:00.000Z',
              endedAt: '2026-12-01T09:59:01.000Z',
              durationMs: 1000,
              outcome: 'failed',
            },
          }),
          testTask({ state: 'late', nextRunDueAt: '2026-12-01T09:00:00.000Z' }),
          testTask({ id: 'reliability-trends-refresh', cadence: '0 3 * * *' }),
        ],
      }),
    );
    const alert = await screen.findByText(/2 tasks need attention/);
    expect(alert).toHaveTextContent(
      '(SLO collection, Checklist refresh): the figures they keep may be out of date',
    );
    expect(alert).toHaveTextContent('reliability.backgroundTasks.enabled');
    expect(alert).toHaveTextContent(
      'Failure messages are shown to reliability admins',
    );
    expect(screen.getByText('Late')).toBeInTheDocument();
    expect(screen.getByText('Last run failed')).toBeInTheDocument();
    expect(screen.getByText('cron 0 3 * * *')).toBeInTheDocument();
  });

  it('shows a failure’s message to a reliability admin', async () => {
    await renderCard(async () =>
      testBackgroundWork({
        detailsShown: true,
        tasks: [
          testTask({
            state: 'failing',
            lastRun: {
              startedAt: '2026-12-01T10:00:00.000Z',
              endedAt: '2026-12-01T10:00:01.000Z',
              outcome: 'failed',
              error: 'connect ECONNREFUSED prometheus:9090',
            },
          }),
        ],
      }),
    );
    expect(
      await screen.findByText('connect ECONNREFUSED prometheus:9090'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Failure messages are shown/),
    ).not.toBeInTheDocument();
  });

  it('says no replica runs the tasks when none was ever registered', async () => {
    await renderCard(async () => testBackgroundWork({ tasks: [] }));
    expect(
      await screen.findByText(/No replica has registered/),
    ).toBeInTheDocument();
  });

  it('lets a reliability admin run a task now with a reason, and says it starts soon', async () => {
    const trigger = jest.fn(async (taskId: string) => ({
      taskId,
      triggeredAt: '2026-12-01T10:02:00.000Z',
    }));
    await renderCard(
      async () => testBackgroundWork({ detailsShown: true }),
      trigger,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Run SLO collection now' }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Run now' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Why now'), {
      target: { value: 'Prometheus credentials fixed' },
    });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(trigger).toHaveBeenCalledWith('reliability-slo-refresh', {
        reason: 'Prometheus credentials fixed',
      }),
    );
    expect(
      await screen.findByText(
        'SLO collection starts within a few seconds on a replica that runs background tasks.',
      ),
    ).toBeInTheDocument();
  });

  it('offers no Run now to other users', async () => {
    await renderCard(async () => testBackgroundWork({ detailsShown: false }));
    expect(
      await screen.findByRole('row', { name: /SLO collection/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Run .* now/ }),
    ).not.toBeInTheDocument();
  });

  it('flags a task whose last run took half its cadence or more', async () => {
    await renderCard(async () =>
      testBackgroundWork({
        tasks: [
          testTask({
            lastSuccess: {
              endedAt: '2026-12-01T10:04:00.000Z',
              durationMs: 4 * 60_000,
            },
          }),
        ],
      }),
    );
    const row = await screen.findByRole('row', { name: /SLO collection/ });
    expect(
      within(row).getByText('its last run took 80 % of it'),
    ).toBeInTheDocument();
  });

  it('says how many replicas run a local task and how many fail, without naming them, to other users', async () => {
    await renderCard(async () =>
      testBackgroundWork({ tasks: [testTask(), testLocalTask(false)] }),
    );
    const row = await screen.findByRole('row', {
      name: /On-call schedule files/,
    });
    expect(within(row).getByText('Last run failed')).toBeInTheDocument();
    expect(within(row).getByText('2 replicas, 1 failing')).toBeInTheDocument();
    expect(row).not.toHaveTextContent(/backstage-web/);
    expect(screen.getByText(/One task needs attention/)).toHaveTextContent(
      '(On-call schedule files (1 of 2 replicas))',
    );
  });

  it('shows a reliability admin each replica of a local task by host name, the failing one first, and offers no Run now for it', async () => {
    await renderCard(async () =>
      testBackgroundWork({
        detailsShown: true,
        tasks: [testTask(), testLocalTask(true)],
      }),
    );
    const row = await screen.findByRole('row', {
      name: /On-call schedule files/,
    });
    const replicas = within(row).getAllByRole('listitem');
    expect(replicas.map(item => item.textContent)).toEqual([
      'backstage-web-1: Last run failedlast run 1 minute agoENOENT: /etc/schedules/web.yaml',
      'backstage-web-0: On timelast run 1 minute ago',
    ]);
    // The failure is said once, under its replica.
    expect(within(row).getAllByText(/ENOENT/)).toHaveLength(1);
    expect(within(row).getByText('on each replica')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Run On-call schedule files now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Run SLO collection now' }),
    ).toBeInTheDocument();
  });
});
