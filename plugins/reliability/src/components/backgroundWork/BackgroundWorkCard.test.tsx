import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReliabilityApi } from '@internal/backstage-plugin-reliability-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
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

/** The answer to Run now of a global task. */
const globalRun = (taskId: string) => ({
  taskId,
  triggeredAt: '2026-12-01T10:02:00.000Z',
  scope: 'global' as const,
  message:
    'Starts within a few seconds on a replica that runs background tasks.',
});

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
    const trigger = jest.fn(async (taskId: string) => globalRun(taskId));
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
    // The task's last success is the newest of any replica, though the replica shown never succeeded.
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent(
      'now, took 1 snewest of 2 replicas',
    );
    expect(row).not.toHaveTextContent(/backstage-web/);
    expect(screen.getByText(/One task needs attention/)).toHaveTextContent(
      '(On-call schedule files (1 of 2 replicas))',
    );
  });

  it('tells two processes on one host apart by their pid, for a reliability admin', async () => {
    const task = testLocalTask(true);
    const onVm = task.replicas!.map((replica, index) => ({
      ...replica,
      runner: 'vm-1',
      pid: 4101 + index,
      replica: `vm-1:${4101 + index}:0${index}`,
    }));
    await renderCard(async () =>
      testBackgroundWork({
        detailsShown: true,
        tasks: [{ ...task, replicas: onVm }],
      }),
    );
    const row = await screen.findByRole('row', {
      name: /On-call schedule files/,
    });
    expect(
      within(row)
        .getAllByRole('listitem')
        .map(item => item.textContent?.split(':')[0]),
    ).toEqual(['vm-1 (pid 4101)', 'vm-1 (pid 4102)']);
    expect(within(row).getByTitle('Process vm-1:4101:00')).toBeInTheDocument();
  });

  it('shows a reliability admin each replica of a local task by host name, the failing one first', async () => {
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
      'backstage-web-1: Last run failedlast run 1 minute agono success recordedENOENT: /etc/schedules/web.yaml',
      'backstage-web-0: On timelast run 1 minute ago',
    ]);
    // The failure is said once, under its replica.
    expect(within(row).getAllByText(/ENOENT/)).toHaveLength(1);
  });

  it('lets a reliability admin run a local task on every replica, says within about a minute, and shows the request while some replica has not run it', async () => {
    const trigger = jest.fn(async (taskId: string) => ({
      taskId,
      triggeredAt: '2026-12-01T10:02:00.000Z',
      scope: 'local' as const,
      message: 'Runs on every replica within about a minute.',
    }));
    const requested = {
      ...testLocalTask(true),
      runRequest: {
        requestedAt: '2026-12-01T10:01:30.000Z',
        requestedBy: 'user:default/alice',
        pendingReplicas: 1,
      },
    };
    await renderCard(
      async () =>
        testBackgroundWork({
          detailsShown: true,
          tasks: [testTask(), requested],
        }),
      trigger,
    );
    const row = await screen.findByRole('row', {
      name: /On-call schedule files/,
    });
    expect(row).toHaveTextContent(
      'requested now by user:default/alice, 1 of 2 replicas still to run it',
    );
    fireEvent.click(
      within(row).getByRole('button', {
        name: 'Run On-call schedule files now',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      /Every replica that runs this task runs its own copy once, at its next heartbeat: within about a minute/,
    );
    fireEvent.change(within(dialog).getByLabelText('Why now'), {
      target: { value: 'Schedule file fixed' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run now' }));
    await waitFor(() =>
      expect(trigger).toHaveBeenCalledWith(
        'reliability-oncall-schedule-files',
        { reason: 'Schedule file fixed' },
      ),
    );
    expect(
      await screen.findByText(
        'On-call schedule files runs on every replica within about a minute, each at its next heartbeat.',
      ),
    ).toBeInTheDocument();
  });

  describe('after Run now', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    /** Opens Run now for SLO collection, gives a reason and confirms it, with fake timers from then on. */
    async function runSloCollectionNow() {
      fireEvent.click(
        await screen.findByRole('button', { name: 'Run SLO collection now' }),
      );
      const dialog = await screen.findByRole('dialog');
      fireEvent.change(within(dialog).getByLabelText('Why now'), {
        target: { value: 'Prometheus credentials fixed' },
      });
      jest.useFakeTimers();
      await act(async () => {
        fireEvent.click(
          within(dialog).getByRole('button', { name: 'Run now' }),
        );
      });
    }
    const wait = (ms: number) =>
      act(async () => {
        await jest.advanceTimersByTimeAsync(ms);
      });
    const sloRow = () => screen.getByRole('row', { name: /SLO collection/ });

    it('asks every 2 seconds until the run has started and ended, then stops', async () => {
      const before = testBackgroundWork({ detailsShown: true });
      const running = testBackgroundWork({
        detailsShown: true,
        checkedAt: '2026-12-01T10:02:05.000Z',
        tasks: [
          testTask({
            state: 'running',
            nextRunDueAt: undefined,
            lastRun: {
              startedAt: '2026-12-01T10:02:03.000Z',
              outcome: 'running',
              runner: 'backstage-worker-0',
            },
          }),
        ],
      });
      const ended = testBackgroundWork({
        detailsShown: true,
        checkedAt: '2026-12-01T10:02:07.000Z',
        tasks: [
          testTask({
            lastRun: {
              startedAt: '2026-12-01T10:02:03.000Z',
              endedAt: '2026-12-01T10:02:06.000Z',
              durationMs: 3000,
              outcome: 'succeeded',
              runner: 'backstage-worker-0',
            },
            lastSuccess: {
              endedAt: '2026-12-01T10:02:06.000Z',
              durationMs: 3000,
            },
          }),
        ],
      });
      const answers = [before, before, running, ended];
      const get = jest.fn(async () => answers.shift() ?? ended);
      await renderCard(get, async taskId => globalRun(taskId));
      await runSloCollectionNow();
      expect(
        screen.getByText(
          'SLO collection starts within a few seconds on a replica that runs background tasks.',
        ),
      ).toBeInTheDocument();
      // Not at once: right after the request the task has not started yet.
      expect(get).toHaveBeenCalledTimes(1);

      await wait(2000);
      expect(get).toHaveBeenCalledTimes(2);
      expect(
        screen.getByText(/starts within a few seconds/),
      ).toBeInTheDocument();
      expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');

      await wait(2000);
      expect(get).toHaveBeenCalledTimes(3);
      expect(
        screen.getByText('SLO collection is running.'),
      ).toBeInTheDocument();
      expect(within(sloRow()).getByText('Running')).toBeInTheDocument();

      await wait(2000);
      expect(get).toHaveBeenCalledTimes(4);
      expect(
        screen.getByText('SLO collection ran and succeeded (took 3 s).'),
      ).toBeInTheDocument();
      expect(within(sloRow()).getByText('On time')).toBeInTheDocument();
      expect(sloRow()).toHaveTextContent('took 3 s');
      expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false');

      await wait(20_000);
      expect(get).toHaveBeenCalledTimes(4);
    });

    it('stops after 15 seconds when the run has not started, and says so', async () => {
      const get = jest.fn(async () =>
        testBackgroundWork({ detailsShown: true }),
      );
      await renderCard(get, async taskId => globalRun(taskId));
      await runSloCollectionNow();
      await wait(14_000);
      expect(
        screen.getByText(/starts within a few seconds/),
      ).toBeInTheDocument();
      await wait(2000);
      expect(
        screen.getByText(/SLO collection has not started within 15 seconds/),
      ).toBeInTheDocument();
      const calls = get.mock.calls.length;
      // First load, then one answer every 2 seconds for 16 seconds.
      expect(calls).toBe(9);
      await wait(20_000);
      expect(get).toHaveBeenCalledTimes(calls);
    });

    it('says a run that failed, and keeps asking through an answer that failed', async () => {
      const failed = testBackgroundWork({
        detailsShown: true,
        tasks: [
          testTask({
            state: 'failing',
            lastRun: {
              startedAt: '2026-12-01T10:02:03.000Z',
              endedAt: '2026-12-01T10:02:04.000Z',
              durationMs: 1000,
              outcome: 'failed',
              error: 'connect ECONNREFUSED prometheus:9090',
            },
          }),
        ],
      });
      const get = jest
        .fn<ReturnType<ReliabilityApi['getBackgroundWork']>, []>()
        .mockResolvedValueOnce(testBackgroundWork({ detailsShown: true }))
        .mockRejectedValueOnce(new Error('gateway timeout'))
        .mockResolvedValue(failed);
      await renderCard(get, async taskId => globalRun(taskId));
      await runSloCollectionNow();
      await wait(2000);
      expect(
        screen.getByText(/starts within a few seconds/),
      ).toBeInTheDocument();
      await wait(2000);
      expect(
        screen.getByText(
          'SLO collection ran and failed: its state below says more.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('connect ECONNREFUSED prometheus:9090'),
      ).toBeInTheDocument();
      expect(get).toHaveBeenCalledTimes(3);
    });

    it('follows a local task every 5 seconds until every replica has run it', async () => {
      const local = testLocalTask(true);
      const pending = testBackgroundWork({
        detailsShown: true,
        tasks: [
          {
            ...local,
            runRequest: {
              requestedAt: '2026-12-01T10:02:00.000Z',
              pendingReplicas: 1,
            },
          },
        ],
      });
      const ranEverywhere = testBackgroundWork({
        detailsShown: true,
        tasks: [
          {
            ...local,
            state: 'ok',
            replicaCount: { total: 2, byState: { ok: 2 } },
          },
        ],
      });
      const answers = [
        testBackgroundWork({ detailsShown: true, tasks: [local] }),
        pending,
      ];
      const get = jest.fn(async () => answers.shift() ?? ranEverywhere);
      await renderCard(get, async taskId => ({
        ...globalRun(taskId),
        scope: 'local' as const,
      }));
      fireEvent.click(
        await screen.findByRole('button', {
          name: 'Run On-call schedule files now',
        }),
      );
      const dialog = await screen.findByRole('dialog');
      fireEvent.change(within(dialog).getByLabelText('Why now'), {
        target: { value: 'Schedule file fixed' },
      });
      jest.useFakeTimers();
      await act(async () => {
        fireEvent.click(
          within(dialog).getByRole('button', { name: 'Run now' }),
        );
      });
      await wait(5000);
      expect(get).toHaveBeenCalledTimes(2);
      expect(
        screen.getByText(/1 of 2 replicas still to run it\.$/),
      ).toBeInTheDocument();
      await wait(5000);
      expect(
        screen.getByText(
          'On-call schedule files ran on every replica and succeeded.',
        ),
      ).toBeInTheDocument();
      await wait(60_000);
      expect(get).toHaveBeenCalledTimes(3);
    });
  });
});
