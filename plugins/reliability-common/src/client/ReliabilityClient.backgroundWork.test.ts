import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { BackgroundWorkResponse } from '../backgroundWork';
import {
  MSW_BASE_URL,
  setupMswTestClient,
} from './__testUtils__/mswTestClient';

const { server, client } = setupMswTestClient();

const response: BackgroundWorkResponse = {
  checkedAt: '2026-12-01T10:02:00.000Z',
  detailsShown: false,
  tasks: [
    {
      id: 'reliability-slo-refresh',
      cadence: 'PT5M',
      timeout: 'PT4M',
      state: 'ok',
      nextRunDueAt: '2026-12-01T10:05:00.000Z',
      lastRun: {
        startedAt: '2026-12-01T10:00:00.000Z',
        endedAt: '2026-12-01T10:00:21.000Z',
        durationMs: 21_000,
        outcome: 'succeeded',
      },
    },
  ],
};

describe('ReliabilityClient background work', () => {
  it('gets the state of the background tasks', async () => {
    server.use(
      http.get(`${MSW_BASE_URL}/background-work`, () =>
        HttpResponse.json(response),
      ),
    );
    expect(await client.getBackgroundWork()).toEqual(response);
  });

  it('triggers a task with the reason', async () => {
    let sent: unknown;
    server.use(
      http.post(
        `${MSW_BASE_URL}/background-work/reliability-slo-refresh/trigger`,
        async ({ request }) => {
          sent = await request.json();
          return HttpResponse.json({
            taskId: 'reliability-slo-refresh',
            triggeredAt: '2026-12-01T10:02:00.000Z',
          });
        },
      ),
    );
    expect(
      await client.triggerBackgroundTask('reliability-slo-refresh', {
        reason: 'Prometheus credentials fixed',
      }),
    ).toEqual({
      taskId: 'reliability-slo-refresh',
      triggeredAt: '2026-12-01T10:02:00.000Z',
    });
    expect(sent).toEqual({ reason: 'Prometheus credentials fixed' });
  });

  it('surfaces an error with its status', async () => {
    server.use(
      http.get(`${MSW_BASE_URL}/background-work`, () =>
        HttpResponse.json(
          { error: { name: 'AuthenticationError', message: 'No token' } },
          { status: 401 },
        ),
      ),
    );
    const error = await client.getBackgroundWork().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
  });
});
